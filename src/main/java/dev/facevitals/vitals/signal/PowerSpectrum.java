package dev.facevitals.vitals.signal;

/**
 * One-sided power spectral density on an evenly spaced frequency grid {@code f[k] = k * binHz},
 * {@code k = 0 .. size()-1} (0 Hz to Nyquist). Units: signal units squared per Hz, so the power in a band is
 * the sum of its bins times {@code binHz}.
 *
 * <p>Holds its array without copying: callers must not modify it.
 */
public final class PowerSpectrum {

    private final double[] density;
    private final double binHz;

    /**
     * @param density input: one-sided density, bin k at frequency {@code k * binHz}
     * @param binHz   input: bin spacing, Hz, positive
     */
    public PowerSpectrum(double[] density, double binHz) {
        if (!(binHz > 0)) {
            throw new IllegalArgumentException("binHz must be positive: " + binHz);
        }
        this.density = density;
        this.binHz = binHz;
    }

    public int size() {
        return density.length;
    }

    public double binHz() {
        return binHz;
    }

    /** @param k input: bin index */
    public double frequency(int k) {
        return k * binHz;
    }

    /** @param k input: bin index */
    public double density(int k) {
        return density[k];
    }

    /** First bin at or above {@code f} (clamped to the grid). @param f input: frequency, Hz */
    public int binAtOrAbove(double f) {
        int k = (int) Math.ceil(f / binHz - 1e-9);
        return Math.max(0, Math.min(density.length - 1, k));
    }

    /** Last bin at or below {@code f} (clamped to the grid). @param f input: frequency, Hz */
    public int binAtOrBelow(double f) {
        int k = (int) Math.floor(f / binHz + 1e-9);
        return Math.max(0, Math.min(density.length - 1, k));
    }

    /**
     * Power between {@code lo} and {@code hi} Hz inclusive (sum of bins times bin width).
     *
     * @param lo input: lower edge, Hz
     * @param hi input: upper edge, Hz
     */
    public double bandPower(double lo, double hi) {
        if (hi < lo || density.length == 0) {
            return 0;
        }
        int a = binAtOrAbove(lo);
        int b = binAtOrBelow(hi);
        double s = 0;
        for (int k = a; k <= b; k++) {
            s += density[k];
        }
        return s * binHz;
    }

    /**
     * Bin of the highest local maximum whose frequency lies in {@code [lo, hi]}; a local maximum is strictly
     * above its left neighbour and not below its right one (neighbours may lie outside the band), so a slope
     * that merely rises into the band edge does not count. -1 when there is none.
     *
     * @param lo input: lower edge, Hz
     * @param hi input: upper edge, Hz
     */
    public int highestPeak(double lo, double hi) {
        int a = Math.max(1, binAtOrAbove(lo));
        int b = Math.min(density.length - 2, binAtOrBelow(hi));
        int best = -1;
        for (int k = a; k <= b; k++) {
            if (density[k] > density[k - 1] && density[k] >= density[k + 1]
                    && (best < 0 || density[k] > density[best])) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Frequency of the peak at bin {@code k} refined between bins by fitting a parabola to the log density of
     * bins k-1, k, k+1 (exact for a Gaussian-shaped peak, close for a Hann-windowed sine).
     *
     * @param k input: bin of a local maximum
     */
    public double refinedFrequency(int k) {
        if (k <= 0 || k >= density.length - 1) {
            return frequency(k);
        }
        double tiny = Double.MIN_NORMAL;
        double a = Math.log(Math.max(density[k - 1], tiny));
        double b = Math.log(Math.max(density[k], tiny));
        double c = Math.log(Math.max(density[k + 1], tiny));
        return (k + Peaks.parabolicOffset(a, b, c)) * binHz;
    }
}
