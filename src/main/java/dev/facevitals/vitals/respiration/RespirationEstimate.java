package dev.facevitals.vitals.respiration;

/**
 * One source's breathing-rate estimate.
 *
 * @param source      where it comes from
 * @param frequencyHz breathing frequency, Hz
 * @param quality     in [0, 1]: one minus the chance that noise would show so clear a peak (see RespirationEstimator)
 */
public record RespirationEstimate(RespirationSource source, double frequencyHz, double quality) {

    public double breathsPerMinute() {
        return frequencyHz * 60;
    }
}
