package dev.facevitals.vitals.signal;

import java.util.List;

/**
 * A cascade of biquads (second-order sections) with Butterworth designs and zero-phase forward-backward
 * filtering. Zero phase matters here: beat times for HRV must not be shifted by the filter.
 *
 * <p>Immutable and thread-safe; the filtering methods allocate their own state.
 */
public final class SosFilter {

    private final Biquad[] sections;
    private final int padding;

    /**
     * @param sections input: the sections, applied in order
     * @param padding  input: samples of odd reflection added at each end by {@link #filtfilt} so the start-up
     *                 transients fall outside the signal (about a few periods of the lowest cut-off)
     */
    public SosFilter(List<Biquad> sections, int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0: " + padding);
        }
        this.sections = sections.toArray(new Biquad[0]);
        this.padding = padding;
    }

    /**
     * Butterworth low-pass of even {@code order} (order/2 sections).
     *
     * @param order input: filter order, even, >= 2
     * @param fc    input: -3 dB cut-off of one pass, Hz, in (0, fs/2)
     * @param fs    input: sampling rate, Hz
     */
    public static SosFilter butterworthLowPass(int order, double fc, double fs) {
        checkDesign(order, fc, fs);
        Biquad[] s = new Biquad[order / 2];
        for (int k = 0; k < s.length; k++) {
            s[k] = Biquad.lowPass(fc, butterworthQ(order, k), fs);
        }
        return new SosFilter(List.of(s), (int) Math.ceil(3 * fs / fc));
    }

    /**
     * Butterworth high-pass of even {@code order} (order/2 sections).
     *
     * @param order input: filter order, even, >= 2
     * @param fc    input: -3 dB cut-off of one pass, Hz, in (0, fs/2)
     * @param fs    input: sampling rate, Hz
     */
    public static SosFilter butterworthHighPass(int order, double fc, double fs) {
        checkDesign(order, fc, fs);
        Biquad[] s = new Biquad[order / 2];
        for (int k = 0; k < s.length; k++) {
            s[k] = Biquad.highPass(fc, butterworthQ(order, k), fs);
        }
        return new SosFilter(List.of(s), (int) Math.ceil(3 * fs / fc));
    }

    /**
     * Band-pass as a Butterworth high-pass at {@code lo} followed by a Butterworth low-pass at {@code hi},
     * each of even {@code order}. For the wide bands used here (an octave or more) this matches a true
     * band-pass design closely and keeps each edge's response simple to reason about.
     *
     * @param order input: order of each edge, even, >= 2
     * @param lo    input: lower -3 dB edge of one pass, Hz
     * @param hi    input: upper -3 dB edge of one pass, Hz, below fs/2
     * @param fs    input: sampling rate, Hz
     */
    public static SosFilter butterworthBandPass(int order, double lo, double hi, double fs) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("band edges must satisfy lo < hi: " + lo + ", " + hi);
        }
        checkDesign(order, lo, fs);
        checkDesign(order, hi, fs);
        Biquad[] s = new Biquad[order];
        for (int k = 0; k < order / 2; k++) {
            s[k] = Biquad.highPass(lo, butterworthQ(order, k), fs);
            s[order / 2 + k] = Biquad.lowPass(hi, butterworthQ(order, k), fs);
        }
        return new SosFilter(List.of(s), (int) Math.ceil(3 * fs / lo));
    }

    /** Quality factor of section k of an order-N Butterworth filter: {@code 1 / (2 sin((2k+1) pi / (2N)))}. */
    static double butterworthQ(int order, int k) {
        return 1 / (2 * Math.sin((2 * k + 1) * Math.PI / (2 * order)));
    }

    private static void checkDesign(int order, double fc, double fs) {
        if (order < 2 || order % 2 != 0) {
            throw new IllegalArgumentException("order must be even and >= 2: " + order);
        }
        if (!(fc > 0 && fc < fs / 2)) {
            throw new IllegalArgumentException("cut-off must lie in (0, fs/2): " + fc + " at fs " + fs);
        }
    }

    public int sections() {
        return sections.length;
    }

    /**
     * |H| of the cascade (one pass) at frequency f. Forward-backward filtering squares it.
     *
     * @param f  input: frequency, Hz
     * @param fs input: sampling rate, Hz
     */
    public double magnitude(double f, double fs) {
        double m = 1;
        for (Biquad b : sections) {
            m *= b.magnitude(f, fs);
        }
        return m;
    }

    /**
     * One causal pass from zero initial state (direct form II transposed).
     *
     * @param x input: signal (not modified)
     * @return the filtered signal, a new array
     */
    public double[] filter(double[] x) {
        double[] y = x.clone();
        for (Biquad b : sections) {
            apply(b, y, 0, y.length, false);
        }
        return y;
    }

    /**
     * Zero-phase filtering: forward then backward through the cascade, after extending the signal at both
     * ends by odd reflection ({@code 2 x[0] - x[k]}), which continues the local slope instead of jumping
     * to zero and so keeps edge transients small.
     *
     * @param x input: finite signal (not modified)
     * @return the filtered signal, same length, a new array
     */
    public double[] filtfilt(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        int p = Math.min(padding, n - 1);
        double[] y = new double[n + 2 * p];
        for (int k = 1; k <= p; k++) {
            y[p - k] = 2 * x[0] - x[k];
            y[p + n - 1 + k] = 2 * x[n - 1] - x[n - 1 - k];
        }
        System.arraycopy(x, 0, y, p, n);
        for (Biquad b : sections) {
            apply(b, y, 0, y.length, false);
        }
        for (int s = sections.length - 1; s >= 0; s--) {
            apply(sections[s], y, 0, y.length, true);
        }
        return java.util.Arrays.copyOfRange(y, p, p + n);
    }

    private static void apply(Biquad b, double[] y, int from, int to, boolean backward) {
        double z1 = 0;
        double z2 = 0;
        int n = to - from;
        for (int k = 0; k < n; k++) {
            int i = backward ? to - 1 - k : from + k;
            double in = y[i];
            double out = b.b0() * in + z1;
            z1 = b.b1() * in - b.a1() * out + z2;
            z2 = b.b2() * in - b.a2() * out;
            y[i] = out;
        }
    }
}
