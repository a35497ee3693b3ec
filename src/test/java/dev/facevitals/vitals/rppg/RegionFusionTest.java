package dev.facevitals.vitals.rppg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegionFusionTest {

    @Test
    void snrWeightsArePowerRatios() {
        double[] w = RegionFusion.weights(new double[] {10, 0, Double.NaN}, FusionMode.SNR_WEIGHTED);
        assertThat(w[0]).isCloseTo(10.0 / 11, within(1e-12));
        assertThat(w[1]).isCloseTo(1.0 / 11, within(1e-12));
        assertThat(w[2]).isZero();
        // very high SNRs do not overflow
        double[] big = RegionFusion.weights(new double[] {4000, 3990}, FusionMode.SNR_WEIGHTED);
        assertThat(big[0] + big[1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void bestPicksOneRegion() {
        assertThat(RegionFusion.weights(new double[] {3, 7, Double.NaN, 5}, FusionMode.BEST))
                .containsExactly(0, 1, 0, 0);
        assertThat(RegionFusion.weights(new double[] {Double.NaN}, FusionMode.BEST)).containsExactly(0);
        assertThat(RegionFusion.weights(new double[0], FusionMode.SNR_WEIGHTED)).isEmpty();
    }

    @Test
    void fusionFollowsTheCleanRegionAndIgnoresScale() {
        Random rnd = new Random(9);
        int n = 600;
        double[] truth = new double[n];
        double[][] p = new double[3][n];
        for (int i = 0; i < n; i++) {
            truth[i] = Math.sin(2 * Math.PI * 1.2 * i / 30);
            p[0][i] = 1000 * (truth[i] + 0.1 * rnd.nextGaussian()); // clean but on another scale
            p[1][i] = truth[i] + 3 * rnd.nextGaussian();
            p[2][i] = truth[i] + 3 * rnd.nextGaussian();
        }
        double[] w = RegionFusion.weights(new double[] {20, -5, -6}, FusionMode.SNR_WEIGHTED);
        double[] fused = RegionFusion.combine(p, w);
        assertThat(SkinTraces.correlation(fused, truth, 0, n)).isGreaterThan(0.98);
        assertThat(SkinTraces.correlation(p[1], truth, 0, n)).isLessThan(0.5);
    }

    @Test
    void averagingRegionsOfEqualQualityBeatsEachOne() {
        Random rnd = new Random(4);
        int n = 600;
        double[] truth = new double[n];
        double[][] p = new double[3][n];
        for (int i = 0; i < n; i++) {
            truth[i] = Math.sin(2 * Math.PI * 1.2 * i / 30);
            for (int k = 0; k < 3; k++) {
                p[k][i] = truth[i] + rnd.nextGaussian();
            }
        }
        double[] fused = RegionFusion.combine(p, RegionFusion.weights(new double[] {1, 1, 1}, FusionMode.SNR_WEIGHTED));
        double single = SkinTraces.correlation(p[0], truth, 0, n);
        assertThat(SkinTraces.correlation(fused, truth, 0, n)).isGreaterThan(single + 0.1);
    }

    @Test
    void flatRegionsAndMismatchesAreHandled() {
        double[] fused = RegionFusion.combine(new double[][] {{1, 1, 1}, {0, 2, 0}}, new double[] {0.5, 0.5});
        assertThat(fused[1] - fused[0]).isCloseTo(0.5 * 2 / Math.sqrt(8.0 / 9), within(1e-12));
        assertThat(RegionFusion.combine(new double[0][], new double[0])).isEmpty();
        assertThatThrownBy(() -> RegionFusion.combine(new double[][] {{1, 2}, {1}}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionFusion.combine(new double[][] {{1}}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
