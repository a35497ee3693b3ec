package dev.facevitals.vision;

/** A point in image pixels (x to the right, y down), sub-pixel precision. */
public record Point(double x, double y) {

    public double distanceTo(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    public Point translate(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    /** Linear interpolation: {@code this} at t = 0, {@code o} at t = 1. */
    public Point lerp(Point o, double t) {
        return new Point(x + (o.x - x) * t, y + (o.y - y) * t);
    }
}
