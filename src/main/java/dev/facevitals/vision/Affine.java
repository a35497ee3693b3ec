package dev.facevitals.vision;

/**
 * A 2-D affine map {@code (x, y) -> (a*x + b*y + c, d*x + e*y + f)}, row-major like OpenCV's 2x3 matrices.
 * Used to go from image pixels to a model's input tensor (letterbox, rotated face crop) and back.
 */
public record Affine(double a, double b, double c, double d, double e, double f) {

    public static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    /** Scale then translate: {@code (x, y) -> (s*x + tx, s*y + ty)}. */
    public static Affine scaleTranslate(double s, double tx, double ty) {
        return new Affine(s, 0, tx, 0, s, ty);
    }

    /**
     * Maps a square window of side {@code size} centred on {@code (cx, cy)} and rotated by {@code angle}
     * radians (counter-clockwise on screen as y points down means the window's x axis points along
     * (cos, sin)) onto {@code [0, out) x [0, out)}.
     */
    public static Affine rotatedWindow(double cx, double cy, double size, double angle, int out) {
        double s = out / size;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // u = s * ( cos*(x-cx) + sin*(y-cy)) + out/2 ; v = s * (-sin*(x-cx) + cos*(y-cy)) + out/2
        double a = s * cos;
        double b = s * sin;
        double d = -s * sin;
        double e = s * cos;
        return new Affine(a, b, out / 2.0 - a * cx - b * cy, d, e, out / 2.0 - d * cx - e * cy);
    }

    public double applyX(double x, double y) {
        return a * x + b * y + c;
    }

    public double applyY(double x, double y) {
        return d * x + e * y + f;
    }

    public Point apply(Point p) {
        return new Point(applyX(p.x(), p.y()), applyY(p.x(), p.y()));
    }

    /** Mean scale factor (square root of the determinant's magnitude). */
    public double scale() {
        return Math.sqrt(Math.abs(a * e - b * d));
    }

    public Affine inverse() {
        double det = a * e - b * d;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("singular affine map");
        }
        double ia = e / det;
        double ib = -b / det;
        double id = -d / det;
        double ie = a / det;
        return new Affine(ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f));
    }

    /** The map that applies {@code first}, then this. */
    public Affine after(Affine first) {
        return new Affine(
                a * first.a + b * first.d, a * first.b + b * first.e, a * first.c + b * first.f + c,
                d * first.a + e * first.d, d * first.b + e * first.e, d * first.c + e * first.f + f);
    }
}
