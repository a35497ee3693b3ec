package dev.facevitals.vitals.rppg;

/** How the pulses of several skin regions become one. */
public enum FusionMode {
    /** Sum of the regions' standardised pulses weighted by their SNR as a power ratio. */
    SNR_WEIGHTED,
    /** The region with the best SNR alone. */
    BEST
}
