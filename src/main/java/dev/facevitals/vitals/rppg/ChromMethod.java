package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.signal.SosFilter;

/**
 * CHROM, chrominance-based rPPG (de Haan and Jeanne, IEEE TBME 2013).
 *
 * <p>Each channel is normalised by its centred moving mean over one window (so an intensity change of the
 * light becomes the same factor q(t) on all three), then {@code X = 3R - 2G} and {@code Y = 1.5R + G - 1.5B}.
 * Both carry q(t) with coefficient one while the pulse projects onto them with opposite signs, so
 * {@code S = Xf - alpha Yf} with {@code alpha = sigma(Xf)/sigma(Yf)} cancels q and keeps the pulse.
 * Xf and Yf are X and Y band-passed; alpha is computed per window (about 1.6 s) and the Hann-weighted
 * window outputs are overlap-added with half overlap, as in the paper. Difference from the paper: the
 * band-pass runs once, zero-phase, over the whole X and Y rather than inside each short window, which
 * avoids filter transients in 50-sample windows. The output rises with blood volume.
 */
public final class ChromMethod implements RppgMethod {

    private final double windowSec;
    private final double loHz;
    private final double hiHz;

    /**
     * @param windowSec input: window length, seconds, positive
     * @param loHz      input: band-pass lower edge for X and Y, Hz
     * @param hiHz      input: band-pass upper edge, Hz (clamped below Nyquist when filtering)
     */
    public ChromMethod(double windowSec, double loHz, double hiHz) {
        Channels.requireWindowAndBand(windowSec, loHz, hiHz);
        this.windowSec = windowSec;
        this.loHz = loHz;
        this.hiHz = hiHz;
    }

    @Override
    public double[] pulse(double[] r, double[] g, double[] b, double fs) {
        int n = Channels.sameLength(r, g, b);
        double[] out = new double[n];
        if (n < 4) {
            return out;
        }
        int len = Channels.windowLength(n, windowSec, fs, 4);
        double[] rn = normalised(r, len);
        double[] gn = normalised(g, len);
        double[] bn = normalised(b, len);
        if (rn == null || gn == null || bn == null) {
            return out;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 3 * rn[i] - 2 * gn[i];
            y[i] = 1.5 * rn[i] + gn[i] - 1.5 * bn[i];
        }
        double hi = Math.min(hiHz, 0.45 * fs);
        if (loHz < hi) {
            SosFilter bp = SosFilter.butterworthBandPass(2, loHz, hi, fs);
            x = bp.filtfilt(x);
            y = bp.filtfilt(y);
        }
        double[] fx = x;
        double[] fy = y;
        return Channels.overlapAdd(n, len, (start, seg) -> {
            double mx = 0;
            double my = 0;
            for (int k = 0; k < len; k++) {
                mx += fx[start + k];
                my += fy[start + k];
            }
            mx /= len;
            my /= len;
            double vx = 0;
            double vy = 0;
            for (int k = 0; k < len; k++) {
                vx += (fx[start + k] - mx) * (fx[start + k] - mx);
                vy += (fy[start + k] - my) * (fy[start + k] - my);
            }
            double alpha = vy > 0 ? Math.sqrt(vx / vy) : 0;
            for (int k = 0; k < len; k++) {
                seg[k] = (fx[start + k] - mx) - alpha * (fy[start + k] - my);
            }
            return true;
        });
    }

    /** {@code c / movingMean(c) - 1} with a centred window of {@code len} samples (shrinking at the ends). */
    static double[] normalised(double[] c, int len) {
        int n = c.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + c[i];
        }
        int half = len / 2;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half);
            int bEnd = Math.min(n, i - half + len);
            if (bEnd <= a) {
                bEnd = Math.min(n, a + 1);
            }
            double m = (prefix[bEnd] - prefix[a]) / (bEnd - a);
            if (!(m > 0)) {
                return null;
            }
            out[i] = c[i] / m - 1;
        }
        return out;
    }

    @Override
    public PulseMethod kind() {
        return PulseMethod.CHROM;
    }
}
