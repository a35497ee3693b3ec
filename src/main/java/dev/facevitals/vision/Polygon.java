package dev.facevitals.vision;

import java.util.Arrays;
import java.util.List;

/** A simple polygon in image pixels (even-odd rule), vertices in order. */
public record Polygon(double[] xs, double[] ys) {

    public Polygon {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    public static Polygon of(List<Point> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
        }
        return new Polygon(x, y);
    }

    public int size() {
        return xs.length;
    }

    /** Shoelace area (positive whatever the orientation). */
    public double area() {
        double s = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            s += xs[j] * ys[i] - xs[i] * ys[j];
        }
        return Math.abs(s) / 2;
    }

    public Box bounds() {
        double x0 = Arrays.stream(xs).min().orElseThrow();
        double x1 = Arrays.stream(xs).max().orElseThrow();
        double y0 = Arrays.stream(ys).min().orElseThrow();
        double y1 = Arrays.stream(ys).max().orElseThrow();
        return Box.fromCorners(x0, y0, x1, y1);
    }

    public Polygon translate(double dx, double dy) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += dx;
            y[i] += dy;
        }
        return new Polygon(x, y);
    }

    /** Even-odd point-in-polygon test. */
    public boolean contains(double px, double py) {
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > py) != (ys[j] > py)
                    && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * The pixels whose centres lie inside, as horizontal runs, without clipping to any image (clip when
     * sampling, since the polygon may move). A pixel (x, y) has its centre at (x + 0.5, y + 0.5).
     */
    public PixelSpans rasterize() {
        Box b = bounds();
        int y0 = (int) Math.floor(b.y());
        int y1 = (int) Math.ceil(b.bottom());
        PixelSpans.Builder out = new PixelSpans.Builder();
        double[] cross = new double[xs.length];
        for (int y = y0; y <= y1; y++) {
            double cy = y + 0.5;
            int n = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > cy) != (ys[j] > cy)) {
                    cross[n++] = xs[i] + (xs[j] - xs[i]) * (cy - ys[i]) / (ys[j] - ys[i]);
                }
            }
            Arrays.sort(cross, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                // centres x + 0.5 in [cross[k], cross[k+1])
                int start = (int) Math.ceil(cross[k] - 0.5);
                int end = (int) Math.ceil(cross[k + 1] - 0.5);
                if (end > start) {
                    out.add(y, start, end);
                }
            }
        }
        return out.build();
    }
}
