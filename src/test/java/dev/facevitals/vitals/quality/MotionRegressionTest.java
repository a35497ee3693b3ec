package dev.facevitals.vitals.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.SosFilter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionRegressionTest {

    private static final double FS = 30;
    private static final int N = 600;
    private static final SosFilter BAND = SosFilter.butterworthBandPass(2, 0.56, 4.6, FS);
    private static final double LAMBDA = Detrend.lambdaForCutoff(0.1, FS);

    /** Amplitude of {@code x} at {@code hz}: twice the magnitude of its projection on that rate's sinusoids. */
    private static double amplitudeAt(double[] x, double hz, int from, int to) {
        double c = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            c += x[i] * Math.cos(2 * Math.PI * hz * i / FS);
            s += x[i] * Math.sin(2 * Math.PI * hz * i / FS);
        }
        return 2 * Math.hypot(c, s) / (to - from);
    }

    /**
     * A face swaying by 4 px at 0.55 Hz on a 200 px face, shading the skin by the square of its sway (a rhythm
     * at 1.1 Hz, five times the pulse), over a pulse at 1.3 Hz: the regression takes the 1.1 Hz rhythm out and
     * leaves the pulse's amplitude (away from the filter's ends, where both are transients).
     */
    @Test
    void takesOutTheSwaysHarmonicAndLeavesThePulse() {
        Random rnd = new Random(1);
        double[] x = new double[N];
        double[] y = new double[N];
        double[] size = new double[N];
        double[] signal = new double[N];
        for (int i = 0; i < N; i++) {
            double t = i / FS;
            double sway = 4 * Math.sin(2 * Math.PI * 0.55 * t);
            x[i] = 320 + sway + 0.3 * rnd.nextGaussian();
            y[i] = 200 + 0.3 * rnd.nextGaussian();
            size[i] = 200 + 0.3 * rnd.nextGaussian();
            double shading = 40 * (sway / 200) * (sway / 200); // 0.016 peak: shading at twice the sway
            signal[i] = 0.003 * Math.sin(2 * Math.PI * 1.3 * t) + shading;
        }
        double[] pulse = BAND.filtfilt(Detrend.smoothnessPriors(signal, LAMBDA));
        double[][] q = MotionRegression.regressors(x, y, size, LAMBDA, BAND);
        assertThat(q).hasNumberOfRows(9);
        double[] rest = MotionRegression.residual(pulse, q);

        int from = 90;
        int to = N - 90;
        assertThat(amplitudeAt(pulse, 1.1, from, to)).isGreaterThan(0.006);
        assertThat(amplitudeAt(rest, 1.1, from, to)).isLessThan(0.0003);
        assertThat(amplitudeAt(rest, 1.3, from, to)).isCloseTo(amplitudeAt(pulse, 1.3, from, to), within(0.0003));
    }

    /** The residual is orthogonal to every regressor, and a signal made of regressors leaves nothing. */
    @Test
    void isTheLeastSquaresResidual() {
        Random rnd = new Random(2);
        double[][] q = new double[4][N];
        for (double[] r : q) {
            for (int i = 0; i < N; i++) {
                r[i] = rnd.nextGaussian() * (1 + 1000 * rnd.nextDouble()); // scales far apart
            }
        }
        double[] noise = new double[N];
        double[] made = new double[N];
        for (int i = 0; i < N; i++) {
            noise[i] = rnd.nextGaussian();
            made[i] = 2 * q[0][i] - 0.001 * q[2][i] + 5 * q[3][i];
        }
        double[] rest = MotionRegression.residual(noise, q);
        for (double[] r : q) {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < N; i++) {
                dot += r[i] * rest[i];
                norm += r[i] * r[i];
            }
            assertThat(dot / Math.sqrt(norm)).isCloseTo(0, within(1e-9));
        }
        for (double v : MotionRegression.residual(made, q)) {
            assertThat(v).isCloseTo(0, within(1e-9));
        }
    }

    /**
     * A face box that does not move gives zero regressors, and one regressor that repeats another adds nothing:
     * both are left out, and the fit on the rest is exact and finite.
     */
    @Test
    void zeroAndRepeatedRegressorsAreLeftOut() {
        Random rnd = new Random(3);
        double[] a = new double[N];
        double[] signal = new double[N];
        for (int i = 0; i < N; i++) {
            a[i] = rnd.nextGaussian();
            signal[i] = 3 * a[i];
        }
        double[][] q = {a, new double[N], a.clone()};
        for (double v : MotionRegression.residual(signal, q)) {
            assertThat(v).isCloseTo(0, within(1e-9));
        }
        double[] still = new double[N];
        java.util.Arrays.fill(still, 100);
        double[][] none = MotionRegression.regressors(still, still, still, LAMBDA, BAND);
        double[] rest = MotionRegression.residual(signal, none);
        for (int i = 0; i < N; i++) {
            assertThat(rest[i]).isEqualTo(signal[i]);
        }
    }
}
