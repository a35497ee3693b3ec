package dev.facevitals.vitals.respiration;

import java.util.List;
import java.util.Objects;

/**
 * The fused breathing rate.
 *
 * @param frequencyHz breathing frequency, Hz, or NaN when no estimate was credible
 * @param quality     quality of the best source, or NaN
 * @param candidates  every source's estimate (credible or not), for diagnostics
 * @param used        the estimates averaged into the result
 * @param shortfall   why there is no rate; null when there is one
 */
public record RespirationResult(double frequencyHz, double quality, List<RespirationEstimate> candidates,
                                List<RespirationEstimate> used, Shortfall shortfall) {

    /** Why no breathing rate was given. */
    public enum Shortfall {
        /** No source showed a rhythm in the breathing band clearly enough. */
        NO_RHYTHM("no source clear enough"),
        /** Some source did, but not clearly enough to stand alone, and no other source agreed with it. */
        UNCONFIRMED("no two sources agree"),
        /**
         * Only the skin's level or the beats' amplitudes showed one while the head swayed: the shading the
         * sway paints moves both, so neither counts without another source agreeing.
         */
        HEAD_SWAY("only shading cues while the head sways");

        private final String text;

        Shortfall(String text) {
            this.text = text;
        }

        /** A few words for logs. */
        public String text() {
            return text;
        }
    }

    public RespirationResult {
        candidates = List.copyOf(candidates);
        used = List.copyOf(used);
        if (Double.isNaN(frequencyHz) == (shortfall == null)) {
            throw new IllegalArgumentException("a shortfall goes with no rate, and only then");
        }
    }

    /** A rate from the sources in {@code used}. */
    static RespirationResult of(double frequencyHz, double quality, List<RespirationEstimate> candidates,
                                List<RespirationEstimate> used) {
        return new RespirationResult(frequencyHz, quality, candidates, used, null);
    }

    /** No rate, for the given reason. */
    static RespirationResult none(List<RespirationEstimate> candidates, Shortfall why) {
        return new RespirationResult(Double.NaN, Double.NaN, candidates, List.of(), Objects.requireNonNull(why));
    }

    public boolean found() {
        return !Double.isNaN(frequencyHz);
    }

    public double breathsPerMinute() {
        return frequencyHz * 60;
    }
}
