package dev.facevitals.vision;

/** An axis-aligned rectangle in image pixels: top-left corner plus size. May reach outside the image. */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("negative or NaN size: " + width + "x" + height);
        }
    }

    public static Box fromCorners(double x0, double y0, double x1, double y1) {
        return new Box(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    public static Box centred(double cx, double cy, double width, double height) {
        return new Box(cx - width / 2, cy - height / 2, width, height);
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    public Box translate(double dx, double dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    /** Same centre, each side multiplied by {@code factor}. */
    public Box scale(double factor) {
        return centred(centreX(), centreY(), width * factor, height * factor);
    }

    /** Intersection with another box; a zero-size box when they do not overlap. */
    public Box intersect(Box o) {
        double x0 = Math.max(x, o.x);
        double y0 = Math.max(y, o.y);
        double x1 = Math.min(right(), o.right());
        double y1 = Math.min(bottom(), o.bottom());
        if (x1 <= x0 || y1 <= y0) {
            return new Box(x0, y0, 0, 0);
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** Intersection over union, 0 when disjoint or both empty. */
    public double iou(Box o) {
        double inter = intersect(o).area();
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Share of this box's area that lies inside {@code [0, w) x [0, h)}; 0 for an empty box. */
    public double fractionInside(int w, int h) {
        double a = area();
        return a <= 0 ? 0 : intersect(new Box(0, 0, w, h)).area() / a;
    }
}
