package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * Which pixels of one region count as skin: a pixel is skin when it is neither clipped nor dark and its
 * chromaticity and brightness lie near the region's reference, the median over the region at the keyframe.
 * Normalised chromaticity ({@code (r-g)/s}, {@code (b-g)/s} with {@code s = r+g+b}) is indifferent to
 * shading; the brightness band drops hair, brows, shadows and speculars. References are per region because
 * make-up and light colour differ between forehead and cheeks by more than the per-pixel tolerance; a region
 * whose reference is far from the face's (the cheeks' pooled median) is not skin at all (a fringe, a hat, a
 * hand in a glove). The tests are multiplications, so the per-pixel cost stays a few operations.
 *
 * @param rg         reference (r - g) / s
 * @param bg         reference (b - g) / s
 * @param brightness reference s (0-765)
 */
public record SkinModel(double rg, double bg, double brightness) {

    /** A channel at or above this is clipped (speculars, overexposure): its mean would be biased. */
    public static final int CLIP = 250;
    /** Below this sum (about 20 per channel) a pixel is too dark to carry a pulse over sensor noise. */
    public static final int DARK_SUM = 60;
    /** Largest distance in normalised chromaticity from the reference. */
    public static final double CHROMA_TOLERANCE = 0.06;
    /** Brightness band around the reference, as factors. */
    public static final double MIN_BRIGHTNESS = 0.5;
    public static final double MAX_BRIGHTNESS = 1.8;

    /** Largest chromaticity distance between a region's reference and the face's. */
    public static final double REGION_CHROMA_TOLERANCE = 0.18;
    /** Brightness band of a region's reference around the face's, as factors. */
    public static final double REGION_MIN_BRIGHTNESS = 0.5;
    public static final double REGION_MAX_BRIGHTNESS = 2.0;

    /**
     * Whether the reference itself looks like skin under plausible light: more red than green, and not a
     * grey or blue surface. Keeps the model from learning a mask, a wall or a phone as the "face".
     */
    public boolean plausible() {
        return rg > 0.01 && rg < 0.45 && bg < 0.12 && bg > -0.45 && brightness >= DARK_SUM;
    }

    /** Whether a region with this reference shows the same skin as a face with reference {@code face}. */
    public boolean similarTo(SkinModel face) {
        double ratio = brightness / face.brightness;
        return Math.abs(rg - face.rg) <= REGION_CHROMA_TOLERANCE && Math.abs(bg - face.bg) <= REGION_CHROMA_TOLERANCE
                && ratio >= REGION_MIN_BRIGHTNESS && ratio <= REGION_MAX_BRIGHTNESS;
    }

    /**
     * One model per region: the face reference comes from the pooled cheek regions (falling back to all
     * regions when the cheeks do not look like skin); each region then gets its own reference if that is
     * plausible and similar to the face's, else null (no skin in that region).
     *
     * @param regions input, the regions' pixels at the keyframe
     * @param cheeks  input, indices of the cheek regions in {@code regions}
     * @return models parallel to {@code regions}; all null when the face itself shows no plausible skin
     */
    public static SkinModel[] forRegions(ImageView img, PixelSpans[] regions, int[] cheeks, int minPixels) {
        Histogram[] h = new Histogram[regions.length];
        for (int k = 0; k < regions.length; k++) {
            h[k] = new Histogram();
            h[k].add(img, regions[k], 0, 0);
        }
        Histogram pooled = new Histogram();
        for (int c : cheeks) {
            pooled.add(h[c]);
        }
        SkinModel face = pooled.model(minPixels);
        if (face == null || !face.plausible()) {
            Histogram all = new Histogram();
            for (Histogram r : h) {
                all.add(r);
            }
            face = all.model(minPixels);
        }
        SkinModel[] out = new SkinModel[regions.length];
        if (face == null || !face.plausible()) {
            return out;
        }
        for (int k = 0; k < regions.length; k++) {
            // a small region (far face) still deserves a verdict: scale the minimum down with its size
            SkinModel m = h[k].model(Math.min(minPixels / 4, regions[k].pixels() / 2));
            out[k] = m != null && m.plausible() && m.similarTo(face) ? m : null;
        }
        return out;
    }

    /** The lowest R + G + B a skin pixel may have: {@link #isSkin}'s dark and brightness limits together. */
    public double minSum() {
        return Math.max(DARK_SUM, MIN_BRIGHTNESS * brightness);
    }

    /** The highest R + G + B a skin pixel may have (in {@link #isSkin}). */
    public double maxSum() {
        return MAX_BRIGHTNESS * brightness;
    }

    /** Per-pixel test; channels 0-255. */
    public boolean isSkin(int r, int g, int b) {
        int s = r + g + b;
        if (r >= CLIP || g >= CLIP || b >= CLIP || s < minSum() || s > maxSum()) {
            return false;
        }
        return Math.abs((r - g) - rg * s) <= CHROMA_TOLERANCE * s
                && Math.abs((b - g) - bg * s) <= CHROMA_TOLERANCE * s;
    }

    /**
     * Learns the reference from the pixels of some regions (clipped and dark pixels ignored): medians of the
     * chromaticity coordinates and brightness.
     *
     * @return the model, or null when fewer than {@code minPixels} usable pixels were seen
     */
    public static SkinModel learn(ImageView img, PixelSpans[] regions, int dx, int dy, int minPixels) {
        Histogram h = new Histogram();
        for (PixelSpans r : regions) {
            h.add(img, r, dx, dy);
        }
        return h.model(minPixels);
    }

    /**
     * Histograms of usable pixels' chromaticity (bins of 1/512) and brightness (bins of 1): medians in linear
     * time, and regions pool by adding counts. Resolution far below the per-pixel tolerance.
     */
    private static final class Histogram {
        private static final int CHROMA_BINS = 1024; // [-1, 1)
        private final int[] rg = new int[CHROMA_BINS];
        private final int[] bg = new int[CHROMA_BINS];
        private final int[] s = new int[766];
        private int n;

        void add(ImageView img, PixelSpans spans, int dx, int dy) {
            ByteBuffer px = img.pixels();
            for (int i = 0; i < spans.spans(); i++) {
                int y = spans.row(i) + dy;
                if (y < 0 || y >= img.height()) {
                    continue;
                }
                int x0 = Math.max(0, spans.start(i) + dx);
                int x1 = Math.min(img.width(), spans.end(i) + dx);
                for (int x = x0; x < x1; x++) {
                    int o = img.offset(x, y);
                    int b = px.get(o) & 0xff;
                    int g = px.get(o + 1) & 0xff;
                    int r = px.get(o + 2) & 0xff;
                    int sum = r + g + b;
                    if (r >= CLIP || g >= CLIP || b >= CLIP || sum < DARK_SUM) {
                        continue;
                    }
                    rg[bin(r - g, sum)]++;
                    bg[bin(b - g, sum)]++;
                    s[sum]++;
                    n++;
                }
            }
        }

        void add(Histogram o) {
            for (int i = 0; i < CHROMA_BINS; i++) {
                rg[i] += o.rg[i];
                bg[i] += o.bg[i];
            }
            for (int i = 0; i < s.length; i++) {
                s[i] += o.s[i];
            }
            n += o.n;
        }

        SkinModel model(int minPixels) {
            if (n < Math.max(1, minPixels)) {
                return null;
            }
            return new SkinModel((median(rg) + 0.5) * 2.0 / CHROMA_BINS - 1, (median(bg) + 0.5) * 2.0 / CHROMA_BINS - 1,
                    median(s));
        }

        private int median(int[] h) {
            int half = (n + 1) / 2;
            int c = 0;
            for (int i = 0; i < h.length; i++) {
                c += h[i];
                if (c >= half) {
                    return i;
                }
            }
            return h.length - 1;
        }

        private static int bin(int diff, int sum) {
            int b = (int) Math.floor((double) diff / sum * (CHROMA_BINS / 2.0)) + CHROMA_BINS / 2;
            return Math.max(0, Math.min(CHROMA_BINS - 1, b));
        }
    }
}
