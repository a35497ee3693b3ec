package dev.facevitals.vitals.hrv;

import dev.facevitals.vitals.signal.Fft;
import dev.facevitals.vitals.signal.Resampler;
import dev.facevitals.vitals.signal.Stats;
import java.util.Random;

/**
 * How much noise in the pulse wave inflates SDNN and RMSSD, measured on the scan itself (a parametric
 * bootstrap), so that both can be corrected for it.
 *
 * <p>Noise moves every detected beat by a small random time. Timing errors that are independent from beat
 * to beat, of variance {@code s^2}, add {@code 2 s^2} to SDNN squared and {@code 6 s^2} to RMSSD squared,
 * whatever the true variability; errors that drift together over several beats add less. On the generated
 * 60 s clips noise moves the beats of a face video by about 16-28 ms RMS, so a heart with an RMSSD of 45 ms
 * reads about 60 ms. Variances add, so the noise's share can be measured and taken off.
 *
 * <ol>
 *   <li>A template beat (the mean of the beats, +-{@link #HALF_TEMPLATE_PERIODS} of a period around each
 *       detected peak) is fitted to every beat over its own stretch (half-way to each neighbour) by least
 *       squares with a scale, an offset and a time shift. Laid end to end, the fits form a clean copy of the
 *       wave.</li>
 *   <li>The noise's spectrum is the residual's (wave minus clean copy), with each harmonic of the heart rate
 *       replaced by a straight line between the power just beside it, and scaled up by the share the fits
 *       absorb (measured by fitting the clean copy plus noise of that spectrum the same way).</li>
 *   <li>Noise with that spectrum and random phases is laid {@code runs} times over a steady copy (the fitted
 *       beats at a constant rate), which each time goes through the same beat detection and interval filter
 *       as the scan. The mean increase of SDNN^2 and RMSSD^2 over the steady copy's own is the noise's share;
 *       the timing noise itself is the RMS shift of the detected beats against the steady copy's.</li>
 * </ol>
 * The phases come from fixed seeds, so a scan's estimate is reproducible.
 *
 * <p>Why the calibration: each fit absorbs exactly the part of the noise that moved its beat, and on the
 * generated clips the bare residual gave about half the excess the truth showed. Why the steady copy: the
 * fitted beats carry the scan's own timing noise, and noise over noise runs into the interval filter sooner
 * than noise over the heart's real variability, so the rise came out too small. On clips with little
 * variability the estimate still falls short (docs/vitals.md).
 *
 * @param sdnnExcessMs2  mean increase of SDNN^2 the noise causes, ms^2 (may be slightly negative by chance)
 * @param rmssdExcessMs2 the same for RMSSD^2, ms^2
 * @param timingNoiseMs  RMS shift of the beats caused by the noise, ms
 * @param runs           surrogates measured (0 when no estimate could be made; then the excesses are 0 and
 *                       the timing noise NaN)
 */
public record TimingNoise(double sdnnExcessMs2, double rmssdExcessMs2, double timingNoiseMs, int runs) {

    /** Half width of the template, in periods: wide enough to cover a beat's stretch after a shift. */
    public static final double HALF_TEMPLATE_PERIODS = 0.75;

    /** No estimate: corrections leave values unchanged. */
    public static final TimingNoise NONE = new TimingNoise(0, 0, Double.NaN, 0);

    private static final int SHIFT_ITERATIONS = 3;

    /** Seed of the first surrogate's phases (the r-th uses SEED + r): the estimate is reproducible. */
    private static final long SEED = 0x5EED;

    /** Least half width of a harmonic's zone, Hz: breathing moves the rate by about this much. */
    static final double ZONE_MIN_HZ = 0.2;

    /** Half width of the m-th harmonic's zone as a share of its frequency (the rate's own spread). */
    static final double ZONE_PER_HARMONIC = 0.1;

    /** Surrogates fitted to measure how much of the noise the beat fits absorb. */
    static final int CALIBRATION_RUNS = 4;

    /** Seed of the calibration surrogates, apart from the measuring ones. */
    private static final long CALIBRATION_SEED = 0xCA1B;

    /** Width of the moving average over the noise spectra compared in the calibration, Hz. */
    static final double SMOOTH_HZ = 0.3;

    /** Least share of the noise the fits are taken to leave (caps the scaling up at 1 / sqrt of it). */
    static final double MIN_KEPT = 0.1;

    /** Width of the stretch beside a zone whose mean power fills it, Hz. */
    static final double ZONE_EDGE_HZ = 0.1;

    /** SDNN with the noise's share removed, ms (0 when the noise explains it all). */
    public double correctSdnn(double sdnnMs) {
        return corrected(sdnnMs, sdnnExcessMs2);
    }

    /** RMSSD with the noise's share removed, ms (0 when the noise explains it all). */
    public double correctRmssd(double rmssdMs) {
        return corrected(rmssdMs, rmssdExcessMs2);
    }

    /**
     * The measures with the noise's share taken off: SDNN and RMSSD as {@link #correctSdnn} and
     * {@link #correctRmssd}; pNN50 counted on the successive differences shrunk by the ratio of corrected to
     * measured RMSSD (what noise adds to each difference is, on average, taken back).
     *
     * @param measured input: the measures of the scan's intervals
     * @param ibiMs    input: those intervals, ms
     * @param accepted input: which of them passed the interval filter
     */
    public Hrv correct(Hrv measured, double[] ibiMs, boolean[] accepted) {
        double rmssd = correctRmssd(measured.rmssdMs());
        double k = measured.rmssdMs() > 0 ? rmssd / measured.rmssdMs() : 1;
        int over50 = 0;
        int pairs = 0;
        for (int i = 1; i < ibiMs.length; i++) {
            if (accepted[i] && accepted[i - 1]) {
                pairs++;
                if (Math.abs(k * (ibiMs[i] - ibiMs[i - 1])) > 50) {
                    over50++;
                }
            }
        }
        double pnn50 = pairs > 0 ? 100.0 * over50 / pairs : Double.NaN;
        return new Hrv(correctSdnn(measured.sdnnMs()), rmssd, pnn50, measured.accepted(), measured.successivePairs());
    }

    /**
     * Intervals pulled towards their mean by the ratio of corrected to measured SDNN (for measures, such as
     * the stress index, that need the intervals themselves).
     *
     * @param nnMs       input: accepted intervals, ms
     * @param sdnnMs     input: their measured SDNN, ms
     * @return a new array
     */
    public double[] shrinkIntervals(double[] nnMs, double sdnnMs) {
        double k = sdnnMs > 0 ? correctSdnn(sdnnMs) / sdnnMs : 1;
        double mean = nnMs.length == 0 ? 0 : Stats.mean(nnMs);
        double[] out = new double[nnMs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mean + k * (nnMs[i] - mean);
        }
        return out;
    }

    /** Share of the measured RMSSD^2 that is noise, 0-1 (NaN without an estimate or a value). */
    public double rmssdNoiseShare(double rmssdMs) {
        return runs == 0 || !(rmssdMs > 0) ? Double.NaN : Math.max(0, rmssdExcessMs2) / (rmssdMs * rmssdMs);
    }

    private static double corrected(double measured, double excess) {
        if (!Double.isFinite(measured)) {
            return measured;
        }
        return Math.sqrt(Math.max(0, measured * measured - Math.max(0, excess)));
    }

    /**
     * @param wave         input: the wave the beats were detected on, uniformly sampled
     * @param fs           input: its sampling rate, Hz
     * @param beats        input: the beats detected on it
     * @param heartRateHz  input: the heart rate, Hz, positive
     * @param minDistance  input: the detector's smallest beat spacing, fraction of a period
     * @param maxDeviation input: the interval filter's threshold
     * @param halfWindow   input: the interval filter's half window
     * @param runs         input: surrogates to measure, at least 1
     * @return the estimate, or {@link #NONE} with fewer than 4 beats inside the wave
     */
    public static TimingNoise estimate(double[] wave, double fs, Beats beats, double heartRateHz, double minDistance,
                                       double maxDeviation, int halfWindow, int runs) {
        if (!(heartRateHz > 0) || runs < 1) {
            throw new IllegalArgumentException("heart rate must be positive and runs >= 1");
        }
        double period = fs / heartRateHz;
        int half = (int) Math.ceil(HALF_TEMPLATE_PERIODS * period) + 1;
        double[] centres = new double[beats.count()];
        int k = 0;
        for (double t : beats.peakTimes()) {
            double c = t * fs;
            if (c >= 0 && c <= wave.length - 1) {
                centres[k++] = c;
            }
        }
        if (k < 4) {
            return NONE;
        }
        // the stretch analysed: half a period beyond the first and last beat, inside the wave
        int from = Math.max(0, (int) Math.floor(centres[0] - 0.5 * period));
        int to = Math.min(wave.length, (int) Math.ceil(centres[k - 1] + 0.5 * period) + 1);
        int n = to - from;
        double[] x = new double[n];
        System.arraycopy(wave, from, x, 0, n);
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            c[j] = centres[j] - from;
        }
        double[] template = template(x, c, half);
        if (template == null) {
            return NONE;
        }
        double[][] fits = fitAll(x, c, template, half);
        double[] fitted = fittedTimes(c, fits);
        double[] clean = render(n, fitted, fits, template, half);
        double[] floor = noiseFloor(residual(x, clean), fs, heartRateHz);
        // the fits absorb part of the noise (three parameters per beat), so the residual shows less than was
        // there: measure how much by fitting clean copy plus known noise the same way, and scale back up
        double[] leftPower = new double[floor.length];
        for (int r = 0; r < CALIBRATION_RUNS; r++) {
            double[] noise = surrogate(floor, n, new Random(CALIBRATION_SEED + r));
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = clean[i] + noise[i];
            }
            double[][] refits = fitAll(y, fitted, template, half);
            double[] left = power(residual(y, render(n, fittedTimes(fitted, refits), refits, template, half)));
            for (int b = 0; b < floor.length; b++) {
                leftPower[b] += left[b] / CALIBRATION_RUNS;
            }
        }
        double[] kept = smooth(leftPower, Math.max(1, (int) Math.round(SMOOTH_HZ * n / fs)));
        double[] sent = smooth(square(floor), Math.max(1, (int) Math.round(SMOOTH_HZ * n / fs)));
        for (int b = 1; b < floor.length; b++) {
            double ratio = sent[b] > 0 ? kept[b] / sent[b] : 1;
            floor[b] /= Math.sqrt(Math.max(MIN_KEPT, Math.min(1, ratio)));
        }
        // the surrogates start from a steady rhythm: the fitted beats carry the scan's own timing noise, and
        // noise laid over noise meets the interval filter sooner than noise over the heart's real variability
        double[] steady = render(n, line(fitted), fits, template, half);
        return surrogates(steady, floor, fs, heartRateHz, minDistance, maxDeviation, halfWindow, runs);
    }

    /** Least-squares straight line through the values against their index (a constant rate). */
    static double[] line(double[] t) {
        double[] fit = Stats.line(t, 0, t.length);
        double[] out = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            out[j] = fit[0] + fit[1] * j;
        }
        return out;
    }

    private static TimingNoise surrogates(double[] clean, double[] noiseFloor, double fs, double heartRateHz,
                                          double minDistance, double maxDeviation, int halfWindow, int runs) {
        int n = clean.length;
        Measured base = measure(clean, fs, heartRateHz, minDistance, maxDeviation, halfWindow);
        if (base == null) {
            return NONE;
        }
        double sdnn2 = 0;
        double rmssd2 = 0;
        double shift2 = 0;
        int shifts = 0;
        int used = 0;
        double[] y = new double[n];
        double tol = 0.25 / heartRateHz;
        for (int r = 0; r < runs; r++) {
            double[] noise = surrogate(noiseFloor, n, new Random(SEED + r));
            for (int i = 0; i < n; i++) {
                y[i] = clean[i] + noise[i];
            }
            Measured m = measure(y, fs, heartRateHz, minDistance, maxDeviation, halfWindow);
            if (m == null) {
                continue;
            }
            sdnn2 += m.sdnn * m.sdnn;
            rmssd2 += m.rmssd * m.rmssd;
            used++;
            for (double t : m.times) {
                double d = nearest(base.times, t) - t;
                if (Math.abs(d) <= tol) {
                    shift2 += d * d;
                    shifts++;
                }
            }
        }
        if (used == 0) {
            return NONE;
        }
        double timing = shifts == 0 ? Double.NaN : Math.sqrt(shift2 / shifts) * 1000;
        return new TimingNoise(sdnn2 / used - base.sdnn * base.sdnn, rmssd2 / used - base.rmssd * base.rmssd,
                timing, used);
    }

    /** Fits every beat over its stretch, half-way to each neighbour: {scale, offset, shift} per beat. */
    private static double[][] fitAll(double[] x, double[] centres, double[] template, int half) {
        int k = centres.length;
        int n = x.length;
        double[][] fits = new double[k][];
        for (int j = 0; j < k; j++) {
            fits[j] = fitBeat(x, stretchStart(centres, j), stretchStart(centres, j + 1, n), centres[j], template, half);
        }
        return fits;
    }

    /**
     * First sample of beat {@code j}'s stretch: half-way between it and the beat before (0 for the first).
     * Stretches end where the next one starts.
     */
    private static int stretchStart(double[] centres, int j) {
        return j == 0 ? 0 : Math.max(0, (int) Math.ceil(0.5 * (centres[j - 1] + centres[j])));
    }

    /** As {@link #stretchStart(double[], int)}, with {@code n} (the wave's length) after the last beat. */
    private static int stretchStart(double[] centres, int j, int n) {
        return j == centres.length ? n : Math.min(n, stretchStart(centres, j));
    }

    private static double[] fittedTimes(double[] centres, double[][] fits) {
        double[] t = new double[centres.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = centres[j] + fits[j][2];
        }
        return t;
    }

    /** The fitted beats laid at the given times, each over its stretch half-way to its neighbours. */
    static double[] render(int n, double[] times, double[][] fits, double[] template, int half) {
        double[] out = new double[n];
        int k = times.length;
        for (int j = 0; j < k; j++) {
            int hi = stretchStart(times, j + 1, n);
            for (int i = stretchStart(times, j); i < hi; i++) {
                out[i] = fits[j][0] * Resampler.at(template, i - times[j] + half) + fits[j][1];
            }
        }
        return out;
    }

    private record Measured(double sdnn, double rmssd, double[] times) {
    }

    private static Measured measure(double[] x, double fs, double hrHz, double minDistance, double maxDeviation,
                                    int halfWindow) {
        Beats b = BeatDetector.detect(x, fs, hrHz, minDistance);
        double[] ibi = b.intervalsMs();
        if (ibi.length < 3) {
            return null;
        }
        Hrv h = Hrv.compute(ibi, IntervalFilter.accept(ibi, maxDeviation, halfWindow));
        if (!Double.isFinite(h.sdnnMs()) || !Double.isFinite(h.rmssdMs())) {
            return null;
        }
        return new Measured(h.sdnnMs(), h.rmssdMs(), b.peakTimes());
    }

    private static double nearest(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(sorted[lo] - t) <= Math.abs(sorted[hi] - t) ? sorted[lo] : sorted[hi];
    }

    /**
     * Amplitude spectrum of the noise in {@code x} (here the residual of the beat fits): its own DFT magnitudes
     * away from the heart rate's harmonics, and inside each harmonic's zone a straight line between the mean
     * power just outside it (a pulse left in the series does not count as noise).
     */
    static double[] noiseFloor(double[] x, double fs, double hrHz) {
        int n = x.length;
        double[] power = power(x);
        int bins = power.length;
        double binHz = fs / n;
        int edge = Math.max(1, (int) Math.round(ZONE_EDGE_HZ / binHz));
        for (int m = 1; m * hrHz < fs / 2; m++) {
            double w = Math.max(ZONE_MIN_HZ, ZONE_PER_HARMONIC * m * hrHz);
            int lo = Math.max(1, (int) Math.floor((m * hrHz - w) / binHz));
            int hi = Math.min(bins - 1, (int) Math.ceil((m * hrHz + w) / binHz));
            double left = meanPower(power, lo - edge, lo);
            double right = meanPower(power, hi + 1, hi + 1 + edge);
            if (Double.isNaN(left)) {
                left = right;
            }
            if (Double.isNaN(right)) {
                right = left;
            }
            for (int k = lo; k <= hi; k++) {
                double f = hi == lo ? 0 : (double) (k - lo) / (hi - lo);
                power[k] = left + f * (right - left);
            }
        }
        double[] amp = new double[bins];
        for (int k = 0; k < bins; k++) {
            amp[k] = Math.sqrt(power[k]);
        }
        amp[0] = 0;
        return amp;
    }

    private static double[] residual(double[] x, double[] fit) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] - fit[i];
        }
        return r;
    }

    /** |DFT|^2 of a mean-removed series, bins 0 to n/2. */
    static double[] power(double[] x) {
        int n = x.length;
        double mean = Stats.mean(x);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        Fft.forward(re, im);
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k < p.length; k++) {
            p[k] = re[k] * re[k] + im[k] * im[k];
        }
        return p;
    }

    private static double[] square(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * a[i];
        }
        return out;
    }

    /** Centred moving average over {@code width} bins (shorter at the ends). */
    static double[] smooth(double[] p, int width) {
        int h = width / 2;
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            int a = Math.max(0, i - h);
            int b = Math.min(p.length, i + h + 1);
            double s = 0;
            for (int j = a; j < b; j++) {
                s += p[j];
            }
            out[i] = s / (b - a);
        }
        return out;
    }

    private static double meanPower(double[] p, int from, int to) {
        int a = Math.max(1, from);
        int b = Math.min(p.length, to);
        return b <= a ? Double.NaN : Stats.mean(p, a, b);
    }

    /** Noise with the given amplitude spectrum and random phases, as long as the wave it came from. */
    static double[] surrogate(double[] amp, int n, Random rng) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 1; k < amp.length; k++) {
            if (2 * k == n) {
                re[k] = amp[k] * (rng.nextBoolean() ? 1 : -1);
                continue;
            }
            double phi = 2 * Math.PI * rng.nextDouble();
            re[k] = amp[k] * Math.cos(phi);
            im[k] = amp[k] * Math.sin(phi);
            re[n - k] = re[k];
            im[n - k] = -im[k];
        }
        Fft.inverse(re, im);
        return re;
    }

    /** Mean of the beats around their peaks, each with its mean removed; index {@code half} is the peak. */
    static double[] template(double[] x, double[] centres, int half) {
        int width = 2 * half + 1;
        double[] t = new double[width];
        int used = 0;
        for (double c : centres) {
            if (c - half < 0 || c + half > x.length - 1) {
                continue;
            }
            double mean = 0;
            double[] s = new double[width];
            for (int d = 0; d < width; d++) {
                s[d] = Resampler.at(x, c + d - half);
                mean += s[d];
            }
            mean /= width;
            for (int d = 0; d < width; d++) {
                t[d] += s[d] - mean;
            }
            used++;
        }
        if (used < 3) {
            return null;
        }
        for (int d = 0; d < width; d++) {
            t[d] /= used;
        }
        return t;
    }

    /**
     * Fits {@code a T(i - centre - tau) + b} to samples {@code [lo, hi)} (Gauss-Newton on the shift).
     *
     * @return {@code {a, b, tau}}
     */
    static double[] fitBeat(double[] x, int lo, int hi, double centre, double[] template, int half) {
        double tau = 0;
        double a = 0;
        double b = 0;
        double maxStep = 0.25 * half;
        for (int it = 0; it <= SHIFT_ITERATIONS; it++) {
            // normal equations for [a, g, b] in x = a T + g T' + b, where g = -a * dtau
            double[][] m = new double[3][3];
            double[] v = new double[3];
            for (int i = lo; i < hi; i++) {
                double d = i - centre - tau + half;
                double tv = Resampler.at(template, d);
                double td = 0.5 * (Resampler.at(template, d + 1) - Resampler.at(template, d - 1));
                double[] f = {tv, td, 1};
                for (int p = 0; p < 3; p++) {
                    v[p] += f[p] * x[i];
                    for (int q = 0; q < 3; q++) {
                        m[p][q] += f[p] * f[q];
                    }
                }
            }
            double[] sol = solve3(m, v);
            if (sol == null) {
                break;
            }
            a = sol[0];
            b = sol[2];
            if (it == SHIFT_ITERATIONS || !(a > 0)) {
                break;
            }
            double step = -sol[1] / a;
            tau += Math.max(-maxStep, Math.min(maxStep, step));
            tau = Math.max(-half / 2.0, Math.min(half / 2.0, tau));
        }
        return new double[] {a, b, tau};
    }

    /** Solves a 3x3 system by Cramer's rule; null when singular. */
    static double[] solve3(double[][] m, double[] v) {
        double det = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        if (!(Math.abs(det) > 1e-300) || !Double.isFinite(det)) {
            return null;
        }
        double[] out = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] c = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int r = 0; r < 3; r++) {
                c[r][col] = v[r];
            }
            out[col] = det3(c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2], c[2][0], c[2][1], c[2][2]) / det;
        }
        return out;
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h,
                               double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
