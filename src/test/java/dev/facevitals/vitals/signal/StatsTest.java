package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

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
