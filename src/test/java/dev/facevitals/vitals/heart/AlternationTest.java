package dev.facevitals.vitals.heart;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AlternationTest {

    static final double FS = 30;

    /**
     * Smooth bumps (Gaussian, 0.08 s wide) every {@code spacing} seconds over 30 s, heights alternating
     * {@code 1} and {@code second}, on a little seeded noise.
     */
    static double[] bumps(double spacing, double second, double noise) {
        int n = (int) (30 * FS);
        double[] x = new double[n];
        Random rnd = new Random(7);
        for (int i = 0; i < n; i++) {
            x[i] = noise * rnd.nextGaussian();
        }
        int k = 0;
        for (double t = 0.5; t < 30; t += spacing, k++) {
            double h = k % 2 == 0 ? 1 : second;
            for (int i = 0; i < n; i++) {
                double d = (i / FS - t) / 0.08;
                x[i] += h * Math.exp(-0.5 * d * d);
            }
        }
        return x;
    }

    @Test
    void equalBeatsDoNotAlternate() {
        assertThat(Alternation.index(bumps(0.8, 1.0, 0), FS, 1.25)).isCloseTo(0, within(0.01));
        assertThat(Alternation.index(bumps(0.8, 1.0, 0.02), FS, 1.25)).isLessThan(0.1);
    }

    /**
     * Systolic and dicrotic peaks in turn (heights 1 and 0.6, evenly spaced at 0.4 s: a 75 bpm heart whose
     * second harmonic is its strongest rhythm): at 150 per minute the index is |1 - 0.6| / 0.8 = 0.5; at the
     * true 75 the beats are the systolic peaks alone and alike.
     */
    @Test
    void systolicAndDicroticPeaksInTurnAlternateAtTwiceTheRate() {
        double[] wave = bumps(0.4, 0.6, 0.02);
        assertThat(Alternation.index(wave, FS, 2.5)).isCloseTo(0.5, within(0.05));
        assertThat(Alternation.index(wave, FS, 1.25)).isLessThan(0.1);
    }

    @Test
    void tooFewBeatsGiveNaN() {
        assertThat(Alternation.index(new double[20], FS, 1.0)).isNaN();
    }
}
