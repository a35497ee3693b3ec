package dev.facevitals.vitals.rppg;

/**
 * POS, "plane orthogonal to skin" (Wang, den Brinker, Stuijk and de Haan, IEEE TBME 2017).
 *
 * <p>For each window of about 1.6 s (hop one sample): divide each channel by its window mean (temporal
 * normalisation, which turns any intensity change of the light into the same factor on R, G and B), project
 * onto the plane orthogonal to that equal-change direction: {@code S1 = G - B}, {@code S2 = G + B - 2R}, and
 * tune {@code h = S1 + (sigma(S1)/sigma(S2)) S2} so that what remains of distortions cancels. The zero-mean
 * {@code h} of every window is overlap-added. Unlike the paper we divide the sum by how many windows cover
 * each sample, so the amplitude does not taper at the ends, and we flip the sign so that more blood gives a
 * higher value (the projection of the blood-volume direction [0.33, 0.77, 0.53] is negative).
 */
public final class PosMethod implements RppgMethod {

    private final double windowSec;

    /** @param windowSec input: window length, seconds, positive */
    public PosMethod(double windowSec) {
        if (!(windowSec > 0)) {
            throw new IllegalArgumentException("windowSec must be positive: " + windowSec);
        }
        this.windowSec = windowSec;
    }

    @Override
    public double[] pulse(double[] r, double[] g, double[] b, double fs) {
        int n = Channels.sameLength(r, g, b);
        double[] out = new double[n];
        int len = Channels.windowLength(n, windowSec, fs, 2);
        if (n < 2) {
            return out;
        }
        double[] cover = new double[n];
        double[] s1 = new double[len];
        double[] s2 = new double[len];
        // running sums for the window means
        double sr = 0;
        double sg = 0;
        double sb = 0;
        for (int i = 0; i < len; i++) {
            sr += r[i];
            sg += g[i];
            sb += b[i];
        }
        for (int m = 0; m + len <= n; m++) {
            if (m > 0) {
                sr += r[m + len - 1] - r[m - 1];
                sg += g[m + len - 1] - g[m - 1];
                sb += b[m + len - 1] - b[m - 1];
            }
            double mr = sr / len;
            double mg = sg / len;
            double mb = sb / len;
            if (!(mr > 0 && mg > 0 && mb > 0)) {
                continue;
            }
            double m1 = 0;
            double m2 = 0;
            for (int k = 0; k < len; k++) {
                double rn = r[m + k] / mr;
                double gn = g[m + k] / mg;
                double bn = b[m + k] / mb;
                s1[k] = gn - bn;
                s2[k] = gn + bn - 2 * rn;
                m1 += s1[k];
                m2 += s2[k];
            }
            m1 /= len;
            m2 /= len;
            double v1 = 0;
            double v2 = 0;
            for (int k = 0; k < len; k++) {
                v1 += (s1[k] - m1) * (s1[k] - m1);
                v2 += (s2[k] - m2) * (s2[k] - m2);
            }
            double alpha = v2 > 0 ? Math.sqrt(v1 / v2) : 0;
            for (int k = 0; k < len; k++) {
                double h = (s1[k] - m1) + alpha * (s2[k] - m2);
                out[m + k] -= h;
                cover[m + k] += 1;
            }
        }
        for (int i = 0; i < n; i++) {
            if (cover[i] > 0) {
                out[i] /= cover[i];
            }
        }
        return out;
    }

    @Override
    public PulseMethod kind() {
        return PulseMethod.POS;
    }
}
