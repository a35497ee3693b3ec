package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GapsTest {

    private static final double N = Double.NaN;

    @Test
    void shortInteriorGapIsInterpolatedLinearly() {
        double[] x = {1, 2, N, N, N, 6, 7};
        assertThat(Gaps.fillShortGaps(x, 3)).isEqualTo(3);
        assertThat(x).containsExactly(new double[] {1, 2, 3, 4, 5, 6, 7}, within(1e-12));
    }

    @Test
    void longGapsAndEdgesStay() {
        double[] x = {N, 1, N, N, N, N, 6, N};
        assertThat(Gaps.fillShortGaps(x, 3)).isZero();
        assertThat(x[0]).isNaN();
        assertThat(x[3]).isNaN();
        assertThat(x[7]).isNaN();
        double[] y = {0, N, 2, N, N, N, N, 7};
        assertThat(Gaps.fillShortGaps(y, 1)).isEqualTo(1);
        assertThat(y[1]).isEqualTo(1);
        assertThat(y[4]).isNaN();
    }

    @Test
    void awkwardLengths() {
        assertThat(Gaps.fillShortGaps(new double[0], 5)).isZero();
        assertThat(Gaps.fillShortGaps(new double[] {N}, 5)).isZero();
        assertThat(Gaps.fillShortGaps(new double[] {1, N, 3}, 0)).isZero();
        double[] three = {1, N, 3};
        assertThat(Gaps.fillShortGaps(three, 1)).isEqualTo(1);
        assertThat(three[1]).isEqualTo(2);
    }

    @Test
    void longestRun() {
        assertThat(Gaps.longestRun(new boolean[0])).containsExactly(0, 0);
        assertThat(Gaps.longestRun(new boolean[] {false, false})).containsExactly(0, 0);
        assertThat(Gaps.longestRun(new boolean[] {true})).containsExactly(0, 1);
        assertThat(Gaps.longestRun(new boolean[] {true, true, false, true, true, true, false}))
                .containsExactly(3, 6);
        // a tie goes to the earlier run
        assertThat(Gaps.longestRun(new boolean[] {true, true, false, true, true})).containsExactly(0, 2);
    }
}
