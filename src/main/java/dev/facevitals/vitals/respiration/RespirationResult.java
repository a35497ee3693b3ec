package dev.facevitals.vitals.respiration;

import java.util.List;

/**
 * The fused breathing rate.
 *
 * @param frequencyHz breathing frequency, Hz, or NaN when no estimate was credible
 * @param quality     quality of the best source, or NaN
 * @param candidates  every source's estimate (credible or not), for diagnostics
 * @param used        the estimates averaged into the result
 */
public record RespirationResult(double frequencyHz, double quality, List<RespirationEstimate> candidates,
                                List<RespirationEstimate> used) {

    public RespirationResult {
        candidates = List.copyOf(candidates);
        used = List.copyOf(used);
    }

    public boolean found() {
        return !Double.isNaN(frequencyHz);
    }

    public double breathsPerMinute() {
        return frequencyHz * 60;
    }
}
