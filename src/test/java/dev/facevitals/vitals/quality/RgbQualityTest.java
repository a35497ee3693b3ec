package dev.facevitals.vitals.quality;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RgbQualityTest {

    static final double FS = 30;
    static final int N = 900;

    static double[] constant(double v) {
        double[] x = new double[N];
        java.util.Arrays.fill(x, v);
        return x;
    }

    /** A 2 px sway at 1.2 Hz on a 200 px face: (2 / sqrt 2) / 200 at that rate, nothing at 2.0 Hz. */
    @Test
    void motionAtRateIsTheSwayAtThatRateOnly() {
        double fs = 30;
        int n = 900;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 320 + 2 * Math.sin(2 * Math.PI * 1.2 * i / fs);
            y[i] = 240;
            size[i] = 200;
        }
        assertThat(RgbQuality.motionAtRate(x, y, size, fs, 1.2, 0.05)).isCloseTo(2 / Math.sqrt(2) / 200,
                within(0.0005));
        assertThat(RgbQuality.motionAtRate(x, y, size, fs, 2.0, 0.05)).isLessThan(0.0002);
        assertThat(RgbQuality.motionAtRate(new double[2], new double[2], new double[2], fs, 1.2, 0.05)).isZero();
    }

    /**
     * A 3 px sideways sway at 0.3 Hz on a 200 px face: the sway ratio is the sway's RMS over the size,
     * (3 / sqrt 2) / 200; a sway at pulse rates (1.2 Hz) lies outside the breathing band.
     */
    @Test
    void swayRatioIsTheSidewaysMotionInTheBreathingBand() {
        double[] x = new double[N];
        double[] fast = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 320 + 3 * Math.sin(2 * Math.PI * 0.3 * i / FS);
            fast[i] = 320 + 3 * Math.sin(2 * Math.PI * 1.2 * i / FS);
        }
        double[] size = constant(200);
        assertThat(RgbQuality.swayRatio(x, size, FS, 0.1, 0.7)).isCloseTo(3 / Math.sqrt(2) / 200, within(0.0005));
        assertThat(RgbQuality.swayRatio(constant(320), size, FS, 0.1, 0.7)).isLessThan(1e-9);
        assertThat(RgbQuality.swayRatio(fast, size, FS, 0.1, 0.7)).isLessThan(0.001);
        assertThat(RgbQuality.swayRatio(new double[2], new double[2], FS, 0.1, 0.7)).isZero();
    }

    @Test
    void shakingAtPulseRatesIsMeasuredAsAFractionOfFaceSize() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 320 + 10 * Math.sin(2 * Math.PI * 1.3 * i / FS);
        }
        double ratio = RgbQuality.motionRatio(x, constant(200), constant(200), FS, 0.7, 4.0);
        assertThat(ratio).isCloseTo(10 / Math.sqrt(2) / 200, within(0.003));
    }

    @Test
    void breathingSwayAndDetectorJitterAreSmall() {
        Random rnd = new Random(1);
        double[] x = new double[N];
        double[] y = new double[N];
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 320 + 0.5 * rnd.nextGaussian() + 0.01 * i;
            y[i] = 200 + 6 * Math.sin(2 * Math.PI * 0.25 * i / FS) + 0.5 * rnd.nextGaussian();
            s[i] = 200 + 0.5 * rnd.nextGaussian();
        }
        assertThat(RgbQuality.motionRatio(x, y, s, FS, 0.7, 4.0)).isLessThan(0.005);
    }

    @Test
    void motionAwkwardLengths() {
        for (int n : new int[] {0, 1, 2}) {
            double[] z = new double[n];
            assertThat(RgbQuality.motionRatio(z, z, z, FS, 0.7, 4.0)).isZero();
        }
        double[] three = {1, 2, 3};
        assertThat(RgbQuality.motionRatio(three, three, new double[] {100, 100, 100}, FS, 0.7, 4.0)).isFinite();
    }

    @Test
    void whiteNoiseGivesTheBandwidthRatio() {
        Random rnd = new Random(2);
        double[][] ch = new double[3][N * 2];
        for (double[] c : ch) {
            for (int i = 0; i < c.length; i++) {
                c[i] = 150 * (1 + 0.001 * rnd.nextGaussian());
            }
        }
        double ratio = RgbQuality.artefactRatio(ch, FS, 0.7, 4.0, 0.04, 450);
        // outside: 0.04..0.7 and 4..15 Hz (11.66 Hz) against 3.3 Hz inside
        assertThat(ratio).isCloseTo(11.66 / 3.3, within(0.6));
    }

    @Test
    void pulseAloneIsInBandAndDriftDoesNotCount() {
        Random rnd = new Random(3);
        double[][] ch = new double[3][N];
        double[][] drifting = new double[3][N];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < N; i++) {
                double v = 150 * (1 + 0.003 * Math.sin(2 * Math.PI * 1.1 * i / FS) + 0.0002 * rnd.nextGaussian());
                ch[c][i] = v;
                drifting[c][i] = v * (1 + 0.002 * i / FS);
            }
        }
        double clean = RgbQuality.artefactRatio(ch, FS, 0.7, 4.0, 0.04, 450);
        assertThat(clean).isLessThan(0.2);
        assertThat(RgbQuality.artefactRatio(drifting, FS, 0.7, 4.0, 0.04, 450)).isLessThan(0.3);
    }

    @Test
    void brightnessStepDominates() {
        double[][] ch = new double[3][N];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < N; i++) {
                ch[c][i] = 150 * (1 + 0.003 * Math.sin(2 * Math.PI * 1.1 * i / FS)) * (i > N / 2 ? 1.1 : 1.0);
            }
        }
        assertThat(RgbQuality.artefactRatio(ch, FS, 0.7, 4.0, 0.04, 450)).isGreaterThan(10);
    }

    @Test
    void nothingInBandGivesNaN() {
        double[][] flat = {constant(100)};
        assertThat(RgbQuality.artefactRatio(flat, FS, 0.7, 4.0, 0.04, 450)).isNaN();
        assertThat(RgbQuality.artefactRatio(new double[][] {new double[N]}, FS, 0.7, 4.0, 0.04, 450)).isNaN();
    }
}
