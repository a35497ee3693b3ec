package dev.facevitals.vitals.hrv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StressIndexTest {

    @Test
    void handComputedExample() {
        // bins [800, 850): 5 intervals, [900, 950): 1 -> Mo 0.825 s, AMo 83.3 %, MxDMn 0.1 s
        double[] nn = {800, 810, 820, 830, 840, 900};
        double expected = (500.0 / 6) / (2 * 0.825 * 0.1);
        assertThat(StressIndex.baevsky(nn)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void tieGoesToTheShorterIntervals() {
        double[] nn = {700, 710, 905, 910};
        // bins [700, 750) and [900, 950) both hold 2: Mo is 0.725 s
        double expected = 50.0 / (2 * 0.725 * 0.21);
        assertThat(StressIndex.baevsky(nn)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void narrowerDistributionMeansHigherStress() {
        double[] relaxed = new double[60];
        double[] stressed = new double[60];
        for (int i = 0; i < 60; i++) {
            relaxed[i] = 1000 + 120 * Math.sin(i * 0.7);
            stressed[i] = 650 + 15 * Math.sin(i * 0.7);
        }
        assertThat(StressIndex.baevsky(stressed)).isGreaterThan(10 * StressIndex.baevsky(relaxed));
    }

    @Test
    void undefinedCasesGiveNaN() {
        assertThat(StressIndex.baevsky(new double[0])).isNaN();
        assertThat(StressIndex.baevsky(new double[] {800})).isNaN();
        assertThat(StressIndex.baevsky(new double[] {800, 800, 800})).isNaN();
    }
}
