package dev.facevitals.vitals.hrv;

/**
 * Detected beats of a pulse wave. Arrays are parallel, one entry per beat, in time order.
 *
 * @param peakTimes    systolic peak times, seconds from the first sample, refined between samples
 * @param peakValues   pulse value at each peak (refined)
 * @param troughValues lowest pulse value between the previous peak and this one (refined); NaN for the first
 */
public record Beats(double[] peakTimes, double[] peakValues, double[] troughValues) {

    public int count() {
        return peakTimes.length;
    }

    /** Inter-beat intervals in milliseconds, {@code count() - 1} of them. */
    public double[] intervalsMs() {
        int n = Math.max(0, peakTimes.length - 1);
        double[] ibi = new double[n];
        for (int i = 0; i < n; i++) {
            ibi[i] = (peakTimes[i + 1] - peakTimes[i]) * 1000;
        }
        return ibi;
    }
}
