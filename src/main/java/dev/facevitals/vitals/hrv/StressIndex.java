package dev.facevitals.vitals.hrv;

/**
 * Baevsky's stress index (regulatory systems tension index), in its original form
 * {@code SI = AMo / (2 * Mo * MxDMn)} with:
 * <ul>
 *   <li>a histogram of the normal-to-normal intervals in 50 ms bins aligned to multiples of 50 ms
 *       ([800, 850) ms and so on);</li>
 *   <li>Mo, the mode: centre of the fullest bin, in seconds (a tie goes to the shorter-interval bin);</li>
 *   <li>AMo, the mode's amplitude: share of intervals in that bin, in percent;</li>
 *   <li>MxDMn, the variation range: longest minus shortest interval, in seconds.</li>
 * </ul>
 * So SI is in 1/s^2 as conventionally quoted, roughly 50-150 at rest and several hundred under stress. This
 * is not the square root that Kubios reports as its "stress index" (take {@code Math.sqrt} for that). The
 * index was defined on minutes of ECG; from a face video over tens of seconds it is indicative only, and the
 * range makes it sensitive to any artefact left, so give it accepted intervals only.
 */
public final class StressIndex {

    /** Histogram bin width, ms. */
    public static final double BIN_MS = 50;

    private StressIndex() {
    }

    /**
     * @param nnMs input: accepted inter-beat intervals, ms
     * @return the index, or NaN with fewer than 2 intervals or when all intervals are equal (zero range)
     */
    public static double baevsky(double[] nnMs) {
        int n = nnMs.length;
        if (n < 2) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : nnMs) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = (max - min) / 1000;
        if (!(range > 0)) {
            return Double.NaN;
        }
        long first = (long) Math.floor(min / BIN_MS);
        int bins = (int) ((long) Math.floor(max / BIN_MS) - first + 1);
        int[] count = new int[bins];
        for (double v : nnMs) {
            count[(int) ((long) Math.floor(v / BIN_MS) - first)]++;
        }
        int mode = 0;
        for (int b = 1; b < bins; b++) {
            if (count[b] > count[mode]) {
                mode = b;
            }
        }
        double mo = ((first + mode) * BIN_MS + BIN_MS / 2) / 1000;
        double amo = 100.0 * count[mode] / n;
        return amo / (2 * mo * range);
    }
}
