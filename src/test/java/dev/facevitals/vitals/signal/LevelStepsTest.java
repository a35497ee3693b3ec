package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LevelStepsTest {

    static final double FS = 30;
    static final int N = 1800;
    static final double[] STEP_SEC = {7.3, 15.0, 26.4, 41.9};
    static final double[] STEP_SIZE = {0.05, -0.03, 0.02, -0.06};

    /** A pulse (0.3 % at 1.2 Hz) on seeded noise (0.05 %), relative to the level. */
    static double[] pulse(long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 0.0015 * Math.sin(2 * Math.PI * 1.2 * i / FS) + 0.0005 * rnd.nextGaussian();
        }
        return x;
    }

    /** The auto-exposure gain: steps settling exponentially (time constant 0.2 s), as the clip generator's. */
    static double gain(int i) {
        return ExposureRamp.gain(i / FS, STEP_SEC, STEP_SIZE);
    }

    @Test
    void exposureStepsAreFoundWhereTheyAre() {
        double[] common = pulse(1);
        for (int i = 0; i < N; i++) {
            common[i] = gain(i) * (1 + common[i]) - 1;
        }
        int[] steps = LevelSteps.detect(common, FS);
        assertThat(steps).hasSize(STEP_SEC.length);
        java.util.Arrays.sort(steps);
        for (int s = 0; s < steps.length; s++) {
            // where the ramp lies between the fits: a few tenths of a second after it starts
            assertThat(steps[s] / FS - STEP_SEC[s]).isBetween(-0.1, 0.4);
        }
    }

    @Test
    void pulseNoiseSlowShadingAndWanderingLightAreNoSteps() {
        assertThat(LevelSteps.detect(pulse(2), FS)).isEmpty();
        double[] shading = pulse(3);
        for (int i = 0; i < N; i++) {
            shading[i] += 0.02 * Math.sin(2 * Math.PI * 0.3 * i / FS); // a turning head under a side light
        }
        assertThat(LevelSteps.detect(shading, FS)).isEmpty();
        assertThat(LevelSteps.detect(new double[40], FS)).isEmpty();
        for (long seed = 1; seed <= 5; seed++) {
            double[] wander = pulse(20 + seed);
            Random rnd = new Random(seed);
            double level = 0;
            for (int i = 0; i < N; i++) {
                level += 0.003 * rnd.nextGaussian(); // light wandering at random, 0.3 % a frame
                wander[i] += level;
            }
            assertThat(LevelSteps.detect(wander, FS)).as("seed %d", seed).isEmpty();
        }
    }

    /**
     * Three traces at levels 150, 120 and 90 with the same gain steps and their own pulses. What matters to the
     * pulse is what changes fast: the error against level times (1 + pulse), less its own moving mean over 2 s
     * (an offset left after a step is the detrend's to take), is under a fifth of the pulse's amplitude after
     * removal and more than twice the pulse's amplitude before.
     */
    @Test
    void stepsAreTakenOutOfEveryTrace() {
        double[] levels = {150, 120, 90};
        double[][] clean = new double[3][];
        double[][] traces = new double[3][N];
        double[] common = new double[N];
        for (int k = 0; k < 3; k++) {
            clean[k] = pulse(10 + k);
            for (int i = 0; i < N; i++) {
                traces[k][i] = levels[k] * gain(i) * (1 + clean[k][i]);
                common[i] += (traces[k][i] / levels[k] - 1) / 3;
            }
        }
        double[][] before = new double[3][];
        for (int k = 0; k < 3; k++) {
            before[k] = traces[k].clone();
        }
        LevelSteps.remove(traces, common, LevelSteps.detect(common, FS), FS);
        for (int k = 0; k < 3; k++) {
            assertThat(fastError(traces[k], clean[k], levels[k])).as("trace %d", k).isLessThan(0.0003);
            assertThat(fastError(before[k], clean[k], levels[k])).as("trace %d before", k).isGreaterThan(0.003);
        }
    }

    /** RMS of the relative error less its centred moving mean over 2 s. */
    static double fastError(double[] x, double[] pulse, double level) {
        double[] e = new double[N];
        for (int i = 0; i < N; i++) {
            e[i] = x[i] / level - 1 - pulse[i];
        }
        int half = (int) FS;
        double sum = 0;
        for (int i = half; i < N - half; i++) {
            double mean = 0;
            for (int j = i - half; j <= i + half; j++) {
                mean += e[j] / (2 * half + 1);
            }
            sum += (e[i] - mean) * (e[i] - mean);
        }
        return Math.sqrt(sum / (N - 2 * half));
    }
}
