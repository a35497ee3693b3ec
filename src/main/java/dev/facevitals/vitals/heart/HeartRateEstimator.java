package dev.facevitals.vitals.heart;

import dev.facevitals.vitals.signal.PowerLaw;
import dev.facevitals.vitals.signal.PowerSpectrum;
import dev.facevitals.vitals.signal.Stats;

/**
 * Heart rate as the pulse spectrum's peak frequency, with a guard against reporting twice the rate.
 *
 * <ul>
 *   <li>Background: the spectrum is divided by a power law fitted to its background over the band
 *       ({@link PowerLaw#flattenedRobust}, refitted on the share {@value #BACKGROUND_KEEP} of the bins that lay
 *       lowest against a first fit), and peaks are found on the result. Drift, exposure steps and head motion make the background fall steeply with
 *       frequency; on the raw spectrum a noise bump near the bottom of the band can then outrank a weaker
 *       pulse higher up, and a rate of 45-50 bpm is reported for a heart at 97. A peak is judged against the
 *       background at its own frequency instead.</li>
 *   <li>Peak: the highest local maximum of the flattened spectrum within {@code [minHz, maxHz]}, refined
 *       between bins by a parabola on the log density.</li>
 *   <li>Harmonic check: the pulse wave is not a sine; its dicrotic wave can make the second harmonic
 *       several times stronger than the fundamental. If there is a local maximum within
 *       {@code max(snrHalfWidth/2, 2 bins)} of half the peak frequency (and inside the band) that holds at
 *       least {@code subharmonicRatio} of the peak's density and stands {@value #SUBHARMONIC_PROMINENCE}
 *       times above the band's median density (the noise floor), that one is the heart rate (both on the
 *       flattened spectrum). The ratio alone would let a noise bump halve a weak true rate; the floor test
 *       alone would let the fundamental of a strong pulse be missed. Simulated noise rarely puts a local maximum 5 times above the median of
 *       a Welch spectrum, while even a fundamental with a sixth of the harmonic's power clears it widely.</li>
 *   <li>SNR as de Haan and Jeanne (2013) define it, on the raw spectrum (so the quality gate means what it
 *       meant): power within {@code +-snrHalfWidthHz} of f0 and of 2 f0 over all other power in
 *       {@code [minHz, maxHz]}, in dB. Only the part of the 2 f0 window inside the band counts. The result is clamped to +-100 dB so that a perfect synthetic signal stays a finite number.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class HeartRateEstimator {

    private static final double MAX_SNR_DB = 100;
    /** How far above the band's median density a subharmonic peak must stand. */
    public static final double SUBHARMONIC_PROMINENCE = 5;
    /** Share of the band's bins the background fit keeps (the lowest against a first fit). */
    public static final double BACKGROUND_KEEP = 0.6;

    private final double minHz;
    private final double maxHz;
    private final double snrHalfWidthHz;
    private final double subharmonicRatio;

    /**
     * @param minHz            input: lowest plausible pulse frequency, Hz
     * @param maxHz            input: highest, Hz
     * @param snrHalfWidthHz   input: half width of the signal windows for the SNR, Hz (de Haan: 0.1)
     * @param subharmonicRatio input: density ratio (0..1] above which a peak at half the highest one wins
     */
    public HeartRateEstimator(double minHz, double maxHz, double snrHalfWidthHz, double subharmonicRatio) {
        if (!(minHz > 0 && maxHz > minHz) || !(snrHalfWidthHz > 0) || !(subharmonicRatio > 0
                && subharmonicRatio <= 1)) {
            throw new IllegalArgumentException("need 0 < minHz < maxHz, snrHalfWidthHz > 0, ratio in (0, 1]");
        }
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.snrHalfWidthHz = snrHalfWidthHz;
        this.subharmonicRatio = subharmonicRatio;
    }

    /**
     * @param raw input: power spectrum of the (band-passed) pulse
     * @return the estimate, or null when the band holds no peak at all
     */
    public HeartRate estimate(PowerSpectrum raw) {
        return estimate(raw, true);
    }

    private HeartRate estimate(PowerSpectrum raw, boolean mayHalve) {
        if (raw.highestPeak(minHz, maxHz) < 0) {
            return null; // nothing but slopes: dividing by a fitted law would make a hump of its misfit
        }
        PowerSpectrum spectrum = PowerLaw.flattenedRobust(raw, minHz, maxHz, BACKGROUND_KEEP);
        int k = spectrum.highestPeak(minHz, maxHz);
        if (k < 0) {
            return null;
        }
        double f = spectrum.refinedFrequency(k);
        boolean halved = false;
        double fHalf = f / 2;
        if (mayHalve && fHalf >= minHz) {
            double tol = Math.max(snrHalfWidthHz / 2, 2 * spectrum.binHz());
            int h = spectrum.highestPeak(Math.max(minHz, fHalf - tol), fHalf + tol);
            if (h >= 0 && spectrum.density(h) >= subharmonicRatio * spectrum.density(k)
                    && spectrum.density(h) >= SUBHARMONIC_PROMINENCE * medianDensity(spectrum)) {
                f = spectrum.refinedFrequency(h);
                halved = true;
            }
        }
        return new HeartRate(f, snrDb(raw, f), halved);
    }

    /**
     * The strongest peak as the heart rate, never halved: what {@link #estimate} gives when it takes no
     * subharmonic (the caller may have reason to doubt the halving).
     *
     * @param raw input: power spectrum of the (band-passed) pulse
     * @return the estimate, or null when the band holds no peak at all
     */
    public HeartRate withoutHalving(PowerSpectrum raw) {
        return estimate(raw, false);
    }

    private double medianDensity(PowerSpectrum s) {
        int a = s.binAtOrAbove(minHz);
        int b = s.binAtOrBelow(maxHz);
        double[] d = new double[b - a + 1];
        for (int i = a; i <= b; i++) {
            d[i - a] = s.density(i);
        }
        return Stats.median(d);
    }

    /**
     * De Haan's SNR at frequency {@code f0}.
     *
     * @param spectrum input: power spectrum
     * @param f0       input: pulse frequency, Hz
     * @return SNR in dB (NaN when the band holds no power at all)
     */
    public double snrDb(PowerSpectrum spectrum, double f0) {
        int a = spectrum.binAtOrAbove(minHz);
        int b = spectrum.binAtOrBelow(maxHz);
        double signal = 0;
        double noise = 0;
        // a hair of tolerance so that a bin exactly on the window edge counts whatever the rounding
        double hw = snrHalfWidthHz + 1e-9;
        for (int i = a; i <= b; i++) {
            double f = spectrum.frequency(i);
            double p = spectrum.density(i);
            if (Math.abs(f - f0) <= hw || Math.abs(f - 2 * f0) <= hw) {
                signal += p;
            } else {
                noise += p;
            }
        }
        if (signal + noise == 0) {
            return Double.NaN;
        }
        if (noise <= signal * Math.pow(10, -MAX_SNR_DB / 10)) {
            return MAX_SNR_DB;
        }
        if (signal <= noise * Math.pow(10, -MAX_SNR_DB / 10)) {
            return -MAX_SNR_DB;
        }
        return 10 * Math.log10(signal / noise);
    }

    public double minHz() {
        return minHz;
    }

    public double maxHz() {
        return maxHz;
    }
}
