package dev.facevitals.bench.reference;

import static dev.facevitals.vitals.signal.Stats.median;

import dev.facevitals.vitals.hrv.Hrv;
import dev.facevitals.vitals.signal.Peaks;
import dev.facevitals.vitals.signal.Resampler;
import java.util.Arrays;

/**
 * Beats, and the heart rate and HRV they give, from a contact pulse wave: the finger PPG of a pulse oximeter
 * recorded beside a video, which is what a real video's rPPG is measured against. Independent of the vitals
 * engine's own beat detection, so the two do not share a mistake; the textbook parts (SDNN, RMSSD and pNN50 of
 * the accepted intervals, medians, linear resampling) are the engine's own {@code Hrv}, {@code Stats} and
 * {@code Resampler}.
 *
 * <p>A contact PPG is clean; the work is in the timing. The public datasets sample it at 30-60 Hz, and a beat
 * taken at a sample moves by up to half a sample (8-17 ms), which alone adds more to RMSSD than the 10 ms the
 * engine is held to; and a crest is flat, so noise moves it along its top (in this class's unit test, noise of
 * 1 % of the pulse moved 55 bpm crests by 9 ms RMS). So a beat is timed where its upstroke, the wave's steepest
 * part, crosses half-way from its foot to its crest, read off a natural cubic spline through the samples around
 * it: 0.6-1.7 ms RMS from the noiseless wave's own half-way points in the same test, at 30 Hz as at 256 Hz.
 * Pulse rate variability from the upstroke is the usual practice for a PPG; it is not the crests' (on the
 * generator's pulse, whose upstroke lengthens with the interval, RMSSD reads 4-7 % higher than its crests').
 *
 * <p>Steps: samples whose time does not advance are dropped; artefacts are marked (far from the median, or
 * frozen: {@link #artefacts}); the wave is turned up the right way (its upstroke is the steep side:
 * {@link #riseSkew}); the period is the autocorrelation's first strong peak between 0.25 and 2 s (240-30 bpm);
 * a beat is a sample that is the highest within 0.4 periods either side, above the wave's moving mean and not
 * an artefact, timed by {@link #upstroke}. An interval is accepted within 20 % of the median of the eleven
 * around it (itself and five either side), inside the period range and clear of artefacts; SDNN is over the
 * accepted intervals, RMSSD and pNN50 over successive differences of two accepted intervals in a row.
 */
public final class ContactPulse {

    static final double MIN_PERIOD_SEC = 0.25;
    static final double MAX_PERIOD_SEC = 2.0;
    /** An interval further than this fraction from its neighbours' median is an artefact. */
    static final double INTERVAL_TOLERANCE = 0.2;
    private static final int NEIGHBOURS = 5;
    /** Half-width, in periods, inside which a beat is the highest sample. */
    private static final double PEAK_REACH = 0.4;
    /** A sample this many robust standard deviations from the wave's median is an artefact. */
    static final double ARTEFACT_SIGMAS = 6;
    /** How far before its crest a beat's foot is looked for, in periods. */
    private static final double FOOT_REACH = 0.6;
    /** Samples either side of the highest one that the spline goes through. */
    private static final int SPLINE_HALF = 3;

    private ContactPulse() {
    }

    /**
     * The beats of one recording.
     *
     * @param timesSec    each beat's time (half-way up its upstroke, {@link #upstroke}), seconds, on the input's
     *                    clock
     * @param intervalsMs the {@code timesSec.length - 1} intervals between them
     * @param accepted    per interval, whether it counts (not an artefact)
     * @param inverted    whether the input was upside down (turned before the beats were taken)
     * @param periodSec   the typical beat period the detection used
     * @param rateHz      the input's median sampling rate
     */
    public record Beats(double[] timesSec, double[] intervalsMs, boolean[] accepted, boolean inverted,
                        double periodSec, double rateHz) {

        /**
         * Heart rate (60 over the mean accepted interval) and HRV of the accepted intervals, by the same
         * definitions the engine reports ({@link Hrv#compute}); NaN where there are too few.
         */
        public Stats stats() {
            Hrv h = Hrv.compute(intervalsMs, accepted);
            double sum = 0;
            for (int i = 0; i < intervalsMs.length; i++) {
                sum += accepted[i] ? intervalsMs[i] : 0;
            }
            return new Stats(timesSec.length, intervalsMs.length, h.accepted(), 60000 / (sum / h.accepted()),
                    h.sdnnMs(), h.rmssdMs(), h.pnn50Pct());
        }
    }

    /**
     * @param beats        beats found
     * @param intervals    intervals between them
     * @param accepted     intervals that count
     * @param heartRateBpm 60 over the mean accepted interval
     * @param sdnnMs       sample standard deviation of the accepted intervals
     * @param rmssdMs      root mean square of successive differences (both intervals accepted)
     * @param pnn50Pct     percentage of those differences larger than 50 ms
     */
    public record Stats(int beats, int intervals, int accepted, double heartRateBpm, double sdnnMs, double rmssdMs,
                        double pnn50Pct) {

        public double acceptedShare() {
            return intervals == 0 ? 0 : (double) accepted / intervals;
        }
    }

    /**
     * @param t input: sample times, seconds (increasing; samples whose time does not advance are dropped)
     * @param y input: the pulse wave at those times, any unit and either way up
     * @throws IllegalArgumentException when fewer than two periods of usable samples remain
     */
    public static Beats beats(double[] t, double[] y) {
        if (t.length != y.length) {
            throw new IllegalArgumentException(t.length + " times for " + y.length + " samples");
        }
        double[][] clean = advancing(t, y);
        double[] ts = clean[0];
        double[] ys = clean[1];
        if (ts.length < 8) {
            throw new IllegalArgumentException("only " + ts.length + " usable samples");
        }
        double[] dts = new double[ts.length - 1];
        for (int i = 0; i < dts.length; i++) {
            dts[i] = ts[i + 1] - ts[i];
        }
        double rate = 1 / median(dts);
        int fs = (int) Math.max(8, Math.round(rate));
        double[] grid = resample(ts, ys, fs);
        if (grid.length < 2 * MAX_PERIOD_SEC * fs) {
            throw new IllegalArgumentException(String.format("%.1f s of samples: at least %.0f s needed",
                    ts[ts.length - 1] - ts[0], 2 * MAX_PERIOD_SEC));
        }
        double[] wave = minus(grid, movingMean(grid, (int) Math.round(1.5 * fs) | 1));
        boolean[] bad = artefacts(wave, grid, fs);
        boolean inverted = riseSkew(wave, bad) < 0;
        if (inverted) {
            negate(wave);
            ys = ys.clone();
            negate(ys);
        }
        double period = period(wave, fs);
        int reach = Math.max(1, (int) Math.round(PEAK_REACH * period * fs));
        double[] times = new double[16];
        int[] at = new int[16];
        int n = 0;
        // a beat needs its whole neighbourhood: none where the recording begins or ends
        for (int i = reach; i < wave.length - reach; i++) {
            if (wave[i] <= 0 || bad[i] || !highestWithin(wave, i, reach)) {
                continue;
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, 2 * n);
                at = Arrays.copyOf(at, 2 * n);
            }
            times[n] = upstroke(ts, ys, ts[0] + (double) i / fs, period);
            at[n++] = i;
        }
        times = Arrays.copyOf(times, n);
        double[] ibi = new double[Math.max(0, n - 1)];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = (times[i + 1] - times[i]) * 1000;
        }
        boolean[] ok = accept(ibi);
        for (int i = 0; i < ibi.length; i++) {
            for (int j = at[i]; j <= at[i + 1] && ok[i]; j++) {
                ok[i] = !bad[j];
            }
        }
        return new Beats(times, ibi, ok, inverted, period, rate);
    }

    /**
     * Samples no pulse can explain: the wave (its moving mean taken off) further from its median than
     * {@link #ARTEFACT_SIGMAS} robust standard deviations (a finger pressed or slipping), or the recording holding
     * one value for half a second or more (a clipped or frozen reading; a pulse's slowest stretch, late in a slow
     * beat's decay, still moves within that time); and, so that no beat is read off their edge, a quarter of a
     * second either side.
     *
     * @param wave input: the recording less its moving mean, on the uniform grid
     * @param raw  input: the recording on the same grid
     */
    static boolean[] artefacts(double[] wave, double[] raw, int fs) {
        double med = median(wave);
        double[] dev = new double[wave.length];
        for (int i = 0; i < wave.length; i++) {
            dev[i] = Math.abs(wave[i] - med);
        }
        double sigma = 1.4826 * median(dev);
        boolean[] core = new boolean[wave.length];
        int flat = Math.max(2, (int) Math.round(0.5 * fs));
        int run = 1;
        for (int i = 0; i < wave.length; i++) {
            core[i] = sigma > 0 && dev[i] > ARTEFACT_SIGMAS * sigma;
            run = i > 0 && raw[i] == raw[i - 1] ? run + 1 : 1;
            if (run >= flat) {
                Arrays.fill(core, i - run + 1, i + 1, true);
            }
        }
        boolean[] bad = new boolean[wave.length];
        int margin = (int) Math.round(0.25 * fs);
        for (int i = 0; i < wave.length; i++) {
            if (core[i]) {
                Arrays.fill(bad, Math.max(0, i - margin), Math.min(wave.length, i + margin + 1), true);
            }
        }
        return bad;
    }

    /** Intervals within {@link #INTERVAL_TOLERANCE} of the median of the eleven around them. */
    static boolean[] accept(double[] ibi) {
        boolean[] ok = new boolean[ibi.length];
        for (int i = 0; i < ibi.length; i++) {
            int from = Math.max(0, i - NEIGHBOURS);
            int to = Math.min(ibi.length, i + NEIGHBOURS + 1);
            double local = median(Arrays.copyOfRange(ibi, from, to));
            ok[i] = Math.abs(ibi[i] - local) <= INTERVAL_TOLERANCE * local
                    && ibi[i] >= 1000 * MIN_PERIOD_SEC && ibi[i] <= 1000 * MAX_PERIOD_SEC;
        }
        return ok;
    }

    /** The samples whose time is finite and later than every earlier one's, and whose value is finite. */
    private static double[][] advancing(double[] t, double[] y) {
        double[] ts = new double[t.length];
        double[] ys = new double[t.length];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(t[i]) && Double.isFinite(y[i]) && (n == 0 || t[i] > ts[n - 1])) {
                ts[n] = t[i];
                ys[n] = y[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(ts, n), Arrays.copyOf(ys, n)};
    }

    /** Linear interpolation onto {@code fs} samples a second from the first sample's time, gaps bridged. */
    static double[] resample(double[] t, double[] y, int fs) {
        int m = (int) Math.floor((t[t.length - 1] - t[0]) * fs) + 1;
        return Resampler.linear(t, y, t[0], fs, m, Double.POSITIVE_INFINITY);
    }

    /** Centred moving mean over {@code width} samples (odd), shrinking at the ends. */
    static double[] movingMean(double[] x, int width) {
        int half = width / 2;
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(x.length, i + half + 1);
            out[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return out;
    }

    /** The lag of the autocorrelation's first peak within 80 % of its highest one in the period range, s. */
    static double period(double[] wave, int fs) {
        int lo = (int) Math.ceil(MIN_PERIOD_SEC * fs);
        int hi = Math.min(wave.length - 1, (int) Math.floor(MAX_PERIOD_SEC * fs));
        double[] r = new double[hi + 2];
        for (int lag = Math.max(1, lo - 1); lag <= hi + 1 && lag < wave.length; lag++) {
            double s = 0;
            for (int i = 0; i + lag < wave.length; i++) {
                s += wave[i] * wave[i + lag];
            }
            r[lag] = s / (wave.length - lag);
        }
        double best = 0;
        for (int lag = lo; lag <= hi; lag++) {
            best = Math.max(best, r[lag]);
        }
        for (int lag = lo; lag <= hi; lag++) {
            if (r[lag] >= 0.8 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                return (lag + Peaks.parabolicOffset(r[lag - 1], r[lag], r[lag + 1])) / fs;
            }
        }
        return 1.0; // no rhythm: a beat a second keeps the search sane, and the intervals will say the rest
    }

    private static boolean highestWithin(double[] x, int i, int reach) {
        int a = Math.max(0, i - reach);
        int b = Math.min(x.length - 1, i + reach);
        for (int j = a; j <= b; j++) {
            if (x[j] > x[i] || (x[j] == x[i] && j < i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The time of the maximum of a natural cubic spline through the original samples around {@code near}: the
     * highest sample within two samples of it, and {@link #SPLINE_HALF} samples either side of that one.
     */
    static double refine(double[] t, double[] y, double near) {
        return crest(t, y, near)[0];
    }

    /** {time, value} of the crest near {@code near} (see {@link #refine}). */
    static double[] crest(double[] t, double[] y, double near) {
        int k = Arrays.binarySearch(t, near);
        k = k >= 0 ? k : Math.min(t.length - 1, -k - 1);
        int best = k;
        for (int j = Math.max(0, k - 2); j <= Math.min(t.length - 1, k + 2); j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return extreme(t, y, best, 1);
    }

    /**
     * {time, value} of the spline's highest ({@code sign} 1) or lowest (-1) point within a sample of sample
     * {@code k}, the spline through {@link #SPLINE_HALF} samples either side.
     */
    private static double[] extreme(double[] t, double[] y, int k, int sign) {
        int a = Math.max(0, k - SPLINE_HALF);
        int b = Math.min(t.length - 1, k + SPLINE_HALF);
        if (b - a < 2 || k == a || k == b) {
            return new double[] {t[k], y[k]};
        }
        double[] x = Arrays.copyOfRange(t, a, b + 1);
        double[] v = Arrays.copyOfRange(y, a, b + 1);
        double[] m = secondDerivatives(x, v);
        int c = k - a;
        double from = x[c - 1];
        double to = x[c + 1];
        int steps = 400;
        double[] best = {x[c], v[c]};
        for (int s = 0; s <= steps; s++) {
            double at = from + (to - from) * s / steps;
            double value = spline(x, v, m, at);
            if (sign * (value - best[1]) > 0) {
                best = new double[] {at, value};
            }
        }
        return best;
    }

    /**
     * The beat's time: where its upstroke crosses half-way from the foot (the lowest point in the
     * {@link #FOOT_REACH} periods before the crest) to the crest, on the spline. The upstroke is the wave's
     * steepest part, so noise moves this point least; a crest is flat, and the same noise moves it along the
     * flat top.
     */
    static double upstroke(double[] t, double[] y, double near, double period) {
        double[] top = crest(t, y, near);
        int k = Arrays.binarySearch(t, top[0]);
        k = k >= 0 ? k : Math.max(0, -k - 2); // the sample at or before the crest
        int from = Arrays.binarySearch(t, top[0] - FOOT_REACH * period);
        from = Math.max(0, from >= 0 ? from : -from - 1);
        if (k - from < 2) {
            return top[0];
        }
        int f = from;
        for (int j = from; j <= k; j++) {
            if (y[j] < y[f]) {
                f = j;
            }
        }
        double[] foot = extreme(t, y, f, -1);
        double level = foot[1] + 0.5 * (top[1] - foot[1]);
        for (int j = k; j >= f && j + 1 < t.length; j--) {
            if (y[j] < level && y[j + 1] >= level) {
                return crossing(t, y, j, level);
            }
        }
        return top[0];
    }

    /** Where the spline through the samples around {@code j} crosses {@code level} between samples j and j + 1. */
    private static double crossing(double[] t, double[] y, int j, double level) {
        int a = Math.max(0, j - SPLINE_HALF);
        int b = Math.min(t.length - 1, j + 1 + SPLINE_HALF);
        double[] x = Arrays.copyOfRange(t, a, b + 1);
        double[] v = Arrays.copyOfRange(y, a, b + 1);
        double[] m = secondDerivatives(x, v);
        double lo = t[j];
        double hi = t[j + 1];
        if (b - a < 2 || spline(x, v, m, lo) >= level || spline(x, v, m, hi) < level) {
            return lo + (level - y[j]) / (y[j + 1] - y[j]) * (hi - lo); // the spline overshoots: a straight line
        }
        for (int i = 0; i < 40; i++) {
            double mid = 0.5 * (lo + hi);
            if (spline(x, v, m, mid) < level) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Second derivatives of the natural cubic spline through (x, v) at its knots (tridiagonal solve). */
    static double[] secondDerivatives(double[] x, double[] v) {
        int n = x.length;
        double[] m = new double[n];
        double[] diag = new double[n];
        double[] rhs = new double[n];
        double[] upper = new double[n];
        diag[0] = 1;
        diag[n - 1] = 1;
        for (int i = 1; i < n - 1; i++) {
            double h0 = x[i] - x[i - 1];
            double h1 = x[i + 1] - x[i];
            double lower = h0 / 6;
            diag[i] = (h0 + h1) / 3;
            upper[i] = h1 / 6;
            rhs[i] = (v[i + 1] - v[i]) / h1 - (v[i] - v[i - 1]) / h0;
            // eliminate the lower diagonal against the row above
            double w = lower / diag[i - 1];
            diag[i] -= w * upper[i - 1];
            rhs[i] -= w * rhs[i - 1];
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = (rhs[i] - upper[i] * m[i + 1]) / diag[i];
        }
        return m;
    }

    static double spline(double[] x, double[] v, double[] m, double at) {
        int j = 0;
        while (j < x.length - 2 && at > x[j + 1]) {
            j++;
        }
        double h = x[j + 1] - x[j];
        double a = (x[j + 1] - at) / h;
        double b = (at - x[j]) / h;
        return a * v[j] + b * v[j + 1] + ((a * a * a - a) * m[j] + (b * b * b - b) * m[j + 1]) * h * h / 6;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /**
     * How much steeper the wave rises than it falls, from the quantiles of its sample-to-sample steps where no
     * artefact is: {@code (q95 + q5 - 2 q50) / (q95 - q5)}, positive for a pulse the right way up (the systolic
     * upstroke is its steepest part). Quantiles, not moments: one slipping finger would outweigh every beat.
     */
    static double riseSkew(double[] wave, boolean[] bad) {
        double[] d = new double[wave.length - 1];
        int n = 0;
        for (int i = 0; i + 1 < wave.length; i++) {
            if (!bad[i] && !bad[i + 1]) {
                d[n++] = wave[i + 1] - wave[i];
            }
        }
        if (n < 3) {
            return 0;
        }
        d = Arrays.copyOf(d, n);
        Arrays.sort(d);
        double lo = d[(int) (0.05 * (n - 1))];
        double mid = d[(n - 1) / 2];
        double hi = d[(int) Math.ceil(0.95 * (n - 1))];
        return hi == lo ? 0 : (hi + lo - 2 * mid) / (hi - lo);
    }

    private static void negate(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = -x[i];
        }
    }
}
