package dev.facevitals.vitals.signal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DetrendTest {

    /** Slow reference: build I + lambda^2 D2'D2 densely and solve by Gaussian elimination with pivoting. */
    static double[] naiveTrend(double[] x, double lambda) {
        int n = x.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            a[i][n] = x[i];
        }
        double l2 = lambda * lambda;
        for (int r = 0; r + 2 < n; r++) {
            double[] d = new double[n];
            d[r] = 1;
            d[r + 1] = -2;
            d[r + 2] = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += l2 * d[i] * d[j];
                }
            }
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double v = a[i][n];
            for (int k = i + 1; k < n; k++) {
                v -= a[i][k] * s[k];
            }
            s[i] = v / a[i][i];
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"3,1", "4,10", "5,2", "10,300", "103,1", "103,50", "103,500"})
    void bandedSolveMatchesDenseReference(int n, double lambda) {
        Random rnd = new Random(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() + 0.05 * i;
        }
        double[] expected = naiveTrend(x, lambda);
        double[] trend = Detrend.trend(x, lambda);
        for (int i = 0; i < n; i++) {
            assertThat(trend[i]).isCloseTo(expected[i], within(1e-8));
        }
    }

    @Test
    void straightLineIsRemovedCompletely() {
        double[] x = new double[900];
        for (int i = 0; i < x.length; i++) {
            x[i] = 120 + 0.01 * i;
        }
        double[] y = Detrend.smoothnessPriors(x, Detrend.lambdaForCutoff(0.04, 30));
        for (double v : y) {
            assertThat(v).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void cutOffBehavesAsDesigned() {
        double fs = 30;
        double lambda = Detrend.lambdaForCutoff(0.1, fs);
        assertThat(amplitudeAfter(1.0, fs, lambda)).isCloseTo(1, within(0.01));
        assertThat(amplitudeAfter(0.1, fs, lambda)).isCloseTo(0.5, within(0.03));
        assertThat(amplitudeAfter(0.02, fs, lambda)).isLessThan(0.05);
    }

    /** Output amplitude in the middle third of a long sine of amplitude 1. */
    private static double amplitudeAfter(double f, double fs, double lambda) {
        int n = 6000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / fs);
        }
        double[] y = Detrend.smoothnessPriors(x, lambda);
        double ss = 0;
        for (int i = n / 3; i < 2 * n / 3; i++) {
            ss += y[i] * y[i];
        }
        return Math.sqrt(2 * ss / (n / 3.0));
    }

    @Test
    void awkwardLengths() {
        assertThat(Detrend.smoothnessPriors(new double[0], 10)).isEmpty();
        assertThat(Detrend.smoothnessPriors(new double[] {5}, 10)).containsExactly(0.0);
        assertThat(Detrend.smoothnessPriors(new double[] {5, 7}, 10)).containsExactly(0.0, 0.0);
        assertThatThrownBy(() -> Detrend.trend(new double[3], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Detrend.lambdaForCutoff(0.04, 30)).isCloseTo(Math.pow(30 / (2 * Math.PI * 0.04), 2), within(1e-6));
    }
}
