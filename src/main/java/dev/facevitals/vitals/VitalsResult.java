package dev.facevitals.vitals;

import dev.facevitals.vitals.respiration.RespirationResult;

/**
 * What the engine could measure. A value the signal cannot support is {@code null}, never a guess.
 *
 * @param heartRateBpm       heart rate, beats per minute
 * @param respiratoryRateBpm breathing rate, breaths per minute
 * @param sdnnMs             standard deviation of beat-to-beat intervals, ms
 * @param rmssdMs            root mean square of successive interval differences, ms
 * @param pnn50Pct           share of successive intervals differing by more than 50 ms, percent
 * @param stressIndex        Baevsky stress index AMo / (2 Mo MxDMn), 1/s^2 (see
 *                           {@link dev.facevitals.vitals.hrv.StressIndex})
 * @param pulseSnrDb         signal-to-noise ratio of the pulse spectral peak, dB (NaN when not computed)
 * @param failure            why no heart rate could be given, or {@code null} when it was
 * @param respirationWithheld why the breathing rate is null on a scan with a heart rate; null otherwise
 * @param hrvWithheld        why SDNN, RMSSD, pNN50 and the stress index are null on a scan with a heart rate;
 *                           null otherwise
 */
public record VitalsResult(Double heartRateBpm, Double respiratoryRateBpm, Double sdnnMs, Double rmssdMs,
                           Double pnn50Pct, Double stressIndex, double pulseSnrDb, SignalFailure failure,
                           Withheld respirationWithheld, Withheld hrvWithheld) {

    public VitalsResult {
        if ((respirationWithheld != null && respiratoryRateBpm != null) || (hrvWithheld != null && sdnnMs != null)) {
            throw new IllegalArgumentException("a value is withheld or reported, not both");
        }
    }

    /** No heart rate, so nothing else: the failure says why. */
    public static VitalsResult failed(SignalFailure failure, double pulseSnrDb) {
        return new VitalsResult(null, null, null, null, null, null, pulseSnrDb, failure, null, null);
    }

    /**
     * Why a value of a scan that has a heart rate is null: a stable code for clients ({@link #code()}), one
     * per test that withheld it. The first three are the breathing rate's, the others HRV's (SDNN, RMSSD,
     * pNN50 and the stress index come from the same beats and are withheld together).
     */
    public enum Withheld {
        /** No breathing source showed a rhythm in the breathing band clearly enough. */
        NO_BREATHING_RHYTHM("no_breathing_rhythm"),
        /** One source showed a rhythm, not clearly enough to stand alone, and no other source agreed. */
        BREATHING_UNCONFIRMED("breathing_unconfirmed"),
        /** Only the shading cues showed a rhythm while the head swayed (the sway paints them). */
        HEAD_SWAY("head_sway"),
        /** The analysed stretch is shorter than HRV's minimum duration (30 s by default). */
        SCAN_TOO_SHORT("scan_too_short"),
        /** The beats' shapes are too inconsistent for their timing to be trusted. */
        INCONSISTENT_BEATS("inconsistent_beats"),
        /** Too few beat-to-beat intervals passed. */
        TOO_FEW_BEATS("too_few_beats"),
        /**
         * The video's encoder predicts frames from others between key frames (as phones, calls and most stored
         * video do): such coding moves the beats by more than the timing noise the engine corrects for.
         */
        KEY_FRAMES("key_frames"),
        /** Too many intervals were rejected as artefacts or ectopic beats. */
        IRREGULAR_BEATS("irregular_beats"),
        /** Noise moves the beats by so much that it explains most of the measured variability. */
        BEAT_TIMING_NOISE("beat_timing_noise");

        private final String code;

        Withheld(String code) {
            this.code = code;
        }

        /** The code clients see, in snake case; stable across releases. */
        public String code() {
            return code;
        }

        /** The breathing rate's reason for a shortfall of the respiration estimate. */
        public static Withheld of(RespirationResult.Shortfall shortfall) {
            return switch (shortfall) {
                case NO_RHYTHM -> NO_BREATHING_RHYTHM;
                case UNCONFIRMED -> BREATHING_UNCONFIRMED;
                case HEAD_SWAY -> HEAD_SWAY;
            };
        }
    }

    /**
     * Why the signal gave no heart rate, with the IntelliProve error codes. The first two are quality errors;
     * the others say the traces did not hold enough face to analyse (the worker may have caught these already
     * from the video itself).
     */
    public enum SignalFailure {
        /** Code 10: colour signal dominated by motion or lighting changes. */
        RGB_QUALITY(10),
        /** Code 11: pulse too weak against the noise. */
        PULSE_QUALITY(11),
        /** Code 2: the traces cover less than the minimum duration. */
        TOO_SHORT(2),
        /** Code 3: no frame had a face. */
        NO_FACE(3),
        /** Code 4: the face was there but too little skin was visible for long enough. */
        NOT_ENOUGH_SKIN(4),
        /** Code 5: the face was lost so often that no stretch of the minimum duration remained. */
        FACE_LOST(5);

        private final int code;

        SignalFailure(int code) {
            this.code = code;
        }

        /** The IntelliProve error code. */
        public int code() {
            return code;
        }
    }
}
