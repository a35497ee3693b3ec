package dev.facevitals.vitals.quality;

import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Stats;

/**
 * What the head's motion explains of a pulse, to second order: the face box's x, y and size (over the median
 * size, slow drift removed), and their six products, each filtered like the pulse, fitted to it by least
 * squares and taken out. A side light's shading is not linear in the pose: a sway {@code sin(wt)} shades the
 * skin by {@code sin(wt)} and by its square, whose rhythm is at {@code 2w}. The products carry that second
 * rhythm with its phase, so a rate that is the harmonic of a sway goes with them and a pulse stays.
 *
 * <p>Only a check: the engine asks whether the heart rate survives the regression, and reports the pulse as
 * measured. Regressing motion out of every scan costs still faces SNR (the face box's jitter follows the
 * skin's brightness a little) and was tried and dropped (docs/vitals.md).
 */
public final class MotionRegression {

    /** Pivots under this fraction of the largest diagonal count as dependent regressors and are dropped. */
    private static final double DEPENDENT = 1e-9;
    /** A regressor that never reaches this fraction of the face size (or its square) is no motion. */
    private static final double NO_MOTION = 1e-9;

    private MotionRegression() {
    }

    /**
     * @param faceX    input: face centre x per sample, pixels, uniformly sampled, finite
     * @param faceY    input: face centre y, pixels
     * @param faceSize input: face size, pixels
     * @param lambda   input: smoothness-priors parameter of the pulse's detrend
     * @param bandPass input: the pulse's band-pass filter (applied forwards and backwards)
     * @return nine regressors (x, y, size, x², xy, x·size, y², y·size, size²), each as long as the inputs; all
     *     zeros where the box never moves by a billionth of its size
     */
    public static double[][] regressors(double[] faceX, double[] faceY, double[] faceSize, double lambda,
                                        SosFilter bandPass) {
        double size = Stats.median(faceSize);
        double scale = size > 0 ? 1 / size : 1;
        double[][] first = new double[3][];
        double[][] in = {faceX, faceY, faceSize};
        for (int d = 0; d < 3; d++) {
            first[d] = Detrend.smoothnessPriors(in[d], lambda);
            for (int i = 0; i < first[d].length; i++) {
                first[d][i] *= scale;
            }
        }
        double[][] out = new double[9][];
        int k = 0;
        for (int d = 0; d < 3; d++) {
            out[k++] = first[d];
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double[] v = new double[first[a].length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = first[a][i] * first[b][i];
                }
                out[k++] = v;
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = bandPass.filtfilt(Detrend.smoothnessPriors(out[j], lambda));
            // rounding left by the detrend of a box that did not move is no motion: no regressor
            double peak = 0;
            for (double v : out[j]) {
                peak = Math.max(peak, Math.abs(v));
            }
            if (peak < NO_MOTION) {
                java.util.Arrays.fill(out[j], 0);
            }
        }
        return out;
    }

    /**
     * @param signal     input: the pulse
     * @param regressors input: as many samples each as {@code signal}
     * @return {@code signal} minus its least-squares fit on the regressors (regressors that are zero, or
     *     combinations of the others, are left out)
     */
    public static double[] residual(double[] signal, double[][] regressors) {
        int m = regressors.length;
        int n = signal.length;
        // normal equations on unit-norm regressors (their scales differ by orders of magnitude), augmented
        double[] norm = new double[m];
        for (int j = 0; j < m; j++) {
            norm[j] = Math.sqrt(dot(regressors[j], regressors[j], n));
        }
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = norm[i] > 0 && norm[j] > 0 ? dot(regressors[i], regressors[j], n) / (norm[i] * norm[j]) : 0;
            }
            a[i][m] = norm[i] > 0 ? dot(regressors[i], signal, n) / norm[i] : 0;
        }
        // Gauss-Jordan with full pivoting on the diagonal (the matrix is symmetric positive semi-definite)
        boolean[] used = new boolean[m];
        double[] coef = new double[m];
        int[] order = new int[m];
        int rank = 0;
        for (int step = 0; step < m; step++) {
            int piv = -1;
            for (int j = 0; j < m; j++) {
                if (!used[j] && norm[j] > 0 && (piv < 0 || a[j][j] > a[piv][piv])) {
                    piv = j;
                }
            }
            if (piv < 0 || !(a[piv][piv] > DEPENDENT)) {
                break;
            }
            used[piv] = true;
            order[rank++] = piv;
            double p = a[piv][piv];
            for (int j = 0; j <= m; j++) {
                a[piv][j] /= p;
            }
            for (int i = 0; i < m; i++) {
                if (i != piv && a[i][piv] != 0) {
                    double f = a[i][piv];
                    for (int j = 0; j <= m; j++) {
                        a[i][j] -= f * a[piv][j];
                    }
                }
            }
        }
        for (int r = 0; r < rank; r++) {
            int j = order[r];
            coef[j] = a[j][m] / norm[j];
        }
        double[] out = signal.clone();
        for (int j = 0; j < m; j++) {
            if (coef[j] != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] -= coef[j] * regressors[j][i];
                }
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
