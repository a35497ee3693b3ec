package dev.facevitals.vitals.heart;

import dev.facevitals.vitals.hrv.BeatDetector;
import dev.facevitals.vitals.hrv.Beats;
import dev.facevitals.vitals.signal.Stats;

/**
 * Whether successive beats of a pulse wave, taken at a given rate, alternate tall and short: the sign of a
 * rate that is twice the heart's. A wave with a strong dicrotic peak can put more power at the second
 * harmonic than at the heart rate; the beats found at that doubled rate are then systolic and dicrotic
 * peaks in turn, whose heights (each over the trough before it) differ by a large part of their mean. At the
 * true rate successive beats differ only by noise and the slow swing of breathing.
 *
 * <p>The index is the median over successive pairs of {@code |a_j - a_j+1| / ((a_j + a_j+1) / 2)}, with
 * {@code a} a beat's peak minus the trough before it: about 0 for equal beats, 0.5 for heights in the ratio
 * 0.6, and noise raises it at any rate. The median makes it robust to the odd missed or extra beat.
 */
public final class Alternation {

    /** Smallest beat spacing as a fraction of the period: the dicrotic peak must count as a beat. */
    private static final double MIN_DISTANCE_FRACTION = 0.6;

    private Alternation() {
    }

    /**
     * @param wave   input: the band-passed pulse, rises with blood volume, uniformly sampled
     * @param fs     input: its sampling rate, Hz
     * @param rateHz input: the rate to take beats at, Hz, positive
     * @return the alternation index, or NaN with fewer than three beats
     */
    public static double index(double[] wave, double fs, double rateHz) {
        Beats beats = BeatDetector.detect(wave, fs, rateHz, MIN_DISTANCE_FRACTION);
        int n = beats.count();
        if (n < 3) {
            return Double.NaN;
        }
        double[] d = new double[n - 2];
        for (int j = 1; j + 1 < n; j++) {
            double a = beats.peakValues()[j] - beats.troughValues()[j];
            double b = beats.peakValues()[j + 1] - beats.troughValues()[j + 1];
            d[j - 1] = a + b > 0 ? Math.abs(a - b) / (0.5 * (a + b)) : 0;
        }
        return Stats.median(d);
    }
}
