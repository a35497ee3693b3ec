package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.signal.Stats;

/**
 * Combines per-region pulses. Regions differ in how much skin they cover, how much hair or shadow falls on
 * them and how much they move, so the one with the cleanest spectrum should count most. With
 * {@link FusionMode#SNR_WEIGHTED} each pulse is scaled to unit standard deviation and weighted by
 * {@code 10^(snrDb/10)}, its in-band signal-to-noise power ratio: a region 10 dB worse adds a tenth as much,
 * which keeps a noisy region from drowning a clean one while still averaging regions of similar quality
 * (their noise is independent, their pulse is not). All methods share one sign convention (rises with blood
 * volume), so no polarity alignment is needed.
 */
public final class RegionFusion {

    private RegionFusion() {
    }

    /**
     * Weights per region, summing to 1 (all zero when no region has a finite SNR).
     *
     * @param snrDb input: SNR of each region's pulse, dB; NaN for a region to ignore
     * @param mode  input: weighting rule
     */
    public static double[] weights(double[] snrDb, FusionMode mode) {
        int k = snrDb.length;
        double[] w = new double[k];
        int best = -1;
        for (int i = 0; i < k; i++) {
            if (!Double.isNaN(snrDb[i]) && (best < 0 || snrDb[i] > snrDb[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return w;
        }
        if (mode == FusionMode.BEST) {
            w[best] = 1;
            return w;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            // relative to the best region, so very high SNRs cannot overflow
            w[i] = Double.isNaN(snrDb[i]) ? 0 : Math.pow(10, (snrDb[i] - snrDb[best]) / 10);
            sum += w[i];
        }
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * Weighted sum of standardised pulses.
     *
     * @param pulses  input: one pulse per region, all the same length
     * @param weights input: one weight per region (see {@link #weights})
     * @return the fused pulse, unit-free, a new array
     */
    public static double[] combine(double[][] pulses, double[] weights) {
        if (pulses.length != weights.length) {
            throw new IllegalArgumentException("one weight per pulse");
        }
        int n = pulses.length == 0 ? 0 : pulses[0].length;
        double[] out = new double[n];
        for (int k = 0; k < pulses.length; k++) {
            if (pulses[k].length != n) {
                throw new IllegalArgumentException("pulses differ in length");
            }
            if (weights[k] == 0) {
                continue;
            }
            double sd = Stats.std(pulses[k]);
            if (!(sd > 0)) {
                continue;
            }
            double f = weights[k] / sd;
            for (int i = 0; i < n; i++) {
                out[i] += f * pulses[k][i];
            }
        }
        return out;
    }
}
