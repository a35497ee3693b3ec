package dev.facevitals.vitals.rppg;

/** The rPPG methods on offer, selectable by a setting. */
public enum PulseMethod {
    /** Green channel only (Verkruysse 2008): simplest, no defence against motion or lighting changes. */
    GREEN,
    /** Chrominance (de Haan and Jeanne 2013): cancels intensity and specular changes via two colour axes. */
    CHROM,
    /** Plane orthogonal to skin (Wang et al. 2017): projection robust to intensity changes, no band-pass. */
    POS,
    /**
     * Blood-volume-pulse signature (de Haan and van Leest 2014): the least-noise projection with unit gain on
     * the skin's known pulse colour direction, adapted per window.
     */
    PBV;

    /**
     * Builds the method.
     *
     * @param windowSec input: sliding window of CHROM and POS, seconds (about one beat at the slowest rate)
     * @param loHz      input: lower band edge CHROM filters its colour axes with, Hz
     * @param hiHz      input: upper band edge, Hz
     */
    public RppgMethod create(double windowSec, double loHz, double hiHz) {
        return switch (this) {
            case GREEN -> new GreenMethod();
            case CHROM -> new ChromMethod(windowSec, loHz, hiHz);
            case POS -> new PosMethod(windowSec);
            case PBV -> new PbvMethod(windowSec, loHz, hiHz);
        };
    }
}
