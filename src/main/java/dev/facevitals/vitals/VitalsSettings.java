package dev.facevitals.vitals;

import dev.facevitals.vitals.rppg.FusionMode;
import dev.facevitals.vitals.rppg.PulseMethod;

import java.util.Objects;

/**
 * Everything the vitals engine can be tuned with, grouped by stage. Each group validates itself; this record
 * checks that the groups fit together (bands below Nyquist and so on). {@link #DEFAULTS} is what the engine
 * uses unless told otherwise; the {@code with...} methods change one group.
 *
 * @param signal      resampling, gaps, detrending, filtering, spectra
 * @param pulse       rPPG method, region fusion, heart-rate band and spectral peak rules
 * @param quality     when the pulse is rejected and with which error code
 * @param hrv         beat detection and when HRV and the stress index are reported
 * @param respiration breathing band and fusion
 */
public record VitalsSettings(Signal signal, Pulse pulse, Quality quality, Hrv hrv, Respiration respiration) {

    public static final VitalsSettings DEFAULTS = new VitalsSettings(Signal.DEFAULTS, Pulse.DEFAULTS,
            Quality.DEFAULTS, Hrv.DEFAULTS, Respiration.DEFAULTS);

    public VitalsSettings {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(pulse, "pulse");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(hrv, "hrv");
        Objects.requireNonNull(respiration, "respiration");
        // the band-pass reaches 15% above the pulse band and its second harmonic matters: keep all of it well
        // inside the resampled Nyquist frequency
        if (pulse.maxHz() * 1.15 >= 0.45 * signal.resampleHz()) {
            throw new IllegalArgumentException("pulse.maxHz " + pulse.maxHz() + " too high for resampleHz "
                    + signal.resampleHz());
        }
        if (signal.detrendCutoffHz() >= respiration.minHz() / 2 || signal.detrendCutoffHz() >= pulse.minHz() / 2) {
            throw new IllegalArgumentException("detrendCutoffHz must stay below half of both band floors");
        }
    }

    /** A copy with another signal group. @param s input: the new group */
    public VitalsSettings withSignal(Signal s) {
        return new VitalsSettings(s, pulse, quality, hrv, respiration);
    }

    /** A copy with another pulse group. @param p input: the new group */
    public VitalsSettings withPulse(Pulse p) {
        return new VitalsSettings(signal, p, quality, hrv, respiration);
    }

    /** A copy with another quality group. @param q input: the new group */
    public VitalsSettings withQuality(Quality q) {
        return new VitalsSettings(signal, pulse, q, hrv, respiration);
    }

    /** A copy with another hrv group. @param h input: the new group */
    public VitalsSettings withHrv(Hrv h) {
        return new VitalsSettings(signal, pulse, quality, h, respiration);
    }

    /** A copy with another respiration group. @param r input: the new group */
    public VitalsSettings withRespiration(Respiration r) {
        return new VitalsSettings(signal, pulse, quality, hrv, r);
    }

    /** Shorthand for switching the rPPG method. @param method input: the method to use */
    public VitalsSettings withMethod(PulseMethod method) {
        return withPulse(pulse.withMethod(method));
    }

    /**
     * Preprocessing.
     *
     * @param resampleHz           uniform rate the traces are interpolated to, Hz (default 30: phone video rates,
     *                             and the pulse band with harmonics is far below 15 Hz)
     * @param minDurationSec       shortest usable stretch of signal, s (default 20, the scan minimum)
     * @param maxGapSec            longest run without a face (or frame) bridged by interpolation, s (default
     *                             0.5: at most half a beat is invented; longer gaps split the recording)
     * @param detrendCutoffHz      smoothness-priors detrend cut-off, Hz (default 0.04: below breathing)
     * @param filterOrder          Butterworth order per band edge, even (default 4; forward-backward doubles
     *                             the attenuation)
     * @param spectrumSegmentSec   Welch segment for the pulse spectrum, s (default 15: averages two or more
     *                             segments on a 20-30 s scan while keeping the main lobe within +-0.13 Hz)
     * @param spectrumResolutionHz bin spacing reached by zero padding, Hz (default 0.01 = 0.6 bpm; the peak
     *                             is then interpolated between bins)
     */
    public record Signal(double resampleHz, double minDurationSec, double maxGapSec, double detrendCutoffHz,
                         int filterOrder, double spectrumSegmentSec, double spectrumResolutionHz) {

        public static final Signal DEFAULTS = new Signal(30, 20, 0.5, 0.04, 4, 15, 0.01);

        public Signal {
            Checks.positive("resampleHz", resampleHz);
            Checks.positive("minDurationSec", minDurationSec);
            Checks.nonNegative("maxGapSec", maxGapSec);
            Checks.positive("detrendCutoffHz", detrendCutoffHz);
            if (filterOrder < 2 || filterOrder % 2 != 0 || filterOrder > 12) {
                throw new IllegalArgumentException("filterOrder must be even, 2..12: " + filterOrder);
            }
            Checks.positive("spectrumSegmentSec", spectrumSegmentSec);
            Checks.positive("spectrumResolutionHz", spectrumResolutionHz);
        }
    }

    /**
     * Pulse extraction and heart rate.
     *
     * @param method           rPPG method (default PBV: the lowest errors in VitalsBenchmark, see docs/vitals.md)
     * @param fusion           how regions combine (default SNR_WEIGHTED)
     * @param windowSec        CHROM/POS window, s (default 1.6, as in both papers: about one beat at 40 bpm)
     * @param minHz            lowest heart rate searched, Hz (default 0.7 = 42 bpm)
     * @param maxHz            highest, Hz (default 4.0 = 240 bpm)
     * @param snrHalfWidthHz   half width of the SNR signal windows at f0 and 2 f0, Hz (default 0.1, de Haan)
     * @param subharmonicRatio density at half the peak frequency, relative to the peak, from which the
     *                         peak may be taken for the second harmonic (default 0.1: a fundamental with a
     *                         tenth of the harmonic's power; see HeartRateEstimator for the noise test)
     * @param skinSignature    PBV only (default true): also try the pulse colour measured on the scan's skin at
     *                         the heart rate as PBV's signature, when green leads it as blood's does, and keep
     *                         it when it lifts the SNR by 1 dB or more (light and camera change the signature;
     *                         docs/vitals.md, "The skin's own signature")
     * @param greenFallback    PBV only (default true): when PBV's pulse is too weak for the gate (error 11, or
     *                         error 10 for a low SNR amid light or motion changes; not the gate's other tests)
     *                         and GREEN on the same traces passes every test of the gate at a rate within
     *                         {@link DefaultVitalsEngine#GREEN_AGREEMENT_BPM} of PBV's own spectral peak, GREEN's
     *                         result is reported (through a call's VP8, whose chroma is coarse, GREEN read
     *                         rates that PBV withheld at the same peak; docs/vitals.md, "Stop 20", "Stop 22")
     */
    public record Pulse(PulseMethod method, FusionMode fusion, double windowSec, double minHz, double maxHz,
                        double snrHalfWidthHz, double subharmonicRatio, boolean skinSignature,
                        boolean greenFallback) {

        public static final Pulse DEFAULTS = new Pulse(PulseMethod.PBV, FusionMode.SNR_WEIGHTED, 1.6, 0.7, 4.0,
                0.1, 0.1, true, true);

        public Pulse {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(fusion, "fusion");
            Checks.positive("windowSec", windowSec);
            Checks.positive("minHz", minHz);
            if (!(maxHz > minHz)) {
                throw new IllegalArgumentException("maxHz must exceed minHz");
            }
            Checks.positive("snrHalfWidthHz", snrHalfWidthHz);
            if (!(subharmonicRatio > 0 && subharmonicRatio <= 1)) {
                throw new IllegalArgumentException("subharmonicRatio must be in (0, 1]: " + subharmonicRatio);
            }
        }

        /** A copy with another method. @param m input: the method */
        public Pulse withMethod(PulseMethod m) {
            return new Pulse(m, fusion, windowSec, minHz, maxHz, snrHalfWidthHz, subharmonicRatio, skinSignature,
                    greenFallback);
        }

        /** A copy with another fusion mode. @param f input: the mode */
        public Pulse withFusion(FusionMode f) {
            return new Pulse(method, f, windowSec, minHz, maxHz, snrHalfWidthHz, subharmonicRatio, skinSignature,
                    greenFallback);
        }

        /** A copy that does or does not try the skin's own signature. @param on input: whether to */
        public Pulse withSkinSignature(boolean on) {
            return new Pulse(method, fusion, windowSec, minHz, maxHz, snrHalfWidthHz, subharmonicRatio, on,
                    greenFallback);
        }

        /** A copy with or without the fallback to GREEN. @param on input: whether to fall back */
        public Pulse withGreenFallback(boolean on) {
            return new Pulse(method, fusion, windowSec, minHz, maxHz, snrHalfWidthHz, subharmonicRatio, skinSignature,
                    on);
        }
    }

    /**
     * Quality gates.
     *
     * @param minPulseSnrDb    least SNR of the fused pulse for a heart rate, dB (default 0). Simulated
     *                         noise-only scans score about -5 to -8 dB and at most about 0 dB (GREEN on
     *                         20 s, where drift of the light leaks in); wrong rates in simulation all scored
     *                         below -0.9 dB, while a weak but readable pulse scores 0 dB and up.
     * @param maxMotionRatio   largest in-band face movement, RMS as a fraction of face size (default 0.03:
     *                         well above face-detector jitter of a pixel or two, well below nodding or talking)
     * @param maxArtefactRatio out-of-band over in-band colour power above which a low-SNR scan is blamed on
     *                         motion or lighting (code 10) rather than a weak pulse (code 11) (default 10:
     *                         sensor noise alone gives about 3)
     * @param maxMotionAtRate  largest face movement within +-0.05 Hz of the heart rate, RMS as a fraction of
     *                         face size, for the rate to count as a pulse (default 0.0015: 0.3 px on a 200 px
     *                         face; 0.005 until stop 14. Every right PBV report in the benchmark had at most
     *                         0.0006, the real EVM face 0.00025, while PBV reported head sways of 0.0029 and
     *                         0.0049 at 47-48 bpm as pulses against 88 under a quarter of the benchmark's head
     *                         motion; docs/vitals.md "Head motion at the rate". The head's own pulse motion,
     *                         ballistocardiography, is a fraction of a pixel)
     * @param maxMotionAtHalfRate largest face movement within +-0.025 Hz of half the heart rate, as above, for
     *                         the rate to count as a pulse (default 0.02). A side light's shading is not linear
     *                         in the head's pose, so a sway also shades the skin at twice its own rate, by an
     *                         amount that grows with the square of the sway: a large sway at half the rate
     *                         makes a rhythm at the rate. PBV reported 68.0 bpm against 76.5 on a clip whose
     *                         head swayed at 0.56 Hz by 0.029 of the face size; the right reports of the
     *                         benchmark's head-motion clips measured at most 0.014 there, apart from one clip
     *                         with the same sway (0.028, right by chance); docs/vitals.md "Stop 15"
     * @param minSwayToCheckRate face movement within +-0.025 Hz of half the heart rate, as above, from which the
     *                         rate must also survive a regression of the face's motion (to second order) out of
     *                         the pulses: when it moves, error 10 (default 0.005, a quarter of the limit above
     *                         and fifty times what still faces measure there). A smaller sway's harmonic can
     *                         still beat a weak pulse: with affine tracking PBV reported 69.1 bpm against 76.5
     *                         at a sway of 0.013; docs/vitals.md "Stop 16"
     */
    public record Quality(double minPulseSnrDb, double maxMotionRatio, double maxArtefactRatio,
                          double maxMotionAtRate, double maxMotionAtHalfRate, double minSwayToCheckRate) {

        public static final Quality DEFAULTS = new Quality(0, 0.03, 10, 0.0015, 0.02, 0.005);

        public Quality {
            Checks.finite("minPulseSnrDb", minPulseSnrDb);
            Checks.positive("maxMotionRatio", maxMotionRatio);
            Checks.positive("maxArtefactRatio", maxArtefactRatio);
            Checks.positive("maxMotionAtRate", maxMotionAtRate);
            Checks.positive("maxMotionAtHalfRate", maxMotionAtHalfRate);
            Checks.positive("minSwayToCheckRate", minSwayToCheckRate);
        }
    }

    /**
     * Heart-rate variability and stress index: reported only when all of these hold, else null.
     *
     * @param minDurationSec          least usable signal, s (default 30: below that SDNN means little)
     * @param minBeats                least accepted intervals (default 25)
     * @param minBeatSnrDb            least consistency of the beats' shapes, dB (default 16; see
     *                                BeatQuality). Not the spectral SNR, which a variable heart rate lowers.
     *                                Below it the timing-noise correction is unreliable (on the four generated
     *                                60 s clips at 13.8-15.3 dB the corrected RMSSD was off by up to 41 ms).
     * @param maxDeviation            interval rejection threshold relative to the local median (default 0.2)
     * @param medianHalfWindow        intervals on each side forming the local median (default 5)
     * @param minCleanFraction        least share of intervals accepted (default 0.8)
     * @param beatMinDistanceFraction smallest beat spacing as a fraction of the spectral period (default 0.6:
     *                                allows 40% faster beats yet skips the dicrotic wave at about 0.35)
     * @param noiseRuns               noise surrogates measured to correct SDNN and RMSSD for beat-timing
     *                                noise (default 32; 0 reports them uncorrected and skips the next gate;
     *                                see TimingNoise)
     * @param maxNoiseShare           largest share of the measured RMSSD^2 that timing noise may explain
     *                                (default 0.75): beyond it the corrected value is mostly the correction
     * @param beatWindowSec           window of the rPPG method for a second beat wave, s (default 12.8):
     *                                HRV is measured on the heart-rate wave ({@link Pulse#windowSec()}) and on
     *                                this one, and reported as their mean when both pass the gate (an adaptive
     *                                method's colour weights, re-chosen every half window, move the beats with
     *                                each change, less often on the longer window); equal to the pulse window,
     *                                one wave only
     */
    public record Hrv(double minDurationSec, int minBeats, double minBeatSnrDb, double maxDeviation,
                      int medianHalfWindow, double minCleanFraction, double beatMinDistanceFraction,
                      int noiseRuns, double maxNoiseShare, double beatWindowSec) {

        public static final Hrv DEFAULTS = new Hrv(30, 25, 16, 0.2, 5, 0.8, 0.6, 32, 0.75, 12.8);

        public Hrv {
            Checks.positive("minDurationSec", minDurationSec);
            if (minBeats < 3) {
                throw new IllegalArgumentException("minBeats must be >= 3: " + minBeats);
            }
            Checks.finite("minBeatSnrDb", minBeatSnrDb);
            Checks.positive("maxDeviation", maxDeviation);
            if (medianHalfWindow < 1) {
                throw new IllegalArgumentException("medianHalfWindow must be >= 1");
            }
            if (!(minCleanFraction >= 0 && minCleanFraction <= 1)) {
                throw new IllegalArgumentException("minCleanFraction must be in [0, 1]");
            }
            if (!(beatMinDistanceFraction > 0 && beatMinDistanceFraction < 1)) {
                throw new IllegalArgumentException("beatMinDistanceFraction must be in (0, 1)");
            }
            if (noiseRuns < 0) {
                throw new IllegalArgumentException("noiseRuns must be >= 0: " + noiseRuns);
            }
            Checks.positive("maxNoiseShare", maxNoiseShare);
            Checks.positive("beatWindowSec", beatWindowSec);
        }

        /** A copy with another number of timing-noise surrogates. @param runs input: 0 or more */
        public Hrv withNoiseRuns(int runs) {
            return new Hrv(minDurationSec, minBeats, minBeatSnrDb, maxDeviation, medianHalfWindow, minCleanFraction,
                    beatMinDistanceFraction, runs, maxNoiseShare, beatWindowSec);
        }

        /** A copy with another window for the second beat wave. @param sec input: seconds, positive */
        public Hrv withBeatWindowSec(double sec) {
            return new Hrv(minDurationSec, minBeats, minBeatSnrDb, maxDeviation, medianHalfWindow, minCleanFraction,
                    beatMinDistanceFraction, noiseRuns, maxNoiseShare, sec);
        }
    }

    /**
     * Breathing rate.
     *
     * @param minHz       slowest breathing, Hz (default 0.1 = 6 per minute)
     * @param maxHz       fastest, Hz (default 0.7 = 42 per minute)
     * @param minQuality  least quality for a source to count (default 0.9: noise passes in about one source
     *                    in ten; see RespirationEstimator)
     * @param soloQuality least quality for one source to be believed without another agreeing (default
     *                    0.995: noise passes in about one source in two hundred; clear breathing scores higher)
     * @param agreementHz how close sources must be to be averaged, Hz (default 0.05 = 3 per minute)
     * @param maxSway     the face's sideways movement within the breathing band, RMS over the face size,
     *                    above which the skin's level and the beats' amplitudes need another source to agree
     *                    (default 0.003, 0.6 px on a 200 px face: the shading a swaying or turning head paints
     *                    moves them at its own rates; still faces measured at most 0.0006)
     */
    public record Respiration(double minHz, double maxHz, double minQuality, double soloQuality,
                              double agreementHz, double maxSway) {

        public static final Respiration DEFAULTS = new Respiration(0.1, 0.7, 0.9, 0.995, 0.05, 0.003);

        public Respiration {
            Checks.positive("minHz", minHz);
            if (!(maxHz > minHz)) {
                throw new IllegalArgumentException("maxHz must exceed minHz");
            }
            if (!(minQuality > 0 && minQuality < 1)) {
                throw new IllegalArgumentException("minQuality must be in (0, 1)");
            }
            if (!(soloQuality >= minQuality && soloQuality <= 1)) {
                throw new IllegalArgumentException("soloQuality must be in [minQuality, 1]");
            }
            Checks.positive("agreementHz", agreementHz);
            Checks.positive("maxSway", maxSway);
        }

        public Respiration withMaxSway(double v) {
            return new Respiration(minHz, maxHz, minQuality, soloQuality, agreementHz, v);
        }
    }

    /**
     * The records' argument checks. A class of their own: were they methods of {@code VitalsSettings}, the first
     * use of a nested record (say {@code new Signal(...)} before anything touched {@code VitalsSettings}) would
     * start the outer class's initialisation, whose {@code DEFAULTS} needs the nested {@code DEFAULTS} still
     * being built, and fail with an {@code ExceptionInInitializerError}.
     */
    private static final class Checks {

        private Checks() {
        }

        static void positive(String name, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be positive and finite: " + v);
            }
        }

        static void nonNegative(String name, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + " must be >= 0 and finite: " + v);
            }
        }

        static void finite(String name, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " must be finite: " + v);
            }
        }
    }
}
