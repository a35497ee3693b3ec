package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.signal.SosFilter;

/**
 * PBV, the blood-volume-pulse signature method (de Haan and van Leest, Physiol. Meas. 2014).
 *
 * <p>The pulse changes the normalised skin colour along a known direction, the signature
 * {@code Pbv = (0.33, 0.77, 0.53)} (red, green, blue; the relative pulse amplitudes of skin under white
 * light, measured in that paper). Each channel is normalised by its centred moving mean over one window and
 * band-passed; per window (about 1.6 s, half overlap, Hann-weighted overlap-add) the projection {@code w}
 * is the one with unit gain on the signature ({@code w . Pbv = 1}) and the least output power:
 * {@code w = Q^-1 Pbv / (Pbv^T Q^-1 Pbv)} with {@code Q} the 3 x 3 covariance of the window. Whatever is not
 * pulse (intensity changes of the light, specular and motion changes, a flickering coloured light,
 * compression noise in the chroma) is suppressed as far as three colours allow, with each channel weighted
 * by how noisy it is, instead of the fixed colour axes of CHROM and POS. The output rises with blood volume.
 */
public final class PbvMethod implements RppgMethod {

    /** de Haan and van Leest 2014: relative pulse amplitude of red, green and blue. */
    static final double[] SIGNATURE = {0.33, 0.77, 0.53};
    /** Diagonal loading of the covariance, relative to its mean diagonal: keeps the inverse stable. */
    private static final double LOADING = 1e-3;

    private final double windowSec;
    private final double loHz;
    private final double hiHz;
    private final double[] signature;

    /**
     * @param windowSec input: window length, seconds, positive
     * @param loHz      input: band-pass lower edge for the normalised channels, Hz
     * @param hiHz      input: band-pass upper edge, Hz (clamped below Nyquist when filtering)
     */
    public PbvMethod(double windowSec, double loHz, double hiHz) {
        this(windowSec, loHz, hiHz, SIGNATURE);
    }

    /**
     * As above with another signature.
     *
     * @param signature input: relative pulse amplitudes of red, green and blue, finite (not modified)
     */
    public PbvMethod(double windowSec, double loHz, double hiHz, double[] signature) {
        Channels.requireWindowAndBand(windowSec, loHz, hiHz);
        if (signature.length != 3 || !Double.isFinite(signature[0]) || !Double.isFinite(signature[1])
                || !Double.isFinite(signature[2])) {
            throw new IllegalArgumentException("signature must be three finite values");
        }
        this.windowSec = windowSec;
        this.loHz = loHz;
        this.hiHz = hiHz;
        this.signature = signature.clone();
    }

    @Override
    public double[] pulse(double[] r, double[] g, double[] b, double fs) {
        int n = Channels.sameLength(r, g, b);
        double[] out = new double[n];
        if (n < 4) {
            return out;
        }
        int len = Channels.windowLength(n, windowSec, fs, 4);
        double[][] c = {ChromMethod.normalised(r, len), ChromMethod.normalised(g, len),
                ChromMethod.normalised(b, len)};
        if (c[0] == null || c[1] == null || c[2] == null) {
            return out;
        }
        double hi = Math.min(hiHz, 0.45 * fs);
        if (loHz < hi) {
            SosFilter bp = SosFilter.butterworthBandPass(2, loHz, hi, fs);
            for (int ch = 0; ch < 3; ch++) {
                c[ch] = bp.filtfilt(c[ch]);
            }
        }
        double[] mean = new double[3];
        double[][] q = new double[3][3];
        return Channels.overlapAdd(n, len, (start, seg) -> {
            for (int i = 0; i < 3; i++) {
                double s = 0;
                for (int k = 0; k < len; k++) {
                    s += c[i][start + k];
                }
                mean[i] = s / len;
            }
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    double s = 0;
                    for (int k = 0; k < len; k++) {
                        s += (c[i][start + k] - mean[i]) * (c[j][start + k] - mean[j]);
                    }
                    q[i][j] = s / len;
                    q[j][i] = q[i][j];
                }
            }
            double[] w = weights(q, signature);
            if (w == null) {
                return false;
            }
            for (int k = 0; k < len; k++) {
                double h = 0;
                for (int i = 0; i < 3; i++) {
                    h += w[i] * (c[i][start + k] - mean[i]);
                }
                // the pulse darkens the skin: minus, so the output rises with blood volume
                seg[k] = -h;
            }
            return true;
        });
    }

    /**
     * The least-power projection with unit gain on signature {@code p}, {@code Q^-1 p / (p^T Q^-1 p)}, or
     * null when the window is flat.
     *
     * @param q input: 3 x 3 covariance (not modified)
     * @param p input: the signature (R, G, B)
     */
    static double[] weights(double[][] q, double[] p) {
        double load = LOADING * (q[0][0] + q[1][1] + q[2][2]) / 3;
        if (!(load > 0) || !Double.isFinite(load)) {
            return null;
        }
        double a = q[0][0] + load;
        double bb = q[0][1];
        double cc = q[0][2];
        double d = q[1][1] + load;
        double e = q[1][2];
        double f = q[2][2] + load;
        // inverse of the symmetric matrix [a b c; b d e; c e f] by cofactors
        double c00 = d * f - e * e;
        double c01 = cc * e - bb * f;
        double c02 = bb * e - cc * d;
        double c11 = a * f - cc * cc;
        double c12 = bb * cc - a * e;
        double c22 = a * d - bb * bb;
        double det = a * c00 + bb * c01 + cc * c02;
        if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
            return null;
        }
        double x0 = (c00 * p[0] + c01 * p[1] + c02 * p[2]) / det;
        double x1 = (c01 * p[0] + c11 * p[1] + c12 * p[2]) / det;
        double x2 = (c02 * p[0] + c12 * p[1] + c22 * p[2]) / det;
        double gain = x0 * p[0] + x1 * p[1] + x2 * p[2];
        if (!(gain > 0) || !Double.isFinite(gain)) {
            return null;
        }
        return new double[] {x0 / gain, x1 / gain, x2 / gain};
    }

    @Override
    public PulseMethod kind() {
        return PulseMethod.PBV;
    }
}
