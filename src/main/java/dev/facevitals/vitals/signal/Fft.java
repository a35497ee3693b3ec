package dev.facevitals.vitals.signal;

/**
 * Discrete Fourier transform of any length, in place on separate real and imaginary arrays:
 * iterative radix-2 for powers of two, Bluestein's chirp-z (through a radix-2 convolution) otherwise.
 *
 * <p>Forward: {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)}. Inverse: the conjugate transform scaled by
 * {@code 1/N}, so {@code inverse(forward(x)) == x}.
 */
public final class Fft {

    private Fft() {
    }

    /**
     * Forward transform.
     *
     * @param re input and output: real parts, length N
     * @param im input and output: imaginary parts, length N
     */
    public static void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /**
     * Inverse transform, scaled by {@code 1/N}.
     *
     * @param re input and output: real parts, length N
     * @param im input and output: imaginary parts, length N
     */
    public static void inverse(double[] re, double[] im) {
        transform(re, im, true);
        int n = re.length;
        for (int i = 0; i < n; i++) {
            re[i] /= n;
            im[i] /= n;
        }
    }

    /** Smallest power of two that is at least {@code n} (1 for n <= 1). @param n input: a length */
    public static int nextPowerOfTwo(int n) {
        if (n > (1 << 30)) {
            throw new IllegalArgumentException("too long: " + n);
        }
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    private static void transform(double[] re, double[] im, boolean inverse) {
        if (re.length != im.length) {
            throw new IllegalArgumentException("re and im lengths differ: " + re.length + " vs " + im.length);
        }
        int n = re.length;
        if (n <= 1) {
            return;
        }
        if ((n & (n - 1)) == 0) {
            radix2(re, im, inverse);
        } else {
            bluestein(re, im, inverse);
        }
    }

    /** Iterative Cooley-Tukey; n must be a power of two. Unscaled in both directions. */
    static void radix2(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        // bit-reversal permutation
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
        double[] table = twiddles(n);
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int h = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < h; k++) {
                    double wr = table[2 * k * step];
                    double wi = sign * table[2 * k * step + 1];
                    int a = start + k;
                    int b = a + h;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /**
     * {@code cos(2 pi k / n), sin(2 pi k / n)} interleaved for k < n/2, computed once per power of two and
     * shared: each entry straight from cos/sin keeps rounding error flat. The array is never modified after
     * publication through the atomic array, so sharing it across threads is safe.
     */
    private static double[] twiddles(int n) {
        int log = Integer.numberOfTrailingZeros(n);
        double[] t = TWIDDLES.get(log);
        if (t == null) {
            int half = n >> 1;
            t = new double[2 * half];
            for (int k = 0; k < half; k++) {
                double a = 2 * Math.PI * k / n;
                t[2 * k] = Math.cos(a);
                t[2 * k + 1] = Math.sin(a);
            }
            TWIDDLES.compareAndSet(log, null, t);
        }
        return t;
    }

    private static final java.util.concurrent.atomic.AtomicReferenceArray<double[]> TWIDDLES =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(31);

    /** Bluestein: X[k] = w[k] * sum_n (x[n] w[n]) conj(w[k-n]) with w[k] = exp(-+ i pi k^2 / n). */
    private static void bluestein(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        int m = nextPowerOfTwo(2 * n - 1);
        double sign = inverse ? 1 : -1;
        double[] wr = new double[n];
        double[] wi = new double[n];
        long twoN = 2L * n;
        for (int k = 0; k < n; k++) {
            // k^2 mod 2n keeps the angle small, so large k lose no precision
            long kk = ((long) k * k) % twoN;
            double a = Math.PI * kk / n;
            wr[k] = Math.cos(a);
            wi[k] = sign * Math.sin(a);
        }
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int k = 0; k < n; k++) {
            ar[k] = re[k] * wr[k] - im[k] * wi[k];
            ai[k] = re[k] * wi[k] + im[k] * wr[k];
        }
        double[] br = new double[m];
        double[] bi = new double[m];
        br[0] = wr[0];
        bi[0] = -wi[0];
        for (int k = 1; k < n; k++) {
            br[k] = wr[k];
            bi[k] = -wi[k];
            br[m - k] = wr[k];
            bi[m - k] = -wi[k];
        }
        radix2(ar, ai, false);
        radix2(br, bi, false);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * br[k] - ai[k] * bi[k];
            double i = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = r;
            ai[k] = i;
        }
        radix2(ar, ai, true);
        for (int k = 0; k < n; k++) {
            double cr = ar[k] / m;
            double ci = ai[k] / m;
            re[k] = cr * wr[k] - ci * wi[k];
            im[k] = cr * wi[k] + ci * wr[k];
        }
    }
}
