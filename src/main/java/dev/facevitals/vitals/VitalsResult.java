package dev.facevitals.vitals;

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
 */
public record VitalsResult(Double heartRateBpm, Double respiratoryRateBpm, Double sdnnMs, Double rmssdMs,
                           Double pnn50Pct, Double stressIndex, double pulseSnrDb, SignalFailure failure) {

    public static VitalsResult failed(SignalFailure failure, double pulseSnrDb) {
        return new VitalsResult(null, null, null, null, null, null, pulseSnrDb, failure);
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
