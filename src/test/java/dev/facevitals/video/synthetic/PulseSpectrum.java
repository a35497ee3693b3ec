package dev.facevitals.video.synthetic;

/**
 * Plain spectral analysis for checking synthetic clips in tests: resampling onto a regular grid, FFT band-pass,
 * and the frequency of the strongest peak. Deliberately simple; the vitals code has its own methods.
 */
public final class PulseSpectrum {

    private PulseSpectrum() {
    }

    /** Linear interpolation of {@code (t, v)} onto {@code n} samples from {@code t[0]} at {@code rate} Hz. */
    public static double[] resample(double[] t, double[] v, double rate) {
        int n = (int) Math.floor((t[t.length - 1] - t[0]) * rate) + 1;
        double[] out = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            double x = t[0] + i / rate;
            while (j < t.length - 2 && t[j + 1] < x) {
                j++;
            }
            double f = (x - t[j]) / (t[j + 1] - t[j]);
            f = Math.max(0, Math.min(1, f));
            out[i] = v[j] + f * (v[j + 1] - v[j]);
        }
        return out;
    }

    /** Keeps only frequencies in {@code [lowHz, highHz]} (brick-wall, through the FFT), mean removed. */
    public static double[] bandPass(double[] x, double rate, double lowHz, double highHz) {
        int n = Integer.highestOneBit(Math.max(1, x.length - 1)) * 2;
        double[] re = new double[n];
        double[] im = new double[n];
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        // Remove the straight line through the ends so the periodic extension has no step.
        double a = x[0] - mean;
        double b = x[x.length - 1] - mean;
        for (int i = 0; i < x.length; i++) {
            re[i] = x[i] - mean - (a + (b - a) * i / (x.length - 1.0));
        }
        fft(re, im, false);
        for (int k = 0; k < n; k++) {
            double f = (k <= n / 2 ? k : n - k) * rate / n;
            if (f < lowHz || f > highHz) {
                re[k] = 0;
                im[k] = 0;
            }
        }
        fft(re, im, true);
        double[] out = new double[x.length];
        System.arraycopy(re, 0, out, 0, x.length);
        return out;
    }

    /**
     * Frequency (Hz) of the strongest spectral peak of {@code x} inside {@code [lowHz, highHz]}: Hann window,
     * zero padding to at least {@code 2^15} points, parabolic interpolation around the maximum.
     */
    public static double peakHz(double[] x, double rate, double lowHz, double highHz) {
        int n = Math.max(1 << 15, Integer.highestOneBit(x.length) * 4);
        double[] re = new double[n];
        double[] im = new double[n];
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        for (int i = 0; i < x.length; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (x.length - 1));
            re[i] = (x[i] - mean) * w;
        }
        fft(re, im, false);
        int lo = (int) Math.ceil(lowHz * n / rate);
        int hi = (int) Math.floor(highHz * n / rate);
        int best = lo;
        double bestPower = -1;
        double[] power = new double[hi + 2];
        for (int k = Math.max(1, lo - 1); k <= hi + 1; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        for (int k = lo; k <= hi; k++) {
            if (power[k] > bestPower) {
                bestPower = power[k];
                best = k;
            }
        }
        double y0 = power[best - 1];
        double y1 = power[best];
        double y2 = power[best + 1];
        double denom = y0 - 2 * y1 + y2;
        double shift = denom == 0 ? 0 : 0.5 * (y0 - y2) / denom;
        return (best + shift) * rate / n;
    }

    /** Pearson correlation of two equally long series. */
    public static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** In-place iterative radix-2 FFT; {@code inverse} scales by 1/n. Length must be a power of two. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("length must be a power of two: " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int p = i + k;
                    int q = p + len / 2;
                    double xr = re[q] * cr - im[q] * ci;
                    double xi = re[q] * ci + im[q] * cr;
                    re[q] = re[p] - xr;
                    im[q] = im[p] - xi;
                    re[p] += xr;
                    im[p] += xi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
