package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FftTest {

    /** Slow reference: the DFT straight from its definition. */
    static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                outRe[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                outIm[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        return new double[][] {outRe, outIm};
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 12, 64, 103, 128, 1000})
    void forwardMatchesNaiveDft(int n) {
        Random rnd = new Random(42 + n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[][] expected = naiveDft(re, im);
        Fft.forward(re, im);
        double tol = 1e-9 * Math.max(1, n);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).as("re[%d] of n=%d", k, n).isCloseTo(expected[0][k], within(tol));
            assertThat(im[k]).as("im[%d] of n=%d", k, n).isCloseTo(expected[1][k], within(tol));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 103, 999})
    void inverseUndoesForward(int n) {
        Random rnd = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextDouble();
            im[i] = rnd.nextDouble() - 0.5;
        }
        double[] re0 = re.clone();
        double[] im0 = im.clone();
        Fft.forward(re, im);
        Fft.inverse(re, im);
        for (int i = 0; i < n; i++) {
            assertThat(re[i]).isCloseTo(re0[i], within(1e-10));
            assertThat(im[i]).isCloseTo(im0[i], within(1e-10));
        }
    }

    @Test
    void pureToneLandsInItsBin() {
        int n = 103;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * 5 * i / n);
        }
        Fft.forward(re, im);
        assertThat(re[5]).isCloseTo(n / 2.0, within(1e-9));
        assertThat(re[n - 5]).isCloseTo(n / 2.0, within(1e-9));
        assertThat(Math.abs(re[6]) + Math.abs(im[6])).isLessThan(1e-9);
    }

    @Test
    void emptyInputIsFine() {
        double[] re = new double[0];
        double[] im = new double[0];
        Fft.forward(re, im);
        Fft.inverse(re, im);
        assertThat(re).isEmpty();
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThatThrownBy(() -> Fft.forward(new double[4], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextPowerOfTwo() {
        assertThat(Fft.nextPowerOfTwo(0)).isEqualTo(1);
        assertThat(Fft.nextPowerOfTwo(1)).isEqualTo(1);
        assertThat(Fft.nextPowerOfTwo(2)).isEqualTo(2);
        assertThat(Fft.nextPowerOfTwo(3)).isEqualTo(4);
        assertThat(Fft.nextPowerOfTwo(1025)).isEqualTo(2048);
    }
}
