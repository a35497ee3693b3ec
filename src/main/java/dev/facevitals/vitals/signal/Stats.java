package dev.facevitals.vitals.signal;

import java.util.Arrays;

/**
 * Small descriptive statistics on primitive arrays. Every parameter is an input and is not modified;
 * {@code from, to} select {@code x[from, to)}. Empty input gives NaN.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * Mean of {@code x[from, to)}.
     *
     * @param x    input: values
     * @param from input: first index
     * @param to   input: end index, exclusive
     */
    public static double mean(double[] x, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    /** @param x input: values */
    public static double mean(double[] x) {
        return mean(x, 0, x.length);
    }

    /**
     * Least-squares straight line through {@code x[from, to)} against the index.
     *
     * @param x    input: values
     * @param from input: first index
     * @param to   input: end index, exclusive
     * @return {intercept at index 0, slope per index}; slope 0 for a single value, NaNs when empty
     */
    public static double[] line(double[] x, int from, int to) {
        double my = mean(x, from, to);
        double mi = 0.5 * (from + to - 1);
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (i - mi) * (x[i] - my);
            sxx += (i - mi) * (i - mi);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - slope * mi, slope};
    }

    /**
     * Population variance (divides by n) of {@code x[from, to)}, two-pass for accuracy.
     *
     * @param x    input: values
     * @param from input: first index
     * @param to   input: end index, exclusive
     */
    public static double variance(double[] x, int from, int to) {
        double m = mean(x, from, to);
        if (Double.isNaN(m)) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - m;
            s += d * d;
        }
        return s / (to - from);
    }

    /** Population standard deviation (divides by n). @param x input: values */
    public static double std(double[] x) {
        return Math.sqrt(variance(x, 0, x.length));
    }

    /** Root mean square (no mean removed). @param x input: values */
    public static double rms(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** Median of the finite values; NaN when there are none. @param x input: values, may hold NaN */
    public static double median(double[] x) {
        double[] c = new double[x.length];
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                c[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(c, 0, n);
        return (n & 1) == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /**
     * Median of {@code x[from, to)} (all values assumed finite).
     *
     * @param x    input: values
     * @param from input: first index
     * @param to   input: end index, exclusive
     */
    public static double median(double[] x, int from, int to) {
        return median(Arrays.copyOfRange(x, from, to));
    }

    /** {@code x - mean(x)} as a new array. @param x input: values */
    public static double[] centred(double[] x) {
        double m = mean(x);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - m;
        }
        return y;
    }

    /**
     * True when every value of {@code x[from, to)} is finite.
     *
     * @param x    input: values
     * @param from input: first index
     * @param to   input: end index, exclusive
     */
    public static boolean allFinite(double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }
}
