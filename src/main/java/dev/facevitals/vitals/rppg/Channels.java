package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.signal.Spectra;

/** Argument checks and window arithmetic shared by the windowed rPPG methods. */
final class Channels {

    private Channels() {
    }

    /** @return the common length of the three channels; throws when they differ */
    static int sameLength(double[] r, double[] g, double[] b) {
        int n = r.length;
        if (g.length != n || b.length != n) {
            throw new IllegalArgumentException("r, g, b lengths differ");
        }
        return n;
    }

    /** Throws unless {@code windowSec > 0} and {@code 0 < loHz < hiHz}. */
    static void requireWindowAndBand(double windowSec, double loHz, double hiHz) {
        if (!(windowSec > 0) || !(loHz > 0) || !(hiHz > loHz)) {
            throw new IllegalArgumentException("need windowSec > 0 and 0 < loHz < hiHz");
        }
    }

    /** Window length in samples: {@code windowSec * fs} rounded, at least {@code min}, at most {@code n}. */
    static int windowLength(int n, double windowSec, double fs, int min) {
        return Math.min(n, Math.max(min, (int) Math.round(windowSec * fs)));
    }

    /** One window's contribution to {@link #overlapAdd}. */
    @FunctionalInterface
    interface Window {
        /**
         * @param start input: first sample of the window
         * @param out   output: the window's {@code out.length} samples
         * @return false to leave this window out (its samples get no weight from it)
         */
        boolean project(int start, double[] out);
    }

    /**
     * Windows of {@code len} samples at half overlap (the last one shifted back to end with the signal),
     * each weighted by a Hann window and added; every sample is then divided by the weights it received,
     * which keeps the amplitude flat at the ends and where the last window was shifted.
     *
     * @param n   input: signal length, at least {@code len}
     * @param len input: window length, samples, positive
     * @return the overlap-added signal, a new array (0 where no window contributed)
     */
    static double[] overlapAdd(int n, int len, Window window) {
        double[] out = new double[n];
        double[] cover = new double[n];
        double[] hann = Spectra.hann(len);
        double[] segment = new double[len];
        int hop = Math.max(1, len / 2);
        int last = n - len;
        for (int m = 0; ; m += hop) {
            int start = Math.min(m, last);
            if (window.project(start, segment)) {
                for (int k = 0; k < len; k++) {
                    out[start + k] += hann[k] * segment[k];
                    cover[start + k] += hann[k];
                }
            }
            if (start == last) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (cover[i] > 0) {
                out[i] /= cover[i];
            }
        }
        return out;
    }
}
