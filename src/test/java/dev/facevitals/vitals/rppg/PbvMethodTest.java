package dev.facevitals.vitals.rppg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vitals.heart.HeartRate;
import dev.facevitals.vitals.heart.HeartRateEstimator;
import dev.facevitals.vitals.signal.Spectra;
import org.junit.jupiter.api.Test;

class PbvMethodTest {

    private static final double FS = 30;
    private static final int N = 900;

    @Test
    void weightsHaveUnitGainOnTheSignatureAndNullAnOrthogonalInterferer() {
        double[] p = PbvMethod.SIGNATURE;
        // covariance: a strong interferer along u (orthogonal to the signature) plus a little white noise
        double[] u = {p[1], -p[0], 0};
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q[i][j] = 100 * u[i] * u[j] + (i == j ? 1 : 0);
            }
        }
        double[] w = PbvMethod.weights(q, PbvMethod.SIGNATURE);
        assertThat(w[0] * p[0] + w[1] * p[1] + w[2] * p[2]).isCloseTo(1, within(1e-12));
        assertThat(w[0] * u[0] + w[1] * u[1] + w[2] * u[2]).isCloseTo(0, within(0.01));
        // white noise alone: the matched filter, w proportional to the signature
        double[][] white = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] m = PbvMethod.weights(white, PbvMethod.SIGNATURE);
        double norm = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
        for (int i = 0; i < 3; i++) {
            assertThat(m[i]).isCloseTo(p[i] / norm, within(1e-6));
        }
        assertThat(PbvMethod.weights(new double[3][3], PbvMethod.SIGNATURE)).isNull();
        // another signature gets unit gain in its turn
        double[] other = {0.13, 0.99, 0.05};
        double[] v = PbvMethod.weights(q, other);
        assertThat(v[0] * other[0] + v[1] * other[1] + v[2] * other[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void aSignatureMustBeThreeFiniteValues() {
        assertThatThrownBy(() -> new PbvMethod(1.6, 0.56, 4.6, new double[] {0.3, 0.8}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PbvMethod(1.6, 0.56, 4.6, new double[] {0.3, Double.NaN, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A bluish screen light flickering at 96 per minute, three times the pulse's green amplitude, on a 66 bpm
     * pulse with noise from a fixed seed: the flicker's colour is not the blood's, so PBV projects it out.
     */
    @Test
    void colouredFlickerInsideThePulseBandIsProjectedOut() {
        double[] skin = {185, 135, 115};
        double[] flickerColour = {0.55, 0.75, 1.0};
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        double[] r = new double[N];
        double[] g = new double[N];
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            double t = i / FS;
            double pulse = 0.003 / 0.77 * Math.sin(2 * Math.PI * 1.1 * t);
            double flicker = 0.01 * Math.sin(2 * Math.PI * 1.6 * t);
            double[] c = new double[3];
            for (int k = 0; k < 3; k++) {
                double rel = -pulse * PbvMethod.SIGNATURE[k] + flicker * flickerColour[k];
                c[k] = skin[k] * (1 + rel) + 0.02 * rnd.nextGaussian();
            }
            r[i] = c[0];
            g[i] = c[1];
            b[i] = c[2];
        }
        double[] out = new PbvMethod(1.6, 0.56, 4.6).pulse(r, g, b, FS);
        HeartRate hr = new HeartRateEstimator(0.7, 4.0, 0.1, 0.3).estimate(Spectra.welch(out, FS, 450, 0.005));
        assertThat(hr.bpm()).isCloseTo(66, within(1.0));
        // GREEN sees the flicker
        double[] green = new GreenMethod().pulse(r, g, b, FS);
        HeartRate hg = new HeartRateEstimator(0.7, 4.0, 0.1, 0.3).estimate(Spectra.welch(green, FS, 450, 0.005));
        assertThat(hg.bpm()).isCloseTo(96, within(1.0));
    }
}
