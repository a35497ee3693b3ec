package dev.facevitals.vitals.signal;

/**
 * Missing samples (NaN: no face, region hidden): short gaps are bridged by a straight line, which costs at
 * most a beat; anything longer splits the recording, and the analysis keeps the longest clean stretch.
 */
public final class Gaps {

    private Gaps() {
    }

    /**
     * Fills each interior run of at most {@code maxRun} NaN samples by linear interpolation between its
     * finite neighbours. Runs touching either end are left as they are (nothing to interpolate towards).
     *
     * @param x      input and output: signal, modified in place
     * @param maxRun input: longest run to fill, samples
     * @return how many samples were filled
     */
    public static int fillShortGaps(double[] x, int maxRun) {
        int n = x.length;
        int filled = 0;
        int i = 0;
        while (i < n) {
            if (!Double.isNaN(x[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Double.isNaN(x[i])) {
                i++;
            }
            int run = i - start;
            if (start > 0 && i < n && run <= maxRun) {
                double a = x[start - 1];
                double b = x[i];
                for (int k = start; k < i; k++) {
                    x[k] = a + (b - a) * (k - start + 1) / (run + 1);
                }
                filled += run;
            }
        }
        return filled;
    }

    /**
     * The longest run of {@code true}: {@code {start, endExclusive}}; {@code {0, 0}} when there is none. The
     * earliest wins a tie.
     *
     * @param valid input: per-sample flags
     */
    public static int[] longestRun(boolean[] valid) {
        int bestStart = 0;
        int bestLen = 0;
        int i = 0;
        while (i < valid.length) {
            if (!valid[i]) {
                i++;
                continue;
            }
            int s = i;
            while (i < valid.length && valid[i]) {
                i++;
            }
            if (i - s > bestLen) {
                bestLen = i - s;
                bestStart = s;
            }
        }
        return new int[] {bestStart, bestStart + bestLen};
    }
}
