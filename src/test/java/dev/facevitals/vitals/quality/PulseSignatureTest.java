package dev.facevitals.vitals.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PulseSignatureTest {

    private static double[] sine(int n, double amp, double phase) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * i / 30.0 + phase);
        }
        return x;
    }

    @Test
    void gainIsTheLeastSquaresScaleAndZeroOnAFlatPulse() {
        double[] p = sine(300, 1, 0);
        assertThat(PulseSignature.gain(sine(300, -0.5, 0), p)).isCloseTo(-0.5, within(1e-12));
        // a quadrature component carries no gain
        assertThat(PulseSignature.gain(sine(300, 2, Math.PI / 2), p)).isCloseTo(0, within(1e-9));
        assertThat(PulseSignature.gain(p, new double[300])).isZero();
    }

    @Test
    void weightedSignatureAndBlueOverGreen() {
        double[] p = sine(300, 1, 0);
        // region 0: blood-like (0.33, 0.77, 0.53); region 1: bluish light (0.4, 0.55, 0.73); region 2 ignored
        double[][] ch = {
                sine(300, 0.33, 0), sine(300, 0.77, 0), sine(300, 0.53, 0),
                sine(300, 0.40, 0), sine(300, 0.55, 0), sine(300, 0.73, 0),
                sine(300, 9, 0), sine(300, 9, 0), sine(300, 99, 0)};
        double[] s = PulseSignature.signature(ch, new double[] {0.75, 0.25, 0}, p);
        assertThat(s[0]).isCloseTo(0.75 * 0.33 + 0.25 * 0.40, within(1e-9));
        assertThat(s[1]).isCloseTo(0.75 * 0.77 + 0.25 * 0.55, within(1e-9));
        assertThat(s[2]).isCloseTo(0.75 * 0.53 + 0.25 * 0.73, within(1e-9));
        assertThat(PulseSignature.blueOverGreen(s)).isCloseTo((0.75 * 0.53 + 0.25 * 0.73) / (0.75 * 0.77 + 0.25 * 0.55),
                within(1e-9));
        double[] light = PulseSignature.signature(ch, new double[] {0, 1, 0}, p);
        assertThat(PulseSignature.blueOverGreen(light)).isCloseTo(0.73 / 0.55, within(1e-9));
        // only the sizes count, not the pulse's sign
        assertThat(PulseSignature.blueOverGreen(new double[] {-0.33, -0.77, -0.53})).isCloseTo(0.53 / 0.77, within(1e-12));
        assertThat(PulseSignature.blueOverGreen(new double[] {0, 0, 1})).isInfinite();
    }
}
