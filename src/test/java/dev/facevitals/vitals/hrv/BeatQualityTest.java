package dev.facevitals.vitals.hrv;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BeatQualityTest {

    static final double FS = 30;

    /** Gaussian beats of varying amplitude on a wandering baseline, plus white noise of the given sd. */
    static double[] beats(double[] times, int n, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            for (int k = 0; k < times.length; k++) {
                double d = t - times[k];
                x[i] += (1 + 0.3 * Math.sin(k)) * Math.exp(-d * d / (2 * 0.1 * 0.1));
            }
            x[i] += 0.5 * Math.sin(2 * Math.PI * 0.2 * t) + noise * rnd.nextGaussian();
        }
        return x;
    }

    static double[] regularTimes(int count, double period) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = 0.5 + k * period + 0.04 * Math.sin(1.7 * k);
        }
        return t;
    }

    @Test
    void identicalBeatsScoreHighDespiteAmplitudeAndBaselineChanges() {
        double[] t = regularTimes(30, 0.85);
        double[] x = beats(t, (int) (27 * FS), 0, 1);
        double snr = BeatQuality.templateSnrDb(x, FS, new Beats(t, new double[30], new double[30]), 1 / 0.85);
        assertThat(snr).isGreaterThan(25);
    }

    @Test
    void snrFallsByAboutSixDbWhenNoiseDoubles() {
        double[] t = regularTimes(60, 0.85);
        Beats b = new Beats(t, new double[60], new double[60]);
        int n = (int) (53 * FS);
        double s1 = BeatQuality.templateSnrDb(beats(t, n, 0.05, 2), FS, b, 1 / 0.85);
        double s2 = BeatQuality.templateSnrDb(beats(t, n, 0.10, 2), FS, b, 1 / 0.85);
        assertThat(s1 - s2).isCloseTo(6.0, within(1.0));
    }

    @Test
    void fewerThanThreeCompleteBeatsGiveNaN() {
        double[] x = beats(new double[] {0.5, 1.3}, 60, 0, 3);
        assertThat(BeatQuality.templateSnrDb(x, FS, new Beats(new double[] {0.5, 1.3}, new double[2],
                new double[2]), 1.2)).isNaN();
        // beats too close to the ends are left out
        assertThat(BeatQuality.templateSnrDb(x, FS, new Beats(new double[] {0.01, 0.5, 1.3, 1.99}, new double[4],
                new double[4]), 1.2)).isNaN();
        assertThat(BeatQuality.templateSnrDb(new double[0], FS, new Beats(new double[0], new double[0],
                new double[0]), 1.2)).isNaN();
    }
}
