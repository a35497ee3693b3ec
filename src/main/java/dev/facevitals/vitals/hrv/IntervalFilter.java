package dev.facevitals.vitals.hrv;

import dev.facevitals.vitals.signal.Stats;

/**
 * Artefact rejection for inter-beat intervals: an interval more than {@code maxDeviation} (a fraction,
 * e.g. 0.2) away from the median of its neighbourhood is a missed or extra beat, not heart-rate
 * variability. Healthy beat-to-beat changes stay well within 20% of the local median, while a missed beat
 * doubles an interval and an extra one roughly halves it.
 */
public final class IntervalFilter {

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
        return ok;
    }
}
