package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * Pure-Java image edits for tests: the known transformations (crop, scale, rotate, exposure, occlusion) that
 * turn the sample photos into snapshots with a known defect. All results are packed heap images.
 */
public final class TestImages {

    private TestImages() {
    }

    public static int[] rgb(ImageView v, int x, int y) {
        int o = v.offset(x, y);
        ByteBuffer p = v.pixels();
        return new int[] {p.get(o + 2) & 0xff, p.get(o + 1) & 0xff, p.get(o) & 0xff};
    }

    public static void set(ImageView v, int x, int y, int r, int g, int b) {
        int o = v.offset(x, y);
        v.pixels().put(o, (byte) clamp(b)).put(o + 1, (byte) clamp(g)).put(o + 2, (byte) clamp(r));
    }

    public static ImageView solid(int w, int h, int r, int g, int b) {
        ImageView v = ImageViews.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                set(v, x, y, r, g, b);
            }
        }
        return v;
    }

    /** Crop of any rectangle; parts outside the source are black (a shifted camera). */
    public static ImageView crop(ImageView src, int x0, int y0, int w, int h) {
        ImageView out = ImageViews.blank(w, h);
        for (int y = 0; y < h; y++) {
            int sy = y0 + y;
            if (sy < 0 || sy >= src.height()) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int sx = x0 + x;
                if (sx >= 0 && sx < src.width()) {
                    int[] c = rgb(src, sx, sy);
                    set(out, x, y, c[0], c[1], c[2]);
                }
            }
        }
        return out;
    }

    /** Resize by area averaging (shrinking) or bilinear interpolation (enlarging). */
    public static ImageView scale(ImageView src, double f) {
        int w = Math.max(1, (int) Math.round(src.width() * f));
        int h = Math.max(1, (int) Math.round(src.height() * f));
        ImageView out = ImageViews.blank(w, h);
        if (f >= 1) {
            return warp(src, w, h, 1 / f, 0, 0, 0, 1 / f, 0);
        }
        for (int y = 0; y < h; y++) {
            int y0 = (int) Math.floor(y / f);
            int y1 = Math.max(y0 + 1, Math.min(src.height(), (int) Math.floor((y + 1) / f)));
            for (int x = 0; x < w; x++) {
                int x0 = (int) Math.floor(x / f);
                int x1 = Math.max(x0 + 1, Math.min(src.width(), (int) Math.floor((x + 1) / f)));
                long r = 0;
                long g = 0;
                long b = 0;
                int n = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int[] c = rgb(src, xx, yy);
                        r += c[0];
                        g += c[1];
                        b += c[2];
                        n++;
                    }
                }
                set(out, x, y, (int) (r / n), (int) (g / n), (int) (b / n));
            }
        }
        return out;
    }

    /** Rotates by {@code degrees} (clockwise on screen) about (cx, cy); corners become black. */
    public static ImageView rotate(ImageView src, double degrees, double cx, double cy) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        // output pixel p -> source = R(-a) (p - c) + c
        return warp(src, src.width(), src.height(), cos, sin, cx - cos * cx - sin * cy,
                -sin, cos, cy + sin * cx - cos * cy);
    }

    /** Shifts by a sub-pixel amount (content moves by +dx, +dy). */
    public static ImageView shift(ImageView src, double dx, double dy) {
        return warp(src, src.width(), src.height(), 1, 0, -dx, 0, 1, -dy);
    }

    /** Output (x, y) samples the source at (a x + b y + c, d x + e y + f), bilinear, black outside. */
    static ImageView warp(ImageView src, int w, int h, double a, double b, double c, double d, double e, double f) {
        ImageView out = ImageViews.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = a * (x + 0.5) + b * (y + 0.5) + c - 0.5;
                double sy = d * (x + 0.5) + e * (y + 0.5) + f - 0.5;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                if (ix < 0 || iy < 0 || ix + 1 >= src.width() || iy + 1 >= src.height()) {
                    continue;
                }
                double fx = sx - ix;
                double fy = sy - iy;
                int[] p00 = rgb(src, ix, iy);
                int[] p10 = rgb(src, ix + 1, iy);
                int[] p01 = rgb(src, ix, iy + 1);
                int[] p11 = rgb(src, ix + 1, iy + 1);
                int[] o = new int[3];
                for (int k = 0; k < 3; k++) {
                    double top = p00[k] + (p10[k] - p00[k]) * fx;
                    double bot = p01[k] + (p11[k] - p01[k]) * fx;
                    o[k] = (int) Math.round(top + (bot - top) * fy);
                }
                set(out, x, y, o[0], o[1], o[2]);
            }
        }
        return out;
    }

    /** Left-right mirror image (a front camera's preview). */
    public static ImageView mirror(ImageView src) {
        return warp(src, src.width(), src.height(), -1, 0, src.width(), 0, 1, 0);
    }

    /** Multiplies every channel by a gain that runs linearly from {@code left} (x = 0) to {@code right}. */
    public static ImageView gain(ImageView src, double left, double right) {
        ImageView out = ImageViews.copy(src);
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                double g = left + (right - left) * x / Math.max(1, src.width() - 1);
                int[] c = rgb(src, x, y);
                set(out, x, y, (int) Math.round(c[0] * g), (int) Math.round(c[1] * g), (int) Math.round(c[2] * g));
            }
        }
        return out;
    }

    /** Paints a polygon (in place) with one colour: a hat, a hand, a sticker. */
    public static void fill(ImageView v, Polygon p, int r, int g, int b) {
        PixelSpans s = p.rasterize();
        for (int i = 0; i < s.spans(); i++) {
            int y = s.row(i);
            if (y < 0 || y >= v.height()) {
                continue;
            }
            for (int x = Math.max(0, s.start(i)); x < Math.min(v.width(), s.end(i)); x++) {
                set(v, x, y, r, g, b);
            }
        }
    }

    /** Outlines a box and polygons (debug pictures). */
    public static void draw(ImageView v, Box b, int r, int g, int bl) {
        if (b == null) {
            return;
        }
        draw(v, new Polygon(new double[] {b.x(), b.right(), b.right(), b.x()},
                new double[] {b.y(), b.y(), b.bottom(), b.bottom()}), r, g, bl);
    }

    public static void draw(ImageView v, Polygon p, int r, int g, int b) {
        for (int i = 0; i < p.size(); i++) {
            int j = (i + 1) % p.size();
            double len = Math.hypot(p.xs()[j] - p.xs()[i], p.ys()[j] - p.ys()[i]);
            for (int t = 0; t <= len; t++) {
                int x = (int) Math.round(p.xs()[i] + (p.xs()[j] - p.xs()[i]) * t / Math.max(1, len));
                int y = (int) Math.round(p.ys()[i] + (p.ys()[j] - p.ys()[i]) * t / Math.max(1, len));
                if (x >= 0 && y >= 0 && x < v.width() && y < v.height()) {
                    set(v, x, y, r, g, b);
                }
            }
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
