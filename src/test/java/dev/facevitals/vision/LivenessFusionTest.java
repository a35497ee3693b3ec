package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LivenessFusionTest {

    @Test
    void softmaxOfKnownLogitsAndOfHugeOnes() {
        // e^2 / (e^2 + e^0) for logits (2, 0)
        assertThat(LivenessFusion.softmax(new float[] {2, 0}, 0)).isCloseTo(Math.exp(2) / (Math.exp(2) + 1),
                within(1e-12));
        assertThat(LivenessFusion.softmax(new float[] {0, 0, 0}, 1)).isCloseTo(1.0 / 3, within(1e-12));
        // naive exp(1000) overflows; shifted by the largest logit it does not
        assertThat(LivenessFusion.softmax(new float[] {1000, 1000}, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(LivenessFusion.softmax(new float[] {-1000, 0}, 0)).isCloseTo(0, within(1e-12));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LivenessFusion.softmax(new float[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fitRecoversTheDirectionOfAKnownLogisticModel() {
        // labels drawn from P(live) = sigmoid(1 - 2 x0 + 0 x1): x0 matters, x1 is noise
        Random r = new Random(11);
        int n = 4000;
        double[][] x = new double[n][2];
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            live[i] = r.nextDouble() < LivenessFusion.sigmoid(1 - 2 * x[i][0]);
        }
        LivenessFusion f = LivenessFusion.fit(x, null, live, 0);
        assertThat(f.modelWeight()).isZero();
        // weights act on standardised features; the scales are about 1 here
        assertThat(f.weights()[0] / f.scales()[0]).isCloseTo(-2, within(0.25));
        assertThat(f.weights()[1]).isCloseTo(0, within(0.15));
        assertThat(f.score(new double[] {0, 0}, 0.5)).isCloseTo(1, within(0.2));
    }

    @Test
    void theModelAloneIsItsLogitAndCalibrationsShiftTheDecision() {
        LivenessFusion m = LivenessFusion.modelOnly(5);
        double z = m.score(new double[5], 0.8);
        assertThat(z).isCloseTo(Math.log(4), within(1e-9));
        assertThat(LivenessFusion.probability(z, LivenessFusion.Calibration.REGULAR)).isCloseTo(0.8, within(1e-9));
        // HARDENED asks for 4:1 odds: a face the model gives 0.8 sits exactly on the line
        assertThat(LivenessFusion.probability(z, LivenessFusion.Calibration.HARDENED)).isCloseTo(0.5, within(1e-9));
        assertThat(LivenessFusion.logit(1.0)).isCloseTo(Math.log(9999), within(1e-6));
    }
}
