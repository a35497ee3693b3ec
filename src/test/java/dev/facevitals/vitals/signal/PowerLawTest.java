package dev.facevitals.vitals.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerLawTest {

    @Test
    void flatteningRemovesAPowerLaw() {
        double[] d = new double[200];
        for (int k = 1; k < d.length; k++) {
            double f = k * 0.01;
            d[k] = 3 / (f * f);
        }
        PowerSpectrum flat = PowerLaw.flattened(new PowerSpectrum(d, 0.01), 0.1, 1.5, 0.5, 0.1);
        for (int k = 10; k < 150; k++) {
            assertThat(flat.density(k)).isCloseTo(1, within(1e-9));
        }
        assertThat(flat.density(0)).isZero();
    }

    /**
     * A steep 1/f^4 background with a small bump at 0.8 Hz (1.5 times the background) and a real peak at
     * 2.0 Hz (8 times): on the raw spectrum the bump is the highest peak, on the robustly flattened one the
     * real peak is, standing at 8 on a floor of 1; a plain fit is lifted by the peaks.
     */
    @Test
    void robustFlatteningIgnoresThePeaksItDoesNotKnowAbout() {
        double bin = 0.01;
        double[] d = new double[500];
        for (int k = 1; k < d.length; k++) {
            double f = k * bin;
            double background = 2 / Math.pow(f, 4);
            d[k] = background;
            if (k >= 80 && k <= 84) {
                d[k] = 1.5 * background;
            }
            if (k >= 200 && k <= 204) {
                d[k] = 8 * background;
            }
        }
        PowerSpectrum s = new PowerSpectrum(d, bin);
        PowerSpectrum robust = PowerLaw.flattenedRobust(s, 0.7, 4.0, 0.6);
        PowerSpectrum plain = PowerLaw.flattened(s, 0.7, 4.0, Double.NaN, 0);
        assertThat(s.highestPeak(0.7, 4.0)).isEqualTo(80);
        assertThat(robust.highestPeak(0.7, 4.0)).isBetween(200, 204); // a plateau: ties up to rounding
        assertThat(robust.density(150)).isCloseTo(1, within(1e-9));
        assertThat(robust.density(202)).isCloseTo(8, within(1e-7));
        assertThat(robust.density(350)).isCloseTo(1, within(1e-9));
        assertThat(plain.density(150)).isLessThan(0.99);
        assertThatThrownBy(() -> PowerLaw.flattenedRobust(s, 0.7, 4.0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
