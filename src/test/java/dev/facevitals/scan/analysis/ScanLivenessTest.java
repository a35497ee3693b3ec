package dev.facevitals.scan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanLivenessTest {

    @Test
    void withAPulseTheFramesProbabilityIsTheScore() {
        assertThat(ScanLiveness.combine(0.93, true)).isEqualTo(0.93);
        assertThat(ScanLiveness.combine(0.2, true)).isEqualTo(0.2);
    }

    @Test
    void withoutAPulseTheScoreStaysBelowTheLiveThreshold() {
        assertThat(ScanLiveness.combine(0.93, false)).isEqualTo(ScanLiveness.NO_PULSE_CAP).isLessThan(0.5);
        assertThat(ScanLiveness.combine(0.2, false)).isEqualTo(0.2);
    }

    @Test
    void aFrameThatCouldNotBeJudgedGivesNoScore() {
        assertThat(ScanLiveness.combine(null, true)).isNull();
        assertThat(ScanLiveness.combine(Double.NaN, false)).isNull();
    }

    @Test
    void probabilitiesOutsideZeroToOneAreClamped() {
        assertThat(ScanLiveness.combine(1.2, true)).isEqualTo(1.0);
        assertThat(ScanLiveness.combine(-0.1, true)).isEqualTo(0.0);
    }
}
