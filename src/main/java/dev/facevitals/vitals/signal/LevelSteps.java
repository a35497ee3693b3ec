package dev.facevitals.vitals.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Sudden level changes shared by every trace of a scan, such as a camera's auto-exposure stepping its gain,
 * found on the traces' common mode and taken out of each trace.
 *
 * <p>A gain step of a few percent settling within a few tenths of a second is ten or more times the pulse
 * (0.1-0.5 % of the skin's level); detrending and band-passing spread what is left of it over the whole pulse
 * band. The step at a sample is the difference, at that sample, of straight lines fitted to the stretches
 * before it ({@value #BEFORE_FROM_SEC} to {@value #BEFORE_TO_SEC} s) and after it ({@value #AFTER_FROM_SEC}
 * to {@value #AFTER_TO_SEC} s): over a second or more the pulse averages out of the fits, and the gap
 * between them leaves the exposure's ramp out. Detection, on the common mode: the largest step beyond
 * {@value #THRESHOLD_SDS} standard deviations of the steps where there are none (from the tenth percentile
 * of their absolute values: steps every few seconds move the statistic over half the samples) and beyond
 * {@value #MIN_STEP} of the level, at the sample where it is largest (where the
 * ramp falls between the two fits) and at least {@value #SUDDENNESS} times the scatter about those fits (the
 * level sits still on either side of a step; light that wanders changes it everywhere, and is left to the
 * detrend and the quality gate); it is taken out of the common mode and the next largest looked for, none
 * within {@value #MIN_SEPARATION_SEC} s of another (a step shows in the fits for a second and a half either
 * side and would be found again beside itself). Removal, per step and per trace: the trace's own step there
 * is subtracted from the step on, shaped through the transition like the common mode's (an exposure ramp is
 * the same in every trace), so no new edge is made. The pulse left in the fits adds an error well below its
 * own amplitude to each step size; an offset left over is the detrend's to take.
 */
public final class LevelSteps {

    static final double THRESHOLD_SDS = 5;
    static final double MIN_STEP = 0.004;
    static final double MIN_SEPARATION_SEC = 1.0;
    static final double SUDDENNESS = 6;
    static final double BEFORE_FROM_SEC = -1.5;
    static final double BEFORE_TO_SEC = -0.27;
    static final double AFTER_FROM_SEC = 0.5;
    static final double AFTER_TO_SEC = 1.5;

    private LevelSteps() {
    }

    /**
     * @param common input: the traces' common mode, relative to its level (0 = the mean), uniformly sampled
     * @param fs     input: its sampling rate, Hz
     * @return sample indices of the steps, largest first (possibly none)
     */
    public static int[] detect(double[] common, double fs) {
        int n = common.length;
        int first = (int) Math.ceil(-BEFORE_FROM_SEC * fs);
        int last = n - 1 - (int) Math.ceil(AFTER_TO_SEC * fs);
        if (last - first < 2) {
            return new int[0];
        }
        double[] abs = new double[last - first + 1];
        for (int i = first; i <= last; i++) {
            abs[i - first] = Math.abs(stepAt(common, i, fs));
        }
        // the scale of the step statistic where there is no step, from its tenth percentile (|N(0, s)| has it at
        // 0.1257 s): steps every few seconds move it over half the samples, which a median would not survive
        double[] sorted = abs.clone();
        java.util.Arrays.sort(sorted);
        double scale = sorted[sorted.length / 10] / 0.1257;
        double threshold = Math.max(THRESHOLD_SDS * scale, MIN_STEP);
        // the largest step first, taken out of a copy of the common mode before looking for the next: a step
        // shows in the fits for a second and a half either side, and would be found again beside itself
        double[] rest = common.clone();
        List<Integer> steps = new ArrayList<>();
        int limit = (int) (n / (MIN_SEPARATION_SEC * fs)) + 1;
        while (steps.size() < limit) {
            int best = -1;
            for (int i = first; i <= last; i++) {
                if (abs[i - first] > threshold && (best < 0 || abs[i - first] > abs[best - first])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            int guard = (int) Math.round(MIN_SEPARATION_SEC * fs);
            // sudden: the level sits still on either side of it (wandering light changes the level everywhere)
            if (abs[best - first] > SUDDENNESS * aroundRms(rest, best, fs)) {
                steps.add(best);
                remove(new double[][] {rest}, rest, new int[] {best}, fs);
                for (int i = first; i <= last; i++) {
                    abs[i - first] = Math.abs(stepAt(rest, i, fs));
                }
            }
            for (int i = Math.max(first, best - guard); i <= Math.min(last, best + guard); i++) {
                abs[i - first] = 0;
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** RMS of {@code x} about the two lines fitted before and after {@code i}. */
    private static double aroundRms(double[] x, int i, double fs) {
        Fits f = Fits.at(i, x.length, fs);
        double[] before = line(x, f.a0, f.a1);
        double[] after = line(x, f.b0, f.b1);
        double sum = 0;
        for (int j = f.a0; j <= f.a1; j++) {
            sum += Math.pow(x[j] - at(before, j), 2);
        }
        for (int j = f.b0; j <= f.b1; j++) {
            sum += Math.pow(x[j] - at(after, j), 2);
        }
        return Math.sqrt(sum / (f.a1 - f.a0 + 1 + f.b1 - f.b0 + 1));
    }

    /** The step of {@code x} at {@code i}: the line after it minus the line before it, both at {@code i}. */
    private static double stepAt(double[] x, int i, double fs) {
        Fits f = Fits.at(i, x.length, fs);
        return at(line(x, f.b0, f.b1), i) - at(line(x, f.a0, f.a1), i);
    }

    /**
     * The stretches the lines are fitted to around sample {@code i}, inclusive, clipped to the trace: before
     * it {@code [a0, a1]}, after it {@code [b0, b1]}; the ramp of a step lies between {@code a1} and {@code b0}.
     */
    private record Fits(int a0, int a1, int b0, int b1) {
        static Fits at(int i, int n, double fs) {
            return new Fits(Math.max(0, i + (int) Math.round(BEFORE_FROM_SEC * fs)),
                    i + (int) Math.round(BEFORE_TO_SEC * fs), i + (int) Math.round(AFTER_FROM_SEC * fs),
                    Math.min(n - 1, i + (int) Math.round(AFTER_TO_SEC * fs)));
        }
    }

    /**
     * Takes the steps out of each trace, in place.
     *
     * @param traces input and output: the traces, same length as {@code common}, finite
     * @param common input: their common mode (relative), as given to {@link #detect}
     * @param steps  input: step indices from {@link #detect}, taken out in that order
     * @param fs     input: sampling rate, Hz
     */
    public static void remove(double[][] traces, double[] common, int[] steps, double fs) {
        int n = common.length;
        double[] mode = common.clone();
        for (int i0 : steps) {
            Fits f = Fits.at(i0, n, fs);
            int a1 = f.a1;
            int b0 = f.b0;
            double[] before = line(mode, f.a0, a1);
            double commonStep = at(line(mode, b0, f.b1), i0) - at(before, i0);
            double[] shape = new double[b0 - a1];
            for (int i = a1; i < b0; i++) {
                double s = commonStep != 0 ? (mode[i] - at(before, i)) / commonStep : 0;
                shape[i - a1] = Math.max(0, Math.min(1, s));
            }
            for (int i = a1; i < n; i++) {
                mode[i] -= commonStep * (i < b0 ? shape[i - a1] : 1);
            }
            for (double[] x : traces) {
                double step = stepAt(x, i0, fs);
                for (int i = a1; i < n; i++) {
                    x[i] -= step * (i < b0 ? shape[i - a1] : 1);
                }
            }
        }
    }

    /** Least-squares line through {@code x[a..b]} (inclusive): intercept at index 0 and slope per sample. */
    private static double[] line(double[] x, int a, int b) {
        return Stats.line(x, a, b + 1);
    }

    private static double at(double[] line, int i) {
        return line[0] + line[1] * i;
    }
}
