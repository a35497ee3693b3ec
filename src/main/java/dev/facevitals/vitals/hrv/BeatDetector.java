package dev.facevitals.vitals.hrv;

import dev.facevitals.vitals.signal.Peaks;

/**
 * Finds the systolic peaks of a band-passed pulse wave. Peaks closer than a fraction of the beat period
 * (from the spectral heart rate) are suppressed, tallest first, so the dicrotic wave, which follows the
 * systolic peak after about a third of a period, is not counted as a beat. Each peak is refined between
 * samples by a least-squares parabola over about a tenth of a period around it (at least three samples):
 * at 30 Hz a sample is 33 ms, far coarser than the differences HRV is made of, and a three-point vertex
 * moves by tens of ms with a little noise.
 */
public final class BeatDetector {

    private BeatDetector() {
    }

    /**
     * @param pulse               input: band-passed pulse, rises with blood volume, uniformly sampled
     * @param fs                  input: sampling rate, Hz
     * @param heartRateHz         input: the spectral heart rate, Hz, positive
     * @param minDistanceFraction input: smallest beat spacing as a fraction of {@code 1 / heartRateHz}
     * @return the beats (possibly none)
     */
    public static Beats detect(double[] pulse, double fs, double heartRateHz, double minDistanceFraction) {
        if (!(heartRateHz > 0) || !(minDistanceFraction > 0)) {
            throw new IllegalArgumentException("heart rate and distance fraction must be positive");
        }
        int minDistance = Math.max(1, (int) Math.floor(minDistanceFraction * fs / heartRateHz));
        int[] peaks = Peaks.findPeaks(pulse, minDistance);
        int k = peaks.length;
        double[] times = new double[k];
        double[] values = new double[k];
        double[] troughs = new double[k];
        int halfFit = Math.max(1, (int) Math.round(0.1 * fs / heartRateHz));
        for (int j = 0; j < k; j++) {
            int i = peaks[j];
            double[] v = Peaks.leastSquaresVertex(pulse, i, halfFit);
            times[j] = (i + v[0]) / fs;
            values[j] = v[1];
            troughs[j] = j == 0 ? Double.NaN : trough(pulse, peaks[j - 1], i);
        }
        return new Beats(times, values, troughs);
    }

    /** Refined minimum strictly between two peak indices. */
    private static double trough(double[] x, int from, int to) {
        int m = from + 1;
        for (int i = from + 1; i < to; i++) {
            if (x[i] < x[m]) {
                m = i;
            }
        }
        if (m <= from || m >= to) {
            return Math.min(x[from], x[to]);
        }
        return Peaks.parabolicValue(x[m - 1], x[m], x[m + 1]);
    }
}
