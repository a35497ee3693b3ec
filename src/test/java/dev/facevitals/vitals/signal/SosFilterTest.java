package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SosFilterTest {

    static final double FS = 30;

    /** Analytic magnitude of a bilinear-transformed Butterworth low-pass (prewarped at fc). */
    static double butterworthLowPass(double f, double fc, int order) {
        double r = Math.tan(Math.PI * f / FS) / Math.tan(Math.PI * fc / FS);
        return 1 / Math.sqrt(1 + Math.pow(r, 2 * order));
    }

    /** Slow reference: the difference equation in direct form I, section by section. */
    static double[] naiveFilter(List<Biquad> sections, double[] x) {
        double[] y = x.clone();
        for (Biquad b : sections) {
            double[] in = y.clone();
            for (int i = 0; i < y.length; i++) {
                double v = b.b0() * in[i];
                if (i >= 1) {
                    v += b.b1() * in[i - 1] - b.a1() * y[i - 1];
                }
                if (i >= 2) {
                    v += b.b2() * in[i - 2] - b.a2() * y[i - 2];
                }
                y[i] = v;
            }
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6})
    void designMatchesAnalyticButterworth(int order) {
        SosFilter lp = SosFilter.butterworthLowPass(order, 2.0, FS);
        SosFilter hp = SosFilter.butterworthHighPass(order, 2.0, FS);
        assertThat(lp.sections()).isEqualTo(order / 2);
        for (double f : new double[] {0.1, 0.5, 1.5, 2.0, 3.0, 7.0, 14.0}) {
            double expectedLp = butterworthLowPass(f, 2.0, order);
            assertThat(lp.magnitude(f, FS)).as("lp f=%s", f).isCloseTo(expectedLp, within(1e-9));
            // a Butterworth high-pass is the low-pass with the frequency ratio inverted
            double r = Math.tan(Math.PI * 2.0 / FS) / Math.tan(Math.PI * f / FS);
            double expectedHp = 1 / Math.sqrt(1 + Math.pow(r, 2 * order));
            assertThat(hp.magnitude(f, FS)).as("hp f=%s", f).isCloseTo(expectedHp, within(1e-9));
        }
        assertThat(lp.magnitude(2.0, FS)).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void butterworthQualityFactors() {
        assertThat(SosFilter.butterworthQ(2, 0)).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(SosFilter.butterworthQ(4, 0)).isCloseTo(1.3065630, within(1e-6));
        assertThat(SosFilter.butterworthQ(4, 1)).isCloseTo(0.5411961, within(1e-6));
    }

    @Test
    void causalPassMatchesNaiveDifferenceEquation() {
        Random rnd = new Random(5);
        double[] x = new double[103];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        List<Biquad> sections = List.of(Biquad.highPass(0.6, 0.54, FS), Biquad.lowPass(4, 1.3, FS));
        double[] fast = new SosFilter(sections, 0).filter(x);
        double[] slow = naiveFilter(sections, x);
        for (int i = 0; i < x.length; i++) {
            assertThat(fast[i]).isCloseTo(slow[i], within(1e-12));
        }
    }

    @Test
    void steadyStateSineIsScaledByTheMagnitude() {
        SosFilter bp = SosFilter.butterworthBandPass(4, 0.7, 4.0, FS);
        for (double f : new double[] {0.5, 1.5, 5.0}) {
            double[] y = bp.filter(sine(3000, f));
            assertThat(amplitude(y, 1500, 3000)).as("f=%s", f).isCloseTo(bp.magnitude(f, FS), within(2e-3));
        }
    }

    @Test
    void forwardBackwardHasZeroPhaseAndSquaredMagnitude() {
        SosFilter bp = SosFilter.butterworthBandPass(4, 0.56, 4.6, FS);
        double f = 1.1;
        double[] x = sine(900, f);
        double[] y = bp.filtfilt(x);
        double gain = Math.pow(bp.magnitude(f, FS), 2);
        // in the middle the output is the input scaled, with no shift
        for (int i = 300; i < 600; i++) {
            assertThat(y[i]).isCloseTo(gain * x[i], within(0.01));
        }
        assertThat(amplitude(bp.filtfilt(sine(900, 0.1)), 300, 600)).isLessThan(0.01);
        assertThat(amplitude(bp.filtfilt(sine(900, 9)), 300, 600)).isLessThan(0.01);
    }

    @Test
    void awkwardLengthsAndBadDesigns() {
        SosFilter bp = SosFilter.butterworthBandPass(2, 0.7, 4, FS);
        assertThat(bp.filtfilt(new double[0])).isEmpty();
        assertThat(bp.filtfilt(new double[] {1})).hasSize(1);
        assertThat(bp.filtfilt(new double[] {1, 2})).hasSize(2);
        assertThat(bp.filtfilt(new double[] {1, 2, 3})).hasSize(3).doesNotContain(Double.NaN);
        assertThatThrownBy(() -> SosFilter.butterworthLowPass(3, 1, FS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SosFilter.butterworthLowPass(2, 15, FS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SosFilter.butterworthBandPass(2, 4, 1, FS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] sine(int n, double f) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * f * i / FS);
        }
        return x;
    }

    private static double amplitude(double[] y, int from, int to) {
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += y[i] * y[i];
        }
        return Math.sqrt(2 * ss / (to - from));
    }
}
