package dev.facevitals.vitals;

import dev.facevitals.vitals.respiration.RespirationEstimate;
import dev.facevitals.vitals.respiration.RespirationResult;
import dev.facevitals.vitals.rppg.PulseMethod;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The engine's result with the intermediate figures behind it, for logs, debugging and tuning. Values not
 * computed (because an earlier step failed) are NaN, empty or null.
 *
 * @param result             what the worker reports
 * @param method             rPPG method used
 * @param sampleRateHz       uniform rate the traces were resampled to, Hz
 * @param segmentStartSec    start of the stretch analysed, seconds from the first frame
 * @param segmentDurationSec its duration, s
 * @param regions            names of the regions analysed (visible throughout the stretch)
 * @param regionSnrDb        pulse SNR of each of those regions, dB
 * @param regionWeights      their fusion weights
 * @param heartRateHz        spectral heart rate of the fused pulse before any quality gate, Hz
 * @param subharmonicChosen  whether the strongest peak was taken for the second harmonic
 * @param motionRatio        in-band face motion RMS over face size
 * @param artefactRatio      out-of-band over in-band colour power
 * @param pulseGate          which test of the heart-rate gate decided, or {@link PulseGate#NOT_REACHED}
 * @param levelSteps         level steps shared by every region (auto-exposure) taken out before the pulse
 * @param lightRemovedHz     the rate of a rhythm in the colour of light that was taken out of the pulses
 *                           before the heart rate reported was found, Hz; NaN when none was
 * @param beatWaves          HRV as measured on each beat wave (empty when the heart rate was not reported);
 *                           the reported HRV needs every wave's gate passed
 * @param respiration        breathing estimates per source and fused (null when not computed)
 * @param pbvSignature       PBV's signature (R, G, B, unit length) when the skin's own measured one was used
 *                           instead of the standard one; null otherwise (and for the other methods)
 * @param fallbackFrom       the configured method's own analysis when this one, GREEN's, was reported in its
 *                           place ({@link VitalsSettings.Pulse#greenFallback}); null otherwise
 */
public record VitalsAnalysis(VitalsResult result, PulseMethod method, double sampleRateHz, double segmentStartSec,
                             double segmentDurationSec, List<String> regions, double[] regionSnrDb,
                             double[] regionWeights, double heartRateHz, boolean subharmonicChosen,
                             double motionRatio, double artefactRatio, PulseGate pulseGate, int levelSteps,
                             double lightRemovedHz, List<BeatWave> beatWaves, RespirationResult respiration,
                             double[] pbvSignature, VitalsAnalysis fallbackFrom) {

    public VitalsAnalysis {
        regions = List.copyOf(regions);
        beatWaves = List.copyOf(beatWaves);
    }

    static VitalsAnalysis early(VitalsResult.SignalFailure failure, PulseMethod method, double fs) {
        return new VitalsAnalysis(VitalsResult.failed(failure, Double.NaN), method, fs, Double.NaN, Double.NaN,
                List.of(), new double[0], new double[0], Double.NaN, false, Double.NaN, Double.NaN,
                PulseGate.NOT_REACHED, 0, Double.NaN, List.of(), null, null, null);
    }

    /** The test of the heart-rate gate that decided whether a heart rate is reported. */
    public enum PulseGate {
        /** The traces failed before the pulse was measured (too short, no face, face lost, no skin). */
        NOT_REACHED("not reached"),
        /** Reported. */
        PASSED("passed"),
        /** Error 10: the face moved too much within the pulse band. */
        FACE_MOTION("face motion in the pulse band"),
        /** Error 10: SNR below the minimum, and colour changes outside the pulse band dominate. */
        LOW_SNR_ARTEFACTS("SNR too low, light or motion changes dominate"),
        /** Error 11: SNR below the minimum. */
        LOW_SNR("SNR too low"),
        /** Error 10: the head moves at the very rate the spectrum picked. */
        MOTION_AT_RATE("head motion at the pulse rate"),
        /** Error 10: the head sways at half the rate, and its shading's second harmonic lies at the rate. */
        MOTION_AT_HALF_RATE("head motion at half the pulse rate"),
        /** Error 10: the rate moves when what the head's motion explains is taken out of the pulse. */
        MOTION_DEPENDENT_RATE("rate follows head motion"),
        /** Error 10: the pulse moves blue as much as green: light, not blood. */
        LIGHT_NOT_BLOOD("colour of light, not blood"),
        /**
         * Error 11: a method other than PBV put the rate on the rhythm of the video's key frames (or a multiple),
         * where a codec's refreshes make a line of their own, and PBV's projection does not find the pulse there.
         */
        KEY_FRAME_RHYTHM("rate on the key frames' rhythm, not PBV's");

        private final String text;

        PulseGate(String text) {
            this.text = text;
        }

        /** A few words for logs. */
        public String text() {
            return text;
        }

        /**
         * Whether the pulse was only too weak: its SNR under the minimum, whatever the artefacts outside the band
         * made of its name (error 11, or 10 with {@link #LOW_SNR_ARTEFACTS}); no other test decided.
         */
        public boolean lowSnr() {
            return this == LOW_SNR || this == LOW_SNR_ARTEFACTS;
        }

        /**
         * The error this verdict gives: 11 when only the pulse is too weak, 10 when motion or light decided;
         * null when the heart rate is reported or the traces failed before (they carry their own).
         */
        public VitalsResult.SignalFailure failure() {
            return switch (this) {
                case NOT_REACHED, PASSED -> null;
                case LOW_SNR, KEY_FRAME_RHYTHM -> VitalsResult.SignalFailure.PULSE_QUALITY;
                case FACE_MOTION, LOW_SNR_ARTEFACTS, MOTION_AT_RATE, MOTION_AT_HALF_RATE, MOTION_DEPENDENT_RATE,
                     LIGHT_NOT_BLOOD ->
                        VitalsResult.SignalFailure.RGB_QUALITY;
            };
        }
    }

    /** The test of the HRV gate that decided whether one beat wave's HRV counts. */
    public enum HrvGate {
        /** Credible. */
        PASSED("passed"),
        /** Shorter than the HRV minimum duration. */
        TOO_SHORT("too short"),
        /** The beats' shapes are not consistent enough (beat SNR below the minimum). */
        BEAT_SHAPE("beat shapes inconsistent"),
        /** Fewer accepted intervals than the minimum. */
        FEW_INTERVALS("too few intervals"),
        /**
         * The video's frames are predicted from others between key frames ({@link SignalTraces#interCoded}: the
         * decoder saw predicted frames, or a key frame after them): such coding moves the beats, most beside the
         * key frames but all through the group of pictures, by more than the timing-noise correction sees
         * (docs/vitals.md, "Stop 17" to "Stop 19").
         */
        KEY_FRAMES("inter-frame coded video"),
        /** Too many intervals rejected as artefacts. */
        MANY_REJECTED("too many intervals rejected"),
        /** Timing noise explains too much of RMSSD: what the correction would leave is mostly its own error. */
        NOISE_SHARE("timing noise dominates");

        private final String text;

        HrvGate(String text) {
            this.text = text;
        }

        /** A few words for logs. */
        public String text() {
            return text;
        }

        /** What clients are told when this verdict withholds HRV; null for {@link #PASSED}. */
        public VitalsResult.Withheld withheld() {
            return switch (this) {
                case PASSED -> null;
                case TOO_SHORT -> VitalsResult.Withheld.SCAN_TOO_SHORT;
                case BEAT_SHAPE -> VitalsResult.Withheld.INCONSISTENT_BEATS;
                case FEW_INTERVALS -> VitalsResult.Withheld.TOO_FEW_BEATS;
                case KEY_FRAMES -> VitalsResult.Withheld.KEY_FRAMES;
                case MANY_REJECTED -> VitalsResult.Withheld.IRREGULAR_BEATS;
                case NOISE_SHARE -> VitalsResult.Withheld.BEAT_TIMING_NOISE;
            };
        }
    }

    /**
     * HRV measured on one beat wave.
     *
     * @param windowSec         window of the rPPG method over which the wave's colour weights were chosen, s
     * @param beats             beats detected
     * @param acceptedIntervals inter-beat intervals that passed artefact rejection
     * @param beatSnrDb         consistency of the beats' shapes (see BeatQuality), dB
     * @param timingNoiseMs     beat-timing noise estimated for the correction, ms (NaN when not estimated)
     * @param rmssdNoiseShare   share of the measured RMSSD^2 that timing noise explains (NaN when not estimated)
     * @param gate              the HRV gate's verdict on this wave
     * @param sdnnMs            SDNN with the timing noise taken off; null unless the gate passed
     * @param rmssdMs           RMSSD likewise
     */
    public record BeatWave(double windowSec, int beats, int acceptedIntervals, double beatSnrDb,
                           double timingNoiseMs, double rmssdNoiseShare, HrvGate gate, Double sdnnMs,
                           Double rmssdMs) {
    }

    /** This analysis, reported in place of {@code configured}'s (whose pulse was too weak for its gate). */
    VitalsAnalysis asFallbackFrom(VitalsAnalysis configured) {
        return new VitalsAnalysis(result, method, sampleRateHz, segmentStartSec, segmentDurationSec, regions,
                regionSnrDb, regionWeights, heartRateHz, subharmonicChosen, motionRatio, artefactRatio, pulseGate,
                levelSteps, lightRemovedHz, beatWaves, respiration, pbvSignature, configured);
    }

    /**
     * One line saying what the engine saw and decided, for the scan's log: the method (and the one it stood in
     * for), the spectral peak and SNR per region, the heart-rate gate, each beat wave's HRV gate and the breathing
     * sources used.
     */
    public String summary() {
        StringBuilder s = new StringBuilder(method.name());
        if (fallbackFrom != null) {
            s.append(String.format(Locale.ROOT, " in place of %s (its peak %.1f bpm at %.1f dB, below its gate)",
                    fallbackFrom.method.name(), fallbackFrom.heartRateHz * 60, fallbackFrom.result.pulseSnrDb()));
        }
        if (pulseGate == PulseGate.NOT_REACHED) {
            return s.append(": no pulse measured (").append(result.failure()).append(')').toString();
        }
        s.append(String.format(Locale.ROOT, ", peak %.1f bpm%s at %.1f dB (", heartRateHz * 60,
                subharmonicChosen ? " (halved)" : "", result.pulseSnrDb()));
        StringJoiner r = new StringJoiner(", ");
        for (int k = 0; k < regions.size(); k++) {
            r.add(String.format(Locale.ROOT, "%s %.1f", regions.get(k), regionSnrDb[k]));
        }
        s.append(r).append(')');
        if (levelSteps > 0) {
            s.append(", ").append(levelSteps).append(levelSteps == 1 ? " exposure step" : " exposure steps")
                    .append(" taken out");
        }
        if (pbvSignature != null) {
            s.append(", skin's own signature");
        }
        if (Double.isFinite(lightRemovedHz)) {
            s.append(String.format(Locale.ROOT, ", light at %.1f /min taken out", lightRemovedHz * 60));
        }
        if (pulseGate != PulseGate.PASSED) {
            return s.append(", heart rate withheld: ").append(pulseGate.text()).append(" (error ")
                    .append(result.failure().code()).append(')').toString();
        }
        s.append(", heart rate reported");
        for (BeatWave w : beatWaves) {
            s.append(String.format(Locale.ROOT,
                    "; HRV on the %.1f s wave: %d beats, %d intervals kept, beat shape %.1f dB", w.windowSec(),
                    w.beats(), w.acceptedIntervals(), w.beatSnrDb()));
            if (Double.isFinite(w.timingNoiseMs())) {
                s.append(String.format(Locale.ROOT, ", timing noise %.1f ms (%.0f%% of RMSSD^2)", w.timingNoiseMs(),
                        100 * w.rmssdNoiseShare()));
            }
            s.append(w.gate() == HrvGate.PASSED ? ", credible" : ", withheld: " + w.gate().text());
            if (w.sdnnMs() != null && w.rmssdMs() != null) {
                s.append(String.format(Locale.ROOT, " (SDNN %.1f, RMSSD %.1f ms)", w.sdnnMs(), w.rmssdMs()));
            }
        }
        if (respiration != null) {
            s.append("; breathing ");
            if (respiration.found()) {
                StringJoiner used = new StringJoiner(", ", " from ", "");
                for (RespirationEstimate e : respiration.used()) {
                    used.add(e.source().name());
                }
                s.append(String.format(Locale.ROOT, "%.1f /min", respiration.breathsPerMinute())).append(used);
            } else {
                s.append("withheld: ").append(respiration.shortfall().text());
            }
        }
        return s.toString();
    }
}
