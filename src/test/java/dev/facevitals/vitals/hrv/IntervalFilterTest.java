package dev.facevitals.vitals.hrv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalFilterTest {

    @Test
    void missedAndExtraBeatsAreRejected() {
        double[] ibi = {820, 800, 840, 1640, 810, 830, 400, 420, 805, 815, 790};
        boolean[] ok = IntervalFilter.accept(ibi, 0.2, 5);
        assertThat(ok).containsExactly(true, true, true, false, true, true, false, false, true, true, true);
    }

    @Test
    void normalVariabilityIsKept() {
        double[] ibi = new double[50];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = 900 + 80 * Math.sin(2 * Math.PI * i / 6.0);
        }
        for (boolean b : IntervalFilter.accept(ibi, 0.2, 5)) {
            assertThat(b).isTrue();
        }
    }

    @Test
    void awkwardLengths() {
        assertThat(IntervalFilter.accept(new double[0], 0.2, 5)).isEmpty();
        assertThat(IntervalFilter.accept(new double[] {900}, 0.2, 5)).containsExactly(true);
        // with two intervals the median lies between them: both within 20% of it here
        assertThat(IntervalFilter.accept(new double[] {900, 1100}, 0.2, 5)).containsExactly(true, true);
        assertThatThrownBy(() -> IntervalFilter.accept(new double[1], 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalFilter.accept(new double[1], 0.2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
