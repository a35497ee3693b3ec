package dev.facevitals.vitals.signal;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Power-law backgrounds of spectra. Slow drift of the light or of the head, exposure steps and motion give
 * spectra that fall with frequency roughly like {@code f^beta}; sensor noise is flat. Dividing a spectrum by
 * its background, fitted as a straight line in the log-log domain, leaves peaks standing on a level floor,
 * so a peak can be judged against the background at its own frequency instead of against the whole band.
 */
public final class PowerLaw {

    /** Largest fitted exponent magnitude: a degenerate fit cannot blow the division up. */
    private static final double MAX_EXPONENT = 4;

    private PowerLaw() {
    }

    /**
     * The spectrum divided by its least-squares power-law fit over {@code [lo, hi]}, leaving out bins within
     * {@code skipHalfWidth} of {@code skipCentre} (NaN: none), so a known peak does not bend the background.
     * Bins outside the band are divided by the same law; the zero-frequency bin becomes 0.
     *
     * @param s input: the spectrum (not modified)
     */
    public static PowerSpectrum flattened(PowerSpectrum s, double lo, double hi, double skipCentre,
                                          double skipHalfWidth) {
        int a = Math.max(1, s.binAtOrAbove(lo));
        int b = s.binAtOrBelow(hi);
        double[] fit = fit(s, a, b, i -> !(Math.abs(s.frequency(i) - skipCentre) <= skipHalfWidth));
        return divided(s, fit);
    }

    /**
     * Like {@link #flattened(PowerSpectrum, double, double, double, double)} without knowing where the peaks
     * are: fitted once over the band, then again over the {@code keepFraction} of its bins that lay lowest
     * against the first fit (peaks lie above the background, so they are what the second fit leaves out).
     *
     * @param keepFraction input: share of the band's bins the second fit uses, in (0, 1]
     */
    public static PowerSpectrum flattenedRobust(PowerSpectrum s, double lo, double hi, double keepFraction) {
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must lie in (0, 1]");
        }
        int a = Math.max(1, s.binAtOrAbove(lo));
        int b = s.binAtOrBelow(hi);
        double[] first = fit(s, a, b, i -> true);
        int n = b - a + 1;
        if (n < 3) {
            return divided(s, first);
        }
        double[] residual = new double[n];
        for (int i = a; i <= b; i++) {
            residual[i - a] = logDensity(s, i) - (first[0] + first[1] * Math.log(s.frequency(i)));
        }
        double[] sorted = residual.clone();
        Arrays.sort(sorted);
        double cut = sorted[Math.min(n - 1, Math.max(1, (int) Math.ceil(keepFraction * n)) - 1)];
        return divided(s, fit(s, a, b, i -> residual[i - a] <= cut));
    }

    /** {c, beta} of {@code ln P = c + beta ln f} over bins {@code a..b} that pass {@code use}. */
    private static double[] fit(PowerSpectrum s, int a, int b, IntPredicate use) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = a; i <= b; i++) {
            if (!use.test(i)) {
                continue;
            }
            double x = Math.log(s.frequency(i));
            double y = logDensity(s, i);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        double beta = 0;
        double c = n > 0 ? sy / n : 0;
        double den = n * sxx - sx * sx;
        if (n >= 2 && den > 0) {
            beta = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, (n * sxy - sx * sy) / den));
            c = (sy - beta * sx) / n;
        }
        return new double[] {c, beta};
    }

    private static double logDensity(PowerSpectrum s, int i) {
        return Math.log(Math.max(s.density(i), Double.MIN_NORMAL));
    }

    private static PowerSpectrum divided(PowerSpectrum s, double[] fit) {
        double[] d = new double[s.size()];
        for (int i = 1; i < d.length; i++) {
            d[i] = s.density(i) / Math.exp(fit[0] + fit[1] * Math.log(s.frequency(i)));
        }
        return new PowerSpectrum(d, s.binHz());
    }
}
