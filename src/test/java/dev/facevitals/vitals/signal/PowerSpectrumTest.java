package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PowerSpectrumTest {

    @Test
    void gaussianPeakIsLocatedExactlyBetweenBins() {
        double bin = 0.1;
        double centre = 1.234;
        double[] d = new double[40];
        for (int k = 0; k < d.length; k++) {
            double f = k * bin;
            d[k] = Math.exp(-(f - centre) * (f - centre) / (2 * 0.05 * 0.05));
        }
        PowerSpectrum s = new PowerSpectrum(d, bin);
        int k = s.highestPeak(0.5, 3);
        assertThat(k).isEqualTo(12);
        assertThat(s.refinedFrequency(k)).isCloseTo(centre, within(1e-9));
    }

    @Test
    void slopeRisingIntoTheBandIsNoPeak() {
        double[] d = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        PowerSpectrum s = new PowerSpectrum(d, 1);
        assertThat(s.highestPeak(2, 7)).isEqualTo(-1);
    }

    @Test
    void highestOfSeveralPeaksWins() {
        double[] d = {0, 1, 0, 3, 0, 2, 0, 5, 0};
        PowerSpectrum s = new PowerSpectrum(d, 1);
        assertThat(s.highestPeak(0, 6)).isEqualTo(3);
        assertThat(s.highestPeak(0, 8)).isEqualTo(7);
    }

    @Test
    void bandPowerSumsBinsTimesWidth() {
        PowerSpectrum s = new PowerSpectrum(new double[] {1, 2, 3, 4, 5}, 0.5);
        assertThat(s.bandPower(0.5, 1.5)).isCloseTo((2 + 3 + 4) * 0.5, within(1e-12));
        assertThat(s.bandPower(0.6, 1.4)).isCloseTo(3 * 0.5, within(1e-12));
        assertThat(s.bandPower(2, 1)).isZero();
        assertThat(s.binAtOrAbove(0.51)).isEqualTo(2);
        assertThat(s.binAtOrBelow(0.99)).isEqualTo(1);
        assertThat(s.binAtOrBelow(99)).isEqualTo(4);
    }

    @Test
    void rejectsNonPositiveBin() {
        assertThatThrownBy(() -> new PowerSpectrum(new double[3], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
