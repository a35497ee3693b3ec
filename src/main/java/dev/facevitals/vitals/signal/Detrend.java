package dev.facevitals.vitals.signal;

/**
 * Smoothness-priors detrending (Tarvainen, Ranta-aho and Karjalainen, IEEE TBME 2002): the trend is the
 * minimiser of {@code |x - s|^2 + lambda^2 |D2 s|^2} with {@code D2} the second-difference operator, i.e.
 * {@code s = (I + lambda^2 D2' D2)^-1 x}, and the output is {@code x - s}.
 *
 * <p>Away from the ends it acts as a zero-phase high-pass with real response
 * {@code 16 l^2 sin^4(w/2) / (1 + 16 l^2 sin^4(w/2))}, which is 0.5 (-6 dB, Tarvainen's "cut-off") near
 * {@code f = fs / (2 pi sqrt(lambda))}; we choose lambda from that cut-off frequency. Straight lines are
 * removed exactly and there are no edge transients, unlike an IIR high-pass. The system is symmetric,
 * positive definite and pentadiagonal: a banded LDL' solve takes O(n). With lambda in the thousands the
 * system is ill-conditioned (about 16 lambda^2), so the least-squares line, which the trend contains
 * exactly, is taken out before solving and added back: the solve then only sees the small residual.
 */
public final class Detrend {

    private Detrend() {
    }

    /**
     * The lambda whose -6 dB cut-off is {@code cutoffHz} at sampling rate {@code fs}.
     *
     * @param cutoffHz input: cut-off, Hz, positive
     * @param fs       input: sampling rate, Hz, positive
     */
    public static double lambdaForCutoff(double cutoffHz, double fs) {
        if (!(cutoffHz > 0) || !(fs > 0)) {
            throw new IllegalArgumentException("cutoff and fs must be positive");
        }
        double r = fs / (2 * Math.PI * cutoffHz);
        return r * r;
    }

    /**
     * Removes the smoothness-priors trend.
     *
     * @param x      input: finite signal (not modified)
     * @param lambda input: regularisation, positive (larger: stiffer trend, lower cut-off)
     * @return {@code x - trend}, a new array (all zero for fewer than 3 samples, where a line fits exactly)
     */
    public static double[] smoothnessPriors(double[] x, double lambda) {
        double[] s = trend(x, lambda);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - s[i];
        }
        return y;
    }

    /**
     * The smoothness-priors trend itself.
     *
     * @param x      input: finite signal (not modified)
     * @param lambda input: regularisation, positive
     * @return the trend, a new array
     */
    public static double[] trend(double[] x, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be positive: " + lambda);
        }
        int n = x.length;
        if (n < 3) {
            return x.clone();
        }
        // least-squares line a + b (i - c), removed first for accuracy (see class comment)
        double c = (n - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sy += x[i];
            sxy += (i - c) * x[i];
            sxx += (i - c) * (i - c);
        }
        double lineA = sy / n;
        double lineB = sxy / sxx;
        double l2 = lambda * lambda;
        // bands of A = I + l2 D'D: a0 diagonal, a1[i] = A[i][i-1], a2[i] = A[i][i-2]
        double[] a0 = new double[n];
        double[] a1 = new double[n];
        double[] a2 = new double[n];
        java.util.Arrays.fill(a0, 1);
        double[] v = {1, -2, 1};
        for (int r = 0; r < n - 2; r++) {
            for (int p = 0; p < 3; p++) {
                a0[r + p] += l2 * v[p] * v[p];
            }
            a1[r + 1] += l2 * v[1] * v[0];
            a1[r + 2] += l2 * v[2] * v[1];
            a2[r + 2] += l2 * v[2] * v[0];
        }
        // banded LDL': A = L D L', L unit lower triangular with sub-diagonals l1, l2v
        double[] d = new double[n];
        double[] l1 = new double[n];
        double[] lb = new double[n];
        for (int i = 0; i < n; i++) {
            double li2 = i >= 2 ? a2[i] / d[i - 2] : 0;
            double li1 = 0;
            if (i >= 1) {
                double t = a1[i] - (i >= 2 ? li2 * l1[i - 1] * d[i - 2] : 0);
                li1 = t / d[i - 1];
            }
            double di = a0[i];
            if (i >= 1) {
                di -= li1 * li1 * d[i - 1];
            }
            if (i >= 2) {
                di -= li2 * li2 * d[i - 2];
            }
            lb[i] = li2;
            l1[i] = li1;
            d[i] = di;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = x[i] - lineA - lineB * (i - c);
            if (i >= 1) {
                t -= l1[i] * y[i - 1];
            }
            if (i >= 2) {
                t -= lb[i] * y[i - 2];
            }
            y[i] = t;
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double t = y[i] / d[i];
            if (i + 1 < n) {
                t -= l1[i + 1] * s[i + 1];
            }
            if (i + 2 < n) {
                t -= lb[i + 2] * s[i + 2];
            }
            s[i] = t;
        }
        for (int i = 0; i < n; i++) {
            s[i] += lineA + lineB * (i - c);
        }
        return s;
    }
}
