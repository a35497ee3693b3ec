package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * The per-frame hot loop: mean red, green and blue over the skin pixels of each region, and the skin area
 * behind that mean. Regions are pre-rasterised {@link PixelSpans} moved by whole pixels. A region larger than
 * {@code maxSamples} pixels is read on a regular grid fixed to the region (every {@code step}-th row and
 * column), which keeps the cost flat for close-up faces while the mean still covers the whole region. Rows are
 * copied out in bulk; apart from the row buffer nothing is allocated.
 */
public final class SkinSampler {

    /** Default cap on pixels read per region and frame: the mean of 1,500 skin pixels is far below 0.1 level noise. */
    public static final int DEFAULT_MAX_SAMPLES = 1500;

    /** Fractions of a pixel this close to a whole pixel are taken as whole by {@link #sampleSubPixel}. */
    static final double SNAP = 0.05;

    private final int maxSamples;
    private byte[] row = new byte[3 * 1024];
    /** The regions' bounding box while a read asks for its pixels. */
    private final int[] box = new int[4];
    private double[] subRgb;
    private int[] subCount;
    private double[] acc;
    private double[] accWeight;
    private double[] accCount;

    public SkinSampler(int maxSamples) {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be positive");
        }
        this.maxSamples = maxSamples;
    }

    /** Sampling step for a region of {@code pixels} pixels. */
    int step(int pixels) {
        return Math.max(1, (int) Math.ceil(Math.sqrt((double) pixels / maxSamples)));
    }

    /**
     * @param img     input frame
     * @param regions input, region pixel runs in keyframe position
     * @param dx      input, shift of the regions since the keyframe, whole pixels
     * @param dy      input, as dx
     * @param models  input, skin rule per region; a null entry (or a null array) means that region shows no skin
     * @param rgb     output, {@code 3k..3k+2} = mean R, G, B of region k's skin, NaN when it has none
     * @param count   output, skin area of region k in pixels (sampled skin pixels times step squared)
     * @param inside  output (may be null), pixels of region k inside the frame, skin or not
     */
    public void sample(ImageView img, PixelSpans[] regions, int dx, int dy, SkinModel[] models, double[] rgb,
                       int[] count, int[] inside) {
        sample(img, regions, dx, dy, models, rgb, count, inside, null);
    }

    /**
     * As {@link #sample(ImageView, PixelSpans[], int, int, SkinModel[], double[], int[], int[])} with the
     * sampling step per region given (null: from each region's size). Patches cut from one region pass that
     * region's step, so splitting a region reads the same pixels as the whole.
     */
    public void sample(ImageView img, PixelSpans[] regions, int dx, int dy, SkinModel[] models, double[] rgb,
                       int[] count, int[] inside, int[] steps) {
        ByteBuffer px = affineBounds(img, regions, 0, 0, 1, 0, 0, 1, dx, dy);
        int w = img.width();
        int h = img.height();
        for (int k = 0; k < regions.length; k++) {
            PixelSpans spans = regions[k];
            long sr = 0;
            long sg = 0;
            long sb = 0;
            int n = 0;
            int step = steps == null ? step(spans.pixels()) : steps[k];
            SkinModel model = models == null ? null : models[k];
            if (model != null) {
                double rg = model.rg();
                double bg = model.bg();
                double lo = model.minSum();
                double hi = model.maxSum();
                double tol = SkinModel.CHROMA_TOLERANCE;
                for (int i = 0; i < spans.spans(); i++) {
                    int ry = spans.row(i);
                    int y = ry + dy;
                    if (y < 0 || y >= h || Math.floorMod(ry, step) != 0) {
                        continue;
                    }
                    // first region column on the grid, then into image columns, clipped
                    int rx0 = spans.start(i) + Math.floorMod(-spans.start(i), step);
                    int x0 = rx0 + dx;
                    if (x0 < 0) {
                        x0 += ((-x0 + step - 1) / step) * step;
                    }
                    int x1 = Math.min(w, spans.end(i) + dx);
                    if (x1 <= x0) {
                        continue;
                    }
                    int len = 3 * (x1 - x0);
                    if (row.length < len) {
                        row = new byte[len];
                    }
                    px.get(img.offset(x0, y), row, 0, len);
                    for (int o = 0; o < len; o += 3 * step) {
                        int b = row[o] & 0xff;
                        int g = row[o + 1] & 0xff;
                        int r = row[o + 2] & 0xff;
                        if (!skin(r, g, b, lo, hi, SkinModel.CLIP, rg, bg, tol)) {
                            continue;
                        }
                        sr += r;
                        sg += g;
                        sb += b;
                        n++;
                    }
                }
            }
            store(k, n, step, sr, sg, sb, 1, rgb, count, inside,
                    inside == null ? 0 : spans.pixelsInside(dx, dy, w, h));
        }
    }

    /**
     * Like {@link #sample} for a shift by a fraction of a pixel: the means at the (up to four) whole-pixel
     * shifts around it, blended bilinearly (a fraction within {@link #SNAP} of a whole pixel counts as whole,
     * which saves the extra passes). Moving the regions by rounded shifts instead puts a step into a region's
     * mean whenever the rounding changes (skin texture crossing the region's edge): broadband noise on a
     * pulse of a fraction of a level.
     *
     * @param dx input, shift of the regions since the keyframe, pixels
     * @param dy input, as dx
     * @see #sample for the other parameters; {@code count} is the blended skin area, rounded, and
     *     {@code inside} is given for the whole-pixel shift {@code (floor(dx), floor(dy))}
     */
    public void sampleSubPixel(ImageView img, PixelSpans[] regions, double dx, double dy, SkinModel[] models,
                               double[] rgb, int[] count, int[] inside) {
        sampleSubPixel(img, regions, dx, dy, models, rgb, count, inside, null);
    }

    /** As the other {@code sampleSubPixel}, with steps per region as for {@link #sample} (null: from sizes). */
    public void sampleSubPixel(ImageView img, PixelSpans[] regions, double dx, double dy, SkinModel[] models,
                               double[] rgb, int[] count, int[] inside, int[] steps) {
        int x0 = (int) Math.floor(dx);
        int y0 = (int) Math.floor(dy);
        double fx = dx - x0;
        double fy = dy - y0;
        if (fx > 1 - SNAP) {
            x0++;
            fx = 0;
        } else if (fx < SNAP) {
            fx = 0;
        }
        if (fy > 1 - SNAP) {
            y0++;
            fy = 0;
        } else if (fy < SNAP) {
            fy = 0;
        }
        if (fx == 0 && fy == 0) {
            sample(img, regions, x0, y0, models, rgb, count, inside, steps);
            return;
        }
        int n = regions.length;
        if (subRgb == null || subRgb.length != 3 * n) {
            subRgb = new double[3 * n];
            subCount = new int[n];
            acc = new double[3 * n];
            accWeight = new double[3 * n];
            accCount = new double[n];
        }
        java.util.Arrays.fill(acc, 0);
        java.util.Arrays.fill(accWeight, 0);
        java.util.Arrays.fill(accCount, 0);
        boolean first = true;
        for (int j = 0; j <= (fy > 0 ? 1 : 0); j++) {
            for (int i = 0; i <= (fx > 0 ? 1 : 0); i++) {
                double w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                sample(img, regions, x0 + i, y0 + j, models, subRgb, subCount, first ? inside : null, steps);
                first = false;
                for (int k = 0; k < n; k++) {
                    accCount[k] += w * subCount[k];
                    for (int c = 3 * k; c < 3 * k + 3; c++) {
                        if (Double.isFinite(subRgb[c])) {
                            acc[c] += w * subRgb[c];
                            accWeight[c] += w;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            count[k] = (int) Math.round(accCount[k]);
            for (int c = 3 * k; c < 3 * k + 3; c++) {
                rgb[c] = accWeight[c] > 0 ? acc[c] / accWeight[c] : Double.NaN;
            }
        }
    }

    /** The regions' joint bounding box {@code [x0, x1) x [y0, y1)} into {@code box}; empty when x0 >= x1. */
    private static void bounds(PixelSpans[] regions, int[] box) {
        box[0] = Integer.MAX_VALUE;
        box[1] = Integer.MAX_VALUE;
        box[2] = Integer.MIN_VALUE;
        box[3] = Integer.MIN_VALUE;
        for (PixelSpans r : regions) {
            if (r.pixels() > 0) {
                box[0] = Math.min(box[0], r.minX());
                box[1] = Math.min(box[1], r.minY());
                box[2] = Math.max(box[2], r.maxX());
                box[3] = Math.max(box[3], r.maxY());
            }
        }
    }

    /**
     * The frame's pixels, with the regions' bounding box, carried by the affine map (or the shift), ready to
     * read, a pixel wider each way (a bilinear read takes the pixel right of and below a position too).
     */
    private ByteBuffer affineBounds(ImageView img, PixelSpans[] regions, double cx, double cy, double a11,
                                    double a12, double a21, double a22, double dx, double dy) {
        bounds(regions, box);
        int x0 = box[0];
        int y0 = box[1];
        int x1 = box[2];
        int y1 = box[3];
        if (x0 >= x1) {
            return img.pixels(0, 0, 0, 0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 4; corner++) {
            double ox = ((corner & 1) == 0 ? x0 : x1) - cx;
            double oy = ((corner & 2) == 0 ? y0 : y1) - cy;
            double x = cx + a11 * ox + a12 * oy + dx;
            double y = cy + a21 * ox + a22 * oy + dy;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        if (!(maxX - minX < Integer.MAX_VALUE / 4 && maxY - minY < Integer.MAX_VALUE / 4)) {
            // a map that is not finite reads no pixel in bounds; make all of them ready rather than guess
            return img.pixels();
        }
        return img.pixels((int) Math.floor(minX) - 1, (int) Math.floor(minY) - 1, (int) Math.ceil(maxX) + 2,
                (int) Math.ceil(maxY) + 2);
    }

    /**
     * The regions read where the tracker placed them: by {@link #sampleAffine} when the placement is an
     * affine map, else by {@link #sampleSubPixel} at its shift.
     *
     * @see #sample for the other parameters
     */
    public void sampleAt(ImageView img, PixelSpans[] regions, Placement at, SkinModel[] models, double[] rgb,
                         int[] count, int[] inside, int[] steps) {
        if (at.affine()) {
            sampleAffine(img, regions, at.cx(), at.cy(), at.a11(), at.a12(), at.a21(), at.a22(), at.dx(), at.dy(),
                    models, rgb, count, inside, steps);
        } else {
            sampleSubPixel(img, regions, at.dx(), at.dy(), models, rgb, count, inside, steps);
        }
    }

    /**
     * Like {@link #sample} for regions that moved by an affine map since the keyframe: each sampled keyframe
     * pixel {@code X} is read at {@code c + A (X - c) + (dx, dy)} in this frame, bilinearly, so the samples
     * stay on the same skin while the face turns, rolls or nears the camera.
     *
     * @param cx  input, centre {@code c} of the map, keyframe pixels
     * @param cy  input, as cx
     * @param a11 input, linear part {@code A} of the map (row-major)
     * @param dx  input, shift of the centre since the keyframe, pixels
     * @param dy  input, as dx
     * @see #sample for the other parameters; {@code inside} counts the region's pixels whose mapped position
     *     lies inside the frame
     */
    public void sampleAffine(ImageView img, PixelSpans[] regions, double cx, double cy, double a11, double a12,
                             double a21, double a22, double dx, double dy, SkinModel[] models, double[] rgb,
                             int[] count, int[] inside, int[] steps) {
        ByteBuffer px = affineBounds(img, regions, cx, cy, a11, a12, a21, a22, dx, dy);
        int w = img.width();
        int h = img.height();
        // a bilinear read needs two columns and two rows
        boolean readable = w >= 2 && h >= 2;
        for (int k = 0; k < regions.length; k++) {
            PixelSpans spans = regions[k];
            long sr = 0;
            long sg = 0;
            long sb = 0;
            int n = 0;
            int in = 0;
            int step = steps == null ? step(spans.pixels()) : steps[k];
            SkinModel model = models == null ? null : models[k];
            double rg = model == null ? 0 : model.rg();
            double bg = model == null ? 0 : model.bg();
            double lo = model == null ? 0 : model.minSum();
            double hi = model == null ? 0 : model.maxSum();
            double tol = SkinModel.CHROMA_TOLERANCE;
            double loFixed = lo * ONE;
            double hiFixed = hi * ONE;
            for (int i = 0; i < spans.spans(); i++) {
                int ry = spans.row(i);
                int start = spans.start(i);
                int end = spans.end(i);
                double oy = ry - cy;
                // a row maps to a segment, and the frame is convex: both ends inside means all of it is
                if (insideFrame(cx + a11 * (start - cx) + a12 * oy + dx, cy + a21 * (start - cx) + a22 * oy + dy, w, h)
                        && insideFrame(cx + a11 * (end - 1 - cx) + a12 * oy + dx,
                        cy + a21 * (end - 1 - cx) + a22 * oy + dy, w, h)) {
                    in += end - start;
                } else {
                    for (int rx = start; rx < end; rx++) {
                        double ox = rx - cx;
                        in += insideFrame(cx + a11 * ox + a12 * oy + dx, cy + a21 * ox + a22 * oy + dy, w, h) ? 1 : 0;
                    }
                }
                if (model == null || !readable || Math.floorMod(ry, step) != 0) {
                    continue;
                }
                // along the row the mapped position moves by a constant step; weights in fixed point
                int rx = start + Math.floorMod(-start, step);
                double ox = rx - cx;
                double x = cx + a11 * ox + a12 * oy + dx;
                double y = cy + a21 * ox + a22 * oy + dy;
                double sx = a11 * step;
                double sy = a21 * step;
                for (; rx < end; rx += step, x += sx, y += sy) {
                    if (!insideFrame(x, y, w, h)) {
                        continue;
                    }
                    // bilinear read of B, G, R at (x, y), in units of 1 / ONE
                    int x0 = Math.min((int) x, w - 2);
                    int y0 = Math.min((int) y, h - 2);
                    int fx = (int) ((x - x0) * FRACTION);
                    int fy = (int) ((y - y0) * FRACTION);
                    int w11 = fx * fy;
                    int w10 = (fx << FRACTION_BITS) - w11;
                    int w01 = (fy << FRACTION_BITS) - w11;
                    int w00 = ONE - w10 - w01 - w11;
                    int o00 = img.offset(x0, y0);
                    int o01 = o00 + img.stride();
                    int b = w00 * (px.get(o00) & 0xff) + w10 * (px.get(o00 + 3) & 0xff)
                            + w01 * (px.get(o01) & 0xff) + w11 * (px.get(o01 + 3) & 0xff);
                    int g = w00 * (px.get(o00 + 1) & 0xff) + w10 * (px.get(o00 + 4) & 0xff)
                            + w01 * (px.get(o01 + 1) & 0xff) + w11 * (px.get(o01 + 4) & 0xff);
                    int r = w00 * (px.get(o00 + 2) & 0xff) + w10 * (px.get(o00 + 5) & 0xff)
                            + w01 * (px.get(o01 + 2) & 0xff) + w11 * (px.get(o01 + 5) & 0xff);
                    if (!skin(r, g, b, loFixed, hiFixed, CLIP_FIXED, rg, bg, tol)) {
                        continue;
                    }
                    sr += r;
                    sg += g;
                    sb += b;
                    n++;
                }
            }
            store(k, n, step, sr, sg, sb, ONE, rgb, count, inside, in);
        }
    }

    /**
     * Region {@code k}'s results from its sums: the means of {@code n} sampled skin pixels (each channel's sum
     * over {@code n * unit}: 1 for whole levels, the affine read's fixed point otherwise; NaN without any),
     * the skin pixels they stand for ({@code n} times the sampling step squared), and, when asked for, the
     * region's pixels inside the frame.
     */
    private static void store(int k, int n, int step, long sr, long sg, long sb, int unit, double[] rgb,
                              int[] count, int[] inside, int in) {
        count[k] = n * step * step;
        if (inside != null) {
            inside[k] = in;
        }
        double scale = (double) n * unit;
        rgb[3 * k] = n == 0 ? Double.NaN : sr / scale;
        rgb[3 * k + 1] = n == 0 ? Double.NaN : sg / scale;
        rgb[3 * k + 2] = n == 0 ? Double.NaN : sb / scale;
    }

    /**
     * {@link SkinModel#isSkin}'s rule for the samplers, on channels in any unit (whole levels, or the affine
     * read's fixed point): the sum within {@code [lo, hi]}, no channel at {@code clip}, and the chromaticity
     * within {@code tol} of the model's.
     */
    private static boolean skin(int r, int g, int b, double lo, double hi, int clip, double rg, double bg,
                                double tol) {
        int s = r + g + b;
        if (s < lo || s > hi || r >= clip || g >= clip || b >= clip) {
            return false;
        }
        double ts = tol * s;
        return Math.abs((r - g) - rg * s) <= ts && Math.abs((b - g) - bg * s) <= ts;
    }

    /** Fixed point of the affine read: positions to 1 / 1024 pixel, pixel values times 2^20 (fits an int). */
    private static final int FRACTION_BITS = 10;
    private static final int FRACTION = 1 << FRACTION_BITS;
    private static final int ONE = FRACTION * FRACTION;
    private static final int CLIP_FIXED = SkinModel.CLIP * ONE;

    private static boolean insideFrame(double x, double y, int w, int h) {
        return x >= 0 && y >= 0 && x <= w - 1 && y <= h - 1;
    }
}
