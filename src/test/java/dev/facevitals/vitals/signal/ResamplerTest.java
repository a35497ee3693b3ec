package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

    /** Frame times of a variable-rate camera: 30 fps and 24 fps stretches with a few ms of jitter. */
    static double[] vfrTimes(int n, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[n];
        for (int i = 1; i < n; i++) {
            double dt = (i / 45) % 2 == 0 ? 1 / 30.0 : 1 / 24.0;
            t[i] = t[i - 1] + dt + 0.004 * (2 * rnd.nextDouble() - 1);
        }
        return t;
    }

    @Test
    void straightLineIsReproducedExactlyFromIrregularTimes() {
        double[] t = vfrTimes(500, 1);
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = 3 - 0.7 * t[i];
        }
        int m = Resampler.gridLength(t[0], t[t.length - 1], 30);
        double[] y = Resampler.linear(t, x, t[0], 30, m, 0.5);
        for (int j = 0; j < m; j++) {
            assertThat(y[j]).isCloseTo(3 - 0.7 * (t[0] + j / 30.0), within(1e-9));
        }
    }

    @Test
    void sineSampledAtVariableRateComesBackOnTheGrid() {
        double[] t = vfrTimes(900, 2);
        double f = 1.2;
        double[] x = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            x[i] = Math.sin(2 * Math.PI * f * t[i]);
        }
        int m = Resampler.gridLength(0, t[t.length - 1], 30);
        double[] y = Resampler.linear(t, x, 0, 30, m, 0.5);
        // linear interpolation error is at most (omega dt)^2 / 8 with dt up to 46 ms
        double bound = Math.pow(2 * Math.PI * f * 0.046, 2) / 8;
        for (int j = 0; j < m; j++) {
            assertThat(y[j]).isCloseTo(Math.sin(2 * Math.PI * f * j / 30.0), within(bound));
        }
    }

    @Test
    void nanSamplesAndLongStepsBecomeNan() {
        double[] t = {0, 0.1, 0.2, 0.3, 1.5, 1.6};
        double[] x = {0, 1, Double.NaN, 3, 4, 5};
        double[] y = Resampler.linear(t, x, 0, 20, Resampler.gridLength(0, 1.6, 20), 0.5);
        assertThat(y).hasSize(33);
        assertThat(y[0]).isEqualTo(0);
        assertThat(y[1]).isCloseTo(0.5, within(1e-12));
        assertThat(y[2]).isCloseTo(1, within(1e-12));
        assertThat(y[3]).isNaN(); // between 1 and NaN
        assertThat(y[4]).isNaN(); // the NaN sample itself
        assertThat(y[5]).isNaN();
        assertThat(y[6]).isCloseTo(3, within(1e-12));
        assertThat(y[7]).isNaN(); // inside the 1.2 s step
        assertThat(y[29]).isNaN();
        assertThat(y[30]).isCloseTo(4, within(1e-12));
        assertThat(y[32]).isCloseTo(5, within(1e-12));
    }

    @Test
    void gridOutsideTheSamplesIsNan() {
        double[] y = Resampler.linear(new double[] {1, 2}, new double[] {1, 2}, 0, 2, 7, 5);
        assertThat(y[0]).isNaN();
        assertThat(y[1]).isNaN();
        assertThat(y[2]).isEqualTo(1);
        assertThat(y[3]).isCloseTo(1.5, within(1e-12));
        assertThat(y[4]).isEqualTo(2);
        assertThat(y[5]).isNaN();
    }

    @Test
    void awkwardLengths() {
        assertThat(Resampler.linear(new double[0], new double[0], 0, 30, 3, 1)).containsOnly(Double.NaN);
        assertThat(Resampler.linear(new double[] {0}, new double[] {7}, 0, 30, 1, 1)).containsExactly(7.0);
        assertThat(Resampler.gridLength(0, 0, 30)).isEqualTo(1);
        assertThat(Resampler.gridLength(0, 1, 30)).isEqualTo(31);
        assertThat(Resampler.gridLength(1, 0, 30)).isZero();
        assertThatThrownBy(() -> Resampler.linear(new double[2], new double[3], 0, 30, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atReadsBetweenSamplesAndClampsOutside() {
        double[] x = {1, 3, 7};
        assertThat(Resampler.at(x, 0)).isEqualTo(1);
        assertThat(Resampler.at(x, 0.25)).isCloseTo(1.5, within(1e-12));
        assertThat(Resampler.at(x, 1.5)).isCloseTo(5, within(1e-12));
        assertThat(Resampler.at(x, 2)).isEqualTo(7);
        assertThat(Resampler.at(x, -3)).isEqualTo(1);
        assertThat(Resampler.at(x, 9.5)).isEqualTo(7);
        assertThat(Resampler.at(new double[] {4}, 0.5)).isEqualTo(4);
    }
}
