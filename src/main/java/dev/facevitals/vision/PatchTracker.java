package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * Cheap frame-to-keyframe translation tracking of a face: the green channel over a square around the face is
 * sampled on a coarse grid (each cell the mean of 4 pixels), and inverse-compositional Lucas-Kanade finds the
 * sub-cell shift that best matches the keyframe's grid, with a gain/offset-free residual (auto-exposure).
 * Comparing with the keyframe rather than the previous frame means errors do not accumulate. Quality is the
 * normalised cross-correlation of the matched grids: it drops when the face turns, deforms or is lost.
 *
 * <p>Per frame: {@code cells^2 * 4} byte reads plus a few passes over the inner grid; no allocation.
 */
public final class PatchTracker {

    private static final int MAX_ITERATIONS = 10;
    private static final double CONVERGED = 0.01; // cells

    private final int g;
    private final int margin;
    private final float[] tmpl;
    private final float[] cur;
    private final float[] gx;
    private final float[] gy;
    private double h11;
    private double h12;
    private double h22;
    private double tmplMean;
    private double tmplNorm;
    private double sgx;
    private double sgy;
    private int inner;

    private double x0;
    private double y0;
    private double cell;
    private double mx;
    private double my;
    private double vx;
    private double vy;
    private double quality;
    private boolean ready;
    private int iterations;

    /** @param cells grid cells per side, at least 12 */
    public PatchTracker(int cells) {
        if (cells < 12) {
            throw new IllegalArgumentException("need at least 12 cells");
        }
        this.g = cells;
        this.margin = Math.max(3, cells / 8);
        this.tmpl = new float[g * g];
        this.cur = new float[g * g];
        this.gx = new float[g * g];
        this.gy = new float[g * g];
    }

    /**
     * Takes a new template.
     *
     * @param img input keyframe
     * @param roi input square (or not) area to track, image pixels; the tracked shift is reported relative
     *            to where it is now
     */
    public void reset(ImageView img, Box roi) {
        double side = Math.max(roi.width(), roi.height());
        cell = side / g;
        x0 = roi.centreX() - side / 2;
        y0 = roi.centreY() - side / 2;
        mx = 0;
        my = 0;
        vx = 0;
        vy = 0;
        sampleGrid(img, 0, 0, tmpl);
        double sum = 0;
        int n = 0;
        h11 = 0;
        h12 = 0;
        h22 = 0;
        sgx = 0;
        sgy = 0;
        for (int v = margin; v < g - margin; v++) {
            for (int u = margin; u < g - margin; u++) {
                int i = v * g + u;
                float dx = (tmpl[i + 1] - tmpl[i - 1]) / 2;
                float dy = (tmpl[i + g] - tmpl[i - g]) / 2;
                gx[i] = dx;
                gy[i] = dy;
                h11 += dx * dx;
                h12 += dx * dy;
                h22 += dy * dy;
                sgx += dx;
                sgy += dy;
                sum += tmpl[i];
                n++;
            }
        }
        inner = n;
        tmplMean = sum / n;
        double ss = 0;
        for (int v = margin; v < g - margin; v++) {
            for (int u = margin; u < g - margin; u++) {
                double d = tmpl[v * g + u] - tmplMean;
                ss += d * d;
            }
        }
        tmplNorm = Math.sqrt(ss);
        quality = 1;
        // a flat template (uniform wall, black frame) cannot be tracked
        ready = h11 * h22 - h12 * h12 > 1e-6 * (h11 + h22) * (h11 + h22) && tmplNorm > 1e-3;
    }

    /** Whether the last template had enough texture to track. */
    public boolean ready() {
        return ready;
    }

    /**
     * Estimates the shift of the tracked area in this frame relative to the keyframe.
     *
     * @param img input frame
     * @return match quality in [-1, 1] (normalised cross-correlation); -1 when not ready or diverged
     */
    public double track(ImageView img) {
        if (!ready) {
            quality = -1;
            return quality;
        }
        // constant-velocity guess, sampled at a whole-pixel offset so grids line up with the template's
        int ix = (int) Math.round(mx + vx);
        int iy = (int) Math.round(my + vy);
        sampleGrid(img, ix, iy, cur);
        double qx = (mx + vx - ix) / cell;
        double qy = (my + vy - iy) / cell;
        double det = h11 * h22 - h12 * h12;
        double limit = margin - 1.0;
        double sxy = 0;
        double sxx = 0;
        iterations = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            iterations++;
            // one pass: raw residuals, their mean (the exposure offset between frames) and the NCC terms
            double se = 0;
            double see = 0;
            double set = 0;
            double b1 = 0;
            double b2 = 0;
            for (int v = margin; v < g - margin; v++) {
                for (int u = margin; u < g - margin; u++) {
                    int i = v * g + u;
                    double t = tmpl[i];
                    double e = bilinear(u + qx, v + qy) - t;
                    se += e;
                    see += e * e;
                    set += e * (t - tmplMean);
                    b1 += gx[i] * e;
                    b2 += gy[i] * e;
                }
            }
            double off = se / inner;
            b1 -= off * sgx;
            b2 -= off * sgy;
            // warped grid a = t + e: centred cross terms with the centred template
            sxy = set + tmplNorm * tmplNorm;
            sxx = see - se * off + 2 * set + tmplNorm * tmplNorm;
            double dqx = (h22 * b1 - h12 * b2) / det;
            double dqy = (h11 * b2 - h12 * b1) / det;
            qx -= dqx;
            qy -= dqy;
            if (Math.abs(qx) > limit || Math.abs(qy) > limit || Double.isNaN(qx) || Double.isNaN(qy)) {
                quality = -1;
                return quality;
            }
            if (Math.abs(dqx) < CONVERGED && Math.abs(dqy) < CONVERGED) {
                break;
            }
        }
        double nx = ix + qx * cell;
        double ny = iy + qy * cell;
        vx = nx - mx;
        vy = ny - my;
        mx = nx;
        my = ny;
        // NCC of the last pass (the final update moved the grid by under CONVERGED cells, or the cap was hit)
        double den = Math.sqrt(Math.max(0, sxx)) * tmplNorm;
        quality = den <= 1e-9 ? 0 : sxy / den;
        return quality;
    }

    /** Shift in image pixels since the keyframe. */
    public double dx() {
        return mx;
    }

    public double dy() {
        return my;
    }

    public double quality() {
        return quality;
    }

    /** Lucas-Kanade iterations of the last {@link #track} (diagnostics). */
    public int iterations() {
        return iterations;
    }

    private double bilinear(double u, double v) {
        int iu = (int) Math.floor(u);
        int iv = (int) Math.floor(v);
        double fu = u - iu;
        double fv = v - iv;
        int i = iv * g + iu;
        double top = cur[i] + (cur[i + 1] - cur[i]) * fu;
        double bot = cur[i + g] + (cur[i + g + 1] - cur[i + g]) * fu;
        return top + (bot - top) * fv;
    }

    /** Cell (u, v) = mean green of 4 pixels at quarter-cell offsets around its centre, edges clamped. */
    private void sampleGrid(ImageView img, int ox, int oy, float[] out) {
        ByteBuffer px = img.pixels();
        int w1 = img.width() - 1;
        int h1 = img.height() - 1;
        double q = cell / 4;
        for (int v = 0; v < g; v++) {
            double cy = y0 + oy + (v + 0.5) * cell;
            int ya = clamp((int) (cy - q), h1);
            int yb = clamp((int) (cy + q), h1);
            for (int u = 0; u < g; u++) {
                double cx = x0 + ox + (u + 0.5) * cell;
                int xa = clamp((int) (cx - q), w1);
                int xb = clamp((int) (cx + q), w1);
                int s = (px.get(img.offset(xa, ya) + 1) & 0xff) + (px.get(img.offset(xb, ya) + 1) & 0xff)
                        + (px.get(img.offset(xa, yb) + 1) & 0xff) + (px.get(img.offset(xb, yb) + 1) & 0xff);
                out[v * g + u] = s * 0.25f;
            }
        }
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
