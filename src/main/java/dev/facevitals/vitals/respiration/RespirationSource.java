package dev.facevitals.vitals.respiration;

/** Where a breathing-rate estimate comes from. */
public enum RespirationSource {
    /** Vertical face position: breathing lifts the shoulders and head. */
    FACE_Y,
    /** Face size: the head moves towards and away from the camera. */
    FACE_SIZE,
    /** Respiratory-induced intensity variation: the slow baseline of the skin colour. */
    RIIV,
    /** Respiratory-induced amplitude variation: beat amplitudes (stroke volume changes with breathing). */
    RIAV,
    /** Respiratory-induced frequency variation: beat intervals (respiratory sinus arrhythmia). */
    RIFV;

    /** Whether this source is a series sampled at the beats (their amplitudes or intervals). */
    public boolean fromBeats() {
        return this == RIAV || this == RIFV;
    }
}
