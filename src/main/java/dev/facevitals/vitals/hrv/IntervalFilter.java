package dev.facevitals.vitals.hrv;

import dev.facevitals.vitals.signal.Stats;
import java.util.Arrays;

/**
 * Artefact rejection for inter-beat intervals, in two steps.
 * <ol>
 *   <li>An interval more than {@code maxDeviation} (a fraction, e.g. 0.2) away from the median of its
 *       neighbourhood is a missed or extra beat, not heart-rate variability. Healthy beat-to-beat changes stay
 *       well within 20% of the local median, while a missed beat doubles an interval and an extra one roughly
 *       halves it.</li>
 *   <li>A <em>displaced</em> beat (a noise bump that moved one detected peak, or an ectopic beat; "misaligned"
 *       in Lipponen and Tarvainen's terms) makes one
 *       interval long and the next short by the same amount, each of which can stay within 20% of the
 *       median: at 80 bpm a beat found 140 ms late gives +18% and -18%, and a successive difference of
 *       280 ms that dominates RMSSD. The beat's offset from the midpoint of its neighbours,
 *       {@code d = (I_k - I_k+1) / 2}, is a second difference of the beat times: a heart's own rhythm
 *       (respiratory sinus arrhythmia, slow waves) changes it little from beat to beat. A beat whose
 *       {@code d} lies further from the median of the scan's {@code d} than {@link #DISPLACED_SIGMAS} robust
 *       standard deviations (1.4826 times the median absolute deviation) and than {@link #DISPLACED_FLOOR} of
 *       the median interval is taken for displaced, and both its intervals are rejected. The idea follows
 *       Lipponen and Tarvainen (J. Med. Eng. Technol. 43(3):173-181, 2019), whose thresholds scale with the
 *       spread of the scan's own successive differences; the rule here is a simpler one of our own.</li>
 * </ol>
 */
public final class IntervalFilter {

    /** A displaced beat's offset from its neighbours' midpoint, in robust standard deviations of all offsets. */
    public static final double DISPLACED_SIGMAS = 3.0;

    /**
     * ... and at least this fraction of the median interval (40 ms at 75 bpm), so that a nearly regular
     * rhythm, whose offsets are all tiny, does not have its ordinary beats rejected.
     */
    public static final double DISPLACED_FLOOR = 0.05;

    private IntervalFilter() {
    }

    /**
     * @param ibiMs        input: inter-beat intervals, ms
     * @param maxDeviation input: largest accepted relative deviation from the local median, e.g. 0.2
     * @param halfWindow   input: neighbours on each side forming the local median (the interval itself
     *                     included), e.g. 5
     * @return per interval, whether it is accepted
     */
    public static boolean[] accept(double[] ibiMs, double maxDeviation, int halfWindow) {
        if (!(maxDeviation > 0) || halfWindow < 1) {
            throw new IllegalArgumentException("maxDeviation must be positive and halfWindow >= 1");
        }
        int n = ibiMs.length;
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - halfWindow);
            int b = Math.min(n, i + halfWindow + 1);
            double med = Stats.median(ibiMs, a, b);
            ok[i] = Math.abs(ibiMs[i] - med) <= maxDeviation * med;
        }
        rejectDisplacedBeats(ibiMs, ok);
        return ok;
    }

    /**
     * Step 2 (class comment): among the beats between two intervals that passed step 1, those displaced
     * from their neighbours' midpoint by an outlying amount lose both intervals.
     *
     * @param ibiMs input: intervals, ms
     * @param ok    input and output: acceptance after step 1; displaced beats' intervals set to false
     */
    static void rejectDisplacedBeats(double[] ibiMs, boolean[] ok) {
        int n = ibiMs.length;
        double[] d = new double[Math.max(0, n - 1)];
        double[] kept = new double[n];
        int m = 0;
        int k = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (ok[i] && ok[i + 1]) {
                d[m++] = 0.5 * (ibiMs[i] - ibiMs[i + 1]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (ok[i]) {
                kept[k++] = ibiMs[i];
            }
        }
        if (m < 5 || k == 0) {
            return;
        }
        double[] offsets = Arrays.copyOf(d, m);
        double centre = Stats.median(offsets);
        double[] dev = new double[m];
        for (int j = 0; j < m; j++) {
            dev[j] = Math.abs(offsets[j] - centre);
        }
        double sigma = 1.4826 * Stats.median(dev);
        double limit = Math.max(DISPLACED_SIGMAS * sigma,
                DISPLACED_FLOOR * Stats.median(Arrays.copyOf(kept, k)));
        boolean[] displaced = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            if (ok[i] && ok[i + 1] && Math.abs(0.5 * (ibiMs[i] - ibiMs[i + 1]) - centre) > limit) {
                displaced[i] = true;
                displaced[i + 1] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            ok[i] &= !displaced[i];
        }
    }
}
