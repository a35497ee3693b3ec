package dev.facevitals.vision;

import java.util.Arrays;

/** Verification statistics of genuine (same) and impostor (different) scores; higher means more alike. */
public final class Roc {

    private Roc() {
    }

    /** Area under the ROC curve: P(same > different), ties counted half (Mann-Whitney U / (n m)). */
    public static double auc(double[] same, double[] different) {
        if (same.length == 0 || different.length == 0) {
            throw new IllegalArgumentException("need scores of both kinds");
        }
        double[] d = different.clone();
        Arrays.sort(d);
        double u = 0;
        for (double s : same) {
            int below = lowerBound(d, s);
            int notAbove = upperBound(d, s);
            u += below + 0.5 * (notAbove - below);
        }
        return u / ((double) same.length * different.length);
    }

    /** Share of all pairs decided right by {@code score >= threshold} meaning "same". */
    public static double accuracy(double[] same, double[] different, double threshold) {
        long right = 0;
        for (double s : same) {
            right += s >= threshold ? 1 : 0;
        }
        for (double s : different) {
            right += s < threshold ? 1 : 0;
        }
        return (double) right / (same.length + different.length);
    }

    /** Share of {@code scores} at or above the threshold. */
    public static double rateAtOrAbove(double[] scores, double threshold) {
        long n = 0;
        for (double s : scores) {
            n += s >= threshold ? 1 : 0;
        }
        return scores.length == 0 ? Double.NaN : (double) n / scores.length;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }
}
