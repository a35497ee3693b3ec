package dev.facevitals.vitals.hrv;

/**
 * Time-domain heart-rate variability of the accepted (normal-to-normal) intervals.
 *
 * <ul>
 *   <li>SDNN: sample standard deviation (n - 1) of the accepted intervals, ms.</li>
 *   <li>RMSSD: root mean square of differences between successive intervals, both accepted, ms. A rejected
 *       interval breaks the chain: differences across it are not formed.</li>
 *   <li>pNN50: percentage of those successive differences larger than 50 ms.</li>
 * </ul>
 *
 * @param sdnnMs         SDNN, ms (NaN with fewer than 2 accepted intervals)
 * @param rmssdMs        RMSSD, ms (NaN without any successive pair)
 * @param pnn50Pct       pNN50, percent (NaN without any successive pair)
 * @param accepted       accepted intervals
 * @param successivePairs successive accepted pairs behind RMSSD and pNN50
 */
public record Hrv(double sdnnMs, double rmssdMs, double pnn50Pct, int accepted, int successivePairs) {

    /**
     * @param ibiMs    input: inter-beat intervals, ms
     * @param accepted input: which intervals passed artefact rejection (same length)
     */
    public static Hrv compute(double[] ibiMs, boolean[] accepted) {
        if (ibiMs.length != accepted.length) {
            throw new IllegalArgumentException("one flag per interval");
        }
        int n = 0;
        double sum = 0;
        for (int i = 0; i < ibiMs.length; i++) {
            if (accepted[i]) {
                n++;
                sum += ibiMs[i];
            }
        }
        double sdnn = Double.NaN;
        if (n >= 2) {
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < ibiMs.length; i++) {
                if (accepted[i]) {
                    ss += (ibiMs[i] - mean) * (ibiMs[i] - mean);
                }
            }
            sdnn = Math.sqrt(ss / (n - 1));
        }
        int pairs = 0;
        int over50 = 0;
        double sq = 0;
        for (int i = 1; i < ibiMs.length; i++) {
            if (accepted[i] && accepted[i - 1]) {
                double d = ibiMs[i] - ibiMs[i - 1];
                sq += d * d;
                pairs++;
                if (Math.abs(d) > 50) {
                    over50++;
                }
            }
        }
        double rmssd = pairs > 0 ? Math.sqrt(sq / pairs) : Double.NaN;
        double pnn50 = pairs > 0 ? 100.0 * over50 / pairs : Double.NaN;
        return new Hrv(sdnn, rmssd, pnn50, n, pairs);
    }
}
