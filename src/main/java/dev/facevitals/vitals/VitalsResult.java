package dev.facevitals.vitals;

/**
 * What the engine could measure. A value the signal cannot support is {@code null}, never a guess.
 *
 * @param heartRateBpm       heart rate, beats per minute
 * @param respiratoryRateBpm breathing rate, breaths per minute
 * @param sdnnMs             standard deviation of beat-to-beat intervals, ms
 * @param rmssdMs            root mean square of successive interval differences, ms
 * @param pnn50Pct           share of successive intervals differing by more than 50 ms, percent
 * @param stressIndex        stress index (see docs/vitals.md for which)
 * @param pulseSnrDb         signal-to-noise ratio of the pulse spectral peak, dB (NaN when not computed)
 * @param failure            why no heart rate could be given, or {@code null} when it was
 */
public record VitalsResult(Double heartRateBpm, Double respiratoryRateBpm, Double sdnnMs, Double rmssdMs,
                           Double pnn50Pct, Double stressIndex, double pulseSnrDb, SignalFailure failure) {

    public static VitalsResult failed(SignalFailure failure, double pulseSnrDb) {
        return new VitalsResult(null, null, null, null, null, null, pulseSnrDb, failure);
    }

    /** Why the signal gave no heart rate: the IntelliProve quality error codes 10 and 11. */
    public enum SignalFailure {
        /** Code 10: colour signal dominated by motion or lighting changes. */
        RGB_QUALITY,
        /** Code 11: pulse too weak against the noise. */
        PULSE_QUALITY
    }
}
