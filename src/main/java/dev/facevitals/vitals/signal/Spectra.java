package dev.facevitals.vitals.signal;

/**
 * Power spectral density estimates: Welch's averaged, Hann-windowed periodograms, zero-padded to a fine
 * frequency grid so that peaks can be located well below the natural resolution {@code 1/T}.
 *
 * <p>The window is {@code w[i] = sin^2(pi (i + 0.5) / L)}: a Hann window sampled between its zeros, so no
 * sample is wasted and any length (even 1) is valid. Each segment has its mean removed first.
 */
public final class Spectra {

    private Spectra() {
    }

    /**
     * Welch estimate with segments of {@code segmentLength} samples (the whole signal if it is shorter),
     * overlapping by at least half and spread evenly from the first to the last sample.
     *
     * @param x             input: uniformly sampled, finite signal (not modified)
     * @param fs            input: sampling rate, Hz
     * @param segmentLength input: samples per segment, at least 1
     * @param resolutionHz  input: the bin spacing to reach by zero padding (the grid is at least this fine)
     * @return the one-sided density (zero everywhere for an empty or one-sample signal)
     */
    public static PowerSpectrum welch(double[] x, double fs, int segmentLength, double resolutionHz) {
        if (!(fs > 0) || segmentLength < 1 || !(resolutionHz > 0)) {
            throw new IllegalArgumentException("need fs > 0, segmentLength >= 1, resolutionHz > 0");
        }
        int n = x.length;
        int len = Math.max(1, Math.min(n, segmentLength));
        int nfft = Fft.nextPowerOfTwo(Math.max(len, (int) Math.ceil(fs / resolutionHz)));
        int bins = nfft / 2 + 1;
        double[] density = new double[bins];
        if (n == 0) {
            return new PowerSpectrum(density, fs / nfft);
        }
        int segments = n <= len ? 1 : (int) Math.ceil((n - len) / (len / 2.0)) + 1;
        double[] w = hann(len);
        double wss = 0;
        for (double v : w) {
            wss += v * v;
        }
        double scale = 1.0 / (fs * wss * segments);
        double[] re = new double[nfft];
        double[] im = new double[nfft];
        // two real segments per complex transform: one as the real part, the next as the imaginary part
        for (int s = 0; s < segments; s += 2) {
            boolean pair = s + 1 < segments;
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            fillSegment(x, start(s, segments, n, len), len, w, re);
            if (pair) {
                fillSegment(x, start(s + 1, segments, n, len), len, w, im);
            }
            Fft.forward(re, im);
            for (int k = 0; k < bins; k++) {
                int j = (nfft - k) % nfft;
                // X1[k] = (Z[k] + conj Z[-k]) / 2, X2[k] = (Z[k] - conj Z[-k]) / 2i
                double ar = 0.5 * (re[k] + re[j]);
                double ai = 0.5 * (im[k] - im[j]);
                double br = 0.5 * (im[k] + im[j]);
                double bi = -0.5 * (re[k] - re[j]);
                double p = (ar * ar + ai * ai) + (pair ? br * br + bi * bi : 0);
                // one-sided: fold the negative frequencies onto the positive ones (DC and Nyquist have no twin)
                boolean twin = k != 0 && !(nfft % 2 == 0 && k == nfft / 2);
                density[k] += (twin ? 2 * p : p) * scale;
            }
        }
        return new PowerSpectrum(density, fs / nfft);
    }

    private static int start(int s, int segments, int n, int len) {
        return segments == 1 ? 0 : (int) Math.round((double) s * (n - len) / (segments - 1));
    }

    /** Mean-removed, windowed segment into {@code out[0, len)}. */
    private static void fillSegment(double[] x, int start, int len, double[] w, double[] out) {
        double m = Stats.mean(x, start, start + len);
        for (int i = 0; i < len; i++) {
            out[i] = (x[start + i] - m) * w[i];
        }
    }

    /**
     * Single Hann-windowed periodogram of the whole signal: Welch with one segment.
     *
     * @param x            input: uniformly sampled, finite signal (not modified)
     * @param fs           input: sampling rate, Hz
     * @param resolutionHz input: the bin spacing to reach by zero padding
     */
    public static PowerSpectrum periodogram(double[] x, double fs, double resolutionHz) {
        return welch(x, fs, Math.max(1, x.length), resolutionHz);
    }

    /** The analysis window used here, {@code sin^2(pi (i + 0.5) / len)}. @param len input: length, >= 0 */
    public static double[] hann(int len) {
        double[] w = new double[len];
        for (int i = 0; i < len; i++) {
            double s = Math.sin(Math.PI * (i + 0.5) / len);
            w[i] = s * s;
        }
        return w;
    }
}
