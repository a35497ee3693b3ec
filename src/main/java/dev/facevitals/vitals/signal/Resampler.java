package dev.facevitals.vitals.signal;

/**
 * Linear interpolation of samples taken at irregular times (variable frame rate video) onto a uniform grid
 * {@code t0 + j / fs}. Filters and spectra need uniform sampling; a phone's nominal fps is not to be trusted.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * Number of grid points from {@code t0} up to and including {@code tEnd} at rate {@code fs}
     * (0 when {@code tEnd < t0}).
     *
     * @param t0   input: first grid time, s
     * @param tEnd input: last time to cover, s
     * @param fs   input: grid rate, Hz
     */
    public static int gridLength(double t0, double tEnd, double fs) {
        if (!(tEnd >= t0)) {
            return 0;
        }
        return (int) Math.floor((tEnd - t0) * fs + 1e-9) + 1;
    }

    /**
     * Resamples {@code x(t)} onto {@code t0 + j / fs}, {@code j = 0 .. length-1}.
     *
     * <p>A grid point gets NaN when it lies outside {@code [t[0], t[n-1]]}, when either bracketing sample is
     * NaN, or when the bracketing samples are more than {@code maxStepSec} apart (frames missing for that
     * long are a gap, not something to draw a straight line through). A grid point that hits a sample time
     * exactly takes that sample.
     *
     * @param t          input: sample times, seconds, strictly increasing
     * @param x          input: sample values, same length as t; NaN marks a missing sample
     * @param t0         input: time of the first grid point, seconds
     * @param fs         input: grid rate, Hz, positive
     * @param length     input: number of grid points
     * @param maxStepSec input: longest interval between samples still interpolated across, seconds
     * @return the resampled values, {@code length} long
     */
    public static double[] linear(double[] t, double[] x, double t0, double fs, int length, double maxStepSec) {
        if (t.length != x.length) {
            throw new IllegalArgumentException("t and x lengths differ: " + t.length + " vs " + x.length);
        }
        if (!(fs > 0)) {
            throw new IllegalArgumentException("fs must be positive: " + fs);
        }
        double[] y = new double[length];
        int n = t.length;
        int i = 0; // t[i] <= tau < t[i+1] while scanning
        for (int j = 0; j < length; j++) {
            double tau = t0 + j / fs;
            if (n == 0 || tau < t[0] || tau > t[n - 1]) {
                y[j] = Double.NaN;
                continue;
            }
            while (i < n - 2 && t[i + 1] <= tau) {
                i++;
            }
            if (tau == t[i]) {
                y[j] = x[i];
            } else if (i + 1 < n && tau == t[i + 1]) {
                y[j] = x[i + 1];
            } else if (i + 1 >= n || t[i + 1] - t[i] > maxStepSec) {
                y[j] = Double.NaN;
            } else {
                double a = (tau - t[i]) / (t[i + 1] - t[i]);
                // NaN in either neighbour propagates, which is what we want
                y[j] = x[i] + a * (x[i + 1] - x[i]);
            }
        }
        return y;
    }

    /**
     * The uniformly sampled series {@code x} read at a fractional index, linearly between its neighbours and
     * clamped to the first and last sample outside {@code [0, x.length - 1]}.
     *
     * @param x   input: samples, at least one
     * @param pos input: fractional index
     */
    public static double at(double[] x, double pos) {
        if (pos <= 0) {
            return x[0];
        }
        if (pos >= x.length - 1) {
            return x[x.length - 1];
        }
        int i = (int) Math.floor(pos);
        double f = pos - i;
        return x[i] + f * (x[i + 1] - x[i]);
    }
}
