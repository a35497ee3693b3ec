package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void lineThroughAStretchOfAStraightLineIsThatLine() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 - 0.25 * i + (i % 2 == 0 ? 0.1 : -0.1); // a line with alternating +-0.1 about it
        }
        double[] fit = Stats.line(x, 4, 12); // eight values; the wiggle tilts the fit by 0.1 * (-4) / 42
        assertThat(fit[1]).isCloseTo(-0.25 - 0.2 / 21.0, within(1e-12));
        assertThat(fit[0] + fit[1] * 7.5).isCloseTo(3 - 0.25 * 7.5, within(1e-12)); // through the centre
        assertThat(Stats.line(new double[] {1, 3, 5, 7}, 0, 4)).containsExactly(new double[] {1, 2}, within(1e-12));
        assertThat(Stats.line(new double[] {5}, 0, 1)).containsExactly(5, 0);
        assertThat(Stats.line(new double[] {5}, 0, 0)[0]).isNaN();
    }

    @Test
    void basics() {
        double[] x = {1, 2, 3, 4};
        assertThat(Stats.mean(x)).isEqualTo(2.5);
        assertThat(Stats.variance(x, 0, 4)).isCloseTo(1.25, within(1e-12));
        assertThat(Stats.std(x)).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(Stats.rms(new double[] {3, -3})).isEqualTo(3);
        assertThat(Stats.median(x)).isEqualTo(2.5);
        assertThat(Stats.median(new double[] {5, Double.NaN, 1, 3})).isEqualTo(3);
        assertThat(Stats.median(x, 1, 4)).isEqualTo(3);
        assertThat(Stats.centred(x)).containsExactly(-1.5, -0.5, 0.5, 1.5);
        assertThat(Stats.allFinite(new double[] {1, Double.NaN}, 0, 1)).isTrue();
        assertThat(Stats.allFinite(new double[] {1, Double.NaN}, 0, 2)).isFalse();
    }

    @Test
    void emptyGivesNan() {
        assertThat(Stats.mean(new double[0])).isNaN();
        assertThat(Stats.std(new double[0])).isNaN();
        assertThat(Stats.rms(new double[0])).isNaN();
        assertThat(Stats.median(new double[] {Double.NaN})).isNaN();
    }
}
