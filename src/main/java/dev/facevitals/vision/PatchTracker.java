package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * Cheap frame-to-keyframe translation tracking of a face: the green channel over a square around the face is
 * sampled on a coarse grid (each cell the mean of 4 pixels), and inverse-compositional Lucas-Kanade finds the
 * sub-cell shift that best matches the keyframe's grid, with a gain/offset-free residual (auto-exposure).
 * Comparing with the keyframe rather than the previous frame means errors do not accumulate. Quality is the
 * normalised cross-correlation of the matched grids: it drops when the face turns, deforms or is lost.
 * Optionally the shift is then refined into an affine map (turn, roll, scale), with the light on the face
 * (gain and offset, each varying linearly across the grid) fitted out, so that neither the light nor the pulse
 * moves the regions.
 *
 * <p>Per frame: {@code cells^2 * 4} byte reads plus a few passes over the inner grid (three or four more with
 * the affine refinement); {@link #track} allocates nothing, {@link #placement} one small record.
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

    /** Whether the shift is refined into an affine map (turn, roll, scale) after the translation. */
    private final boolean affine;
    /** Steepest-descent images of the affine refinement, 6 per inner cell, offset-centred; and H^-1. */
    private double[][] sd;
    private double[][] hInv;
    /** The steepest-descent images projected off the light model, per inner cell; and, for a template too
     * flat for that model, their products with the centred template (else zero). */
    private double[][] sdLight;
    private double[] sdTmpl;
    /** The light model's terms per inner cell (offset, gain, both varying along x and y). */
    private double[][] basis;
    /** Work arrays of the refinement (the warped inner grid, the fit's right-hand side and its increment). */
    private double[] warped;
    private final double[] step = new double[6];
    private final double[] increment = new double[6];
    /** Linear part of the map from keyframe to frame (identity for translation alone). */
    private double a11 = 1;
    private double a12;
    private double a21;
    private double a22 = 1;

    /**
     * @param cells  grid cells per side, at least 12
     * @param affine input: refine the shift into an affine map (the face turning, rolling, nearing) after the
     *               translation has converged
     */
    public PatchTracker(int cells, boolean affine) {
        if (cells < 12) {
            throw new IllegalArgumentException("need at least 12 cells");
        }
        this.affine = affine;
        this.g = cells;
        this.margin = Math.max(3, cells / 8);
        if (affine) {
            // the refinement's arrays, one row per inner cell, filled afresh at each keyframe
            int cellsInside = (g - 2 * margin) * (g - 2 * margin);
            sd = new double[cellsInside][6];
            basis = new double[cellsInside][6];
            sdLight = new double[cellsInside][6];
            sdTmpl = new double[6];
            warped = new double[cellsInside];
        }
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
        a11 = 1;
        a12 = 0;
        a21 = 0;
        a22 = 1;
        if (affine) {
            prepareAffine();
        }
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
        if (affine && hInv != null) {
            if (!refineAffine(qx, qy)) {
                quality = -1;
                return quality;
            }
            qx = tx;
            qy = ty;
            sxy = lastSxy;
            sxx = lastSxx;
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

    /**
     * Shift in image pixels since the keyframe: of the tracked area's centre ({@link #centreX()},
     * {@link #centreY()}); with the affine refinement, a keyframe point {@code X} lies at
     * {@code centre + A (X - centre) + (dx, dy)} in this frame, {@code A} = {@link #a11()} ... {@link #a22()}.
     */
    public double dx() {
        return mx;
    }

    /** Where the keyframe's points lie in the last tracked frame: the map, or the shift alone. */
    public Placement placement() {
        return new Placement(centreX(), centreY(), a11, a12, a21, a22, mx, my, affine);
    }

    /** Centre of the tracked area in the keyframe, image pixels. */
    public double centreX() {
        return x0 + g * cell / 2;
    }

    public double centreY() {
        return y0 + g * cell / 2;
    }

    public double a11() {
        return a11;
    }

    public double a12() {
        return a12;
    }

    public double a21() {
        return a21;
    }

    public double a22() {
        return a22;
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

    // ---------------------------------------------------------------- affine refinement

    private double tx;
    private double ty;
    private double lastSxy;
    private double lastSxx;

    /**
     * Steepest-descent images of the inverse-compositional affine fit (parameters: the linear part's four
     * deviations from the identity, then the shift, all in cells about the grid's centre), centred over the
     * inner cells so that a brightness offset between frames does not count, and the inverse of their
     * Gauss-Newton Hessian.
     */
    private void prepareAffine() {
        double c = (g - 1) / 2.0;
        double[] mean = new double[6];
        int k = 0;
        for (int v = margin; v < g - margin; v++) {
            for (int u = margin; u < g - margin; u++) {
                int i = v * g + u;
                double x = u - c;
                double y = v - c;
                double[] r = sd[k++];
                r[0] = gx[i] * x;
                r[1] = gx[i] * y;
                r[2] = gy[i] * x;
                r[3] = gy[i] * y;
                r[4] = gx[i];
                r[5] = gy[i];
                for (int p = 0; p < 6; p++) {
                    mean[p] += r[p] / inner;
                }
            }
        }
        double[][] h = new double[6][6];
        for (double[] r : sd) {
            for (int p = 0; p < 6; p++) {
                r[p] -= mean[p];
            }
            for (int p = 0; p < 6; p++) {
                for (int q = 0; q < 6; q++) {
                    h[p][q] += r[p] * r[q];
                }
            }
        }
        hInv = invert(h);
        // the light model of each cell (offset, gain, both varying along x and y) depends on the template only:
        // project the steepest-descent images off it once, b = sd^T (I - F (F^T F)^-1 F^T) a = sdLight^T a
        double[][] nm = new double[6][6];
        k = 0;
        for (int v = margin; v < g - margin; v++) {
            for (int u = margin; u < g - margin; u++) {
                double[] f = basis[k++];
                photometricBasis(tmpl[v * g + u] - tmplMean, (u - c) / c, (v - c) / c, f);
                for (int p = 0; p < 6; p++) {
                    for (int q = 0; q < 6; q++) {
                        nm[p][q] += f[p] * f[q];
                    }
                }
            }
        }
        double[][] ni = invert(nm);
        java.util.Arrays.fill(sdTmpl, 0);
        if (ni == null) {
            // a template too flat for the light model: take out its mean and unit gain alone
            for (int j = 0; j < inner; j++) {
                System.arraycopy(sd[j], 0, sdLight[j], 0, 6);
                for (int p = 0; p < 6; p++) {
                    sdTmpl[p] += sd[j][p] * basis[j][1];
                }
            }
            return;
        }
        // ft = F^T sd (6 light terms x 6 parameters), then sdLight = sd - F (ni ft)
        double[][] ft = new double[6][6];
        for (int j = 0; j < inner; j++) {
            for (int p = 0; p < 6; p++) {
                for (int q = 0; q < 6; q++) {
                    ft[p][q] += basis[j][p] * sd[j][q];
                }
            }
        }
        double[][] coef = new double[6][6];
        for (int p = 0; p < 6; p++) {
            for (int q = 0; q < 6; q++) {
                for (int r = 0; r < 6; r++) {
                    coef[p][q] += ni[p][r] * ft[r][q];
                }
            }
        }
        for (int j = 0; j < inner; j++) {
            for (int q = 0; q < 6; q++) {
                double fit = 0;
                for (int p = 0; p < 6; p++) {
                    fit += basis[j][p] * coef[p][q];
                }
                sdLight[j][q] = sd[j][q] - fit;
            }
        }
    }

    /**
     * Inverse-compositional affine Lucas-Kanade from the converged translation {@code (qx, qy)} (cells, in
     * the grid sampled at the whole-pixel guess). Leaves the map in {@code a11..a22}, the centre's shift in
     * {@code tx, ty} (cells) and the NCC terms of the last pass; false when it diverged.
     */
    private boolean refineAffine(double qx, double qy) {
        double c = (g - 1) / 2.0;
        // warp: (u, v) about the centre -> m (u - c, v - c) + (c, c) + (m02, m12)
        double m00 = a11;
        double m01 = a12;
        double m10 = a21;
        double m11 = a22;
        double m02 = qx;
        double m12 = qy;
        double lo = 0;
        double hi = g - 1 - 1e-6;
        double[] b = step;
        double[] warped = this.warped;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double se = 0;
            double see = 0;
            double set = 0;
            int k = 0;
            for (int v = margin; v < g - margin; v++) {
                for (int u = margin; u < g - margin; u++) {
                    int i = v * g + u;
                    double x = u - c;
                    double y = v - c;
                    double wu = Math.max(lo, Math.min(hi, m00 * x + m01 * y + c + m02));
                    double wv = Math.max(lo, Math.min(hi, m10 * x + m11 * y + c + m12));
                    double t = tmpl[i];
                    double a = bilinear(wu, wv);
                    warped[k++] = a;
                    double e = a - t;
                    se += e;
                    see += e * e;
                    set += e * (t - tmplMean);
                }
            }
            // the light on the frame against the template (a gain and an offset, each varying linearly across
            // the grid) is taken out of the residual before the geometry is fitted, or the map would follow
            // the light; the steepest-descent images were projected off the light model per keyframe, so
            // that is one product per parameter here
            for (int p = 0; p < 6; p++) {
                b[p] = -sdTmpl[p];
            }
            k = 0;
            for (double a : warped) {
                double[] r = sdLight[k++];
                for (int p = 0; p < 6; p++) {
                    b[p] += r[p] * a;
                }
            }
            double off = se / inner;
            lastSxy = set + tmplNorm * tmplNorm;
            lastSxx = see - se * off + 2 * set + tmplNorm * tmplNorm;
            double[] d = increment;
            java.util.Arrays.fill(d, 0);
            for (int p = 0; p < 6; p++) {
                for (int q = 0; q < 6; q++) {
                    d[p] += hInv[p][q] * b[q];
                }
            }
            // compose with the inverse of the increment: M <- M * inv(I + D)
            double i00 = 1 + d[0];
            double i01 = d[1];
            double i10 = d[2];
            double i11 = 1 + d[3];
            double det = i00 * i11 - i01 * i10;
            if (!(Math.abs(det) > 1e-9)) {
                return false;
            }
            double j00 = i11 / det;
            double j01 = -i01 / det;
            double j10 = -i10 / det;
            double j11 = i00 / det;
            double j02 = -(j00 * d[4] + j01 * d[5]);
            double j12 = -(j10 * d[4] + j11 * d[5]);
            double n00 = m00 * j00 + m01 * j10;
            double n01 = m00 * j01 + m01 * j11;
            double n10 = m10 * j00 + m11 * j10;
            double n11 = m10 * j01 + m11 * j11;
            double n02 = m00 * j02 + m01 * j12 + m02;
            double n12 = m10 * j02 + m11 * j12 + m12;
            m00 = n00;
            m01 = n01;
            m10 = n10;
            m11 = n11;
            m02 = n02;
            m12 = n12;
            double limit = margin - 1.0;
            if (!(Math.abs(m02) <= limit && Math.abs(m12) <= limit && Math.abs(m00 - 1) < MAX_DEFORMATION
                    && Math.abs(m11 - 1) < MAX_DEFORMATION && Math.abs(m01) < MAX_DEFORMATION
                    && Math.abs(m10) < MAX_DEFORMATION)) {
                return false;
            }
            if (Math.abs(d[4]) < CONVERGED && Math.abs(d[5]) < CONVERGED
                    && Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]) + Math.abs(d[3]) < CONVERGED / g) {
                break;
            }
        }
        a11 = m00;
        a12 = m01;
        a21 = m10;
        a22 = m11;
        tx = m02;
        ty = m12;
        return true;
    }

    /** Light model terms for a cell: offset, gain, and both varying along x and y (coordinates in [-1, 1]). */
    private static void photometricBasis(double t, double x, double y, double[] f) {
        f[0] = 1;
        f[1] = t;
        f[2] = x * t;
        f[3] = y * t;
        f[4] = x;
        f[5] = y;
    }

    /** Largest deviation of the affine map's linear part from the identity before the track counts as lost. */
    private static final double MAX_DEFORMATION = 0.3;

    /** Inverse of a symmetric positive definite matrix by Gauss-Jordan; null when singular. */
    private static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-12)) {
                return null;
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            double f = a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] /= f;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double q = a[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= q * a[col][j];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, out[i], 0, n);
        }
        return out;
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
        double left = x0 + ox;
        double top = y0 + oy;
        ByteBuffer px = img.pixels((int) Math.floor(left) - 1, (int) Math.floor(top) - 1,
                (int) Math.ceil(left + g * cell) + 2, (int) Math.ceil(top + g * cell) + 2);
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
