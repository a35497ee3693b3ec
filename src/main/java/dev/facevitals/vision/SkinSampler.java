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

    private final int maxSamples;
    private byte[] row = new byte[3 * 1024];

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
        ByteBuffer px = img.pixels();
        int w = img.width();
        int h = img.height();
        for (int k = 0; k < regions.length; k++) {
            PixelSpans spans = regions[k];
            long sr = 0;
            long sg = 0;
            long sb = 0;
            int n = 0;
            int step = step(spans.pixels());
            SkinModel model = models == null ? null : models[k];
            if (model != null) {
                double rg = model.rg();
                double bg = model.bg();
                double lo = Math.max(SkinModel.DARK_SUM, SkinModel.MIN_BRIGHTNESS * model.brightness());
                double hi = SkinModel.MAX_BRIGHTNESS * model.brightness();
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
                        int s = r + g + b;
                        if (s < lo || s > hi || r >= SkinModel.CLIP || g >= SkinModel.CLIP || b >= SkinModel.CLIP) {
                            continue;
                        }
                        double ts = tol * s;
                        if (Math.abs((r - g) - rg * s) > ts || Math.abs((b - g) - bg * s) > ts) {
                            continue;
                        }
                        sr += r;
                        sg += g;
                        sb += b;
                        n++;
                    }
                }
            }
            count[k] = n * step * step;
            if (inside != null) {
                inside[k] = spans.pixelsInside(dx, dy, w, h);
            }
            rgb[3 * k] = n == 0 ? Double.NaN : (double) sr / n;
            rgb[3 * k + 1] = n == 0 ? Double.NaN : (double) sg / n;
            rgb[3 * k + 2] = n == 0 ? Double.NaN : (double) sb / n;
        }
    }
}
