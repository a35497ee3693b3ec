package dev.facevitals.vitals.hrv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HrvTest {

    @Test
    void handComputedExample() {
        double[] ibi = {800, 850, 780, 900, 820};
        boolean[] all = {true, true, true, true, true};
        Hrv h = Hrv.compute(ibi, all);
        double mean = (800 + 850 + 780 + 900 + 820) / 5.0;
        double ss = 0;
        for (double v : ibi) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(h.sdnnMs()).isCloseTo(Math.sqrt(ss / 4), within(1e-9));
        // successive differences 50, -70, 120, -80
        assertThat(h.rmssdMs()).isCloseTo(Math.sqrt((2500 + 4900 + 14400 + 6400) / 4.0), within(1e-9));
        assertThat(h.pnn50Pct()).isCloseTo(75, within(1e-9)); // exactly 50 ms does not count
        assertThat(h.accepted()).isEqualTo(5);
        assertThat(h.successivePairs()).isEqualTo(4);
    }

    @Test
    void rejectedIntervalBreaksTheChain() {
        double[] ibi = {800, 850, 1700, 900, 820};
        Hrv h = Hrv.compute(ibi, new boolean[] {true, true, false, true, true});
        assertThat(h.accepted()).isEqualTo(4);
        assertThat(h.successivePairs()).isEqualTo(2); // 800-850 and 900-820 only
        assertThat(h.rmssdMs()).isCloseTo(Math.sqrt((2500 + 6400) / 2.0), within(1e-9));
    }

    /** Sinusoidal variability over whole periods: SDNN and RMSSD have closed forms. */
    @Test
    void sinusoidalVariabilityHasKnownValues() {
        int n = 64;
        double a = 50;
        double[] ibi = new double[n];
        boolean[] ok = new boolean[n];
        for (int k = 0; k < n; k++) {
            ibi[k] = 1000 + a * Math.sin(2 * Math.PI * k / 8);
            ok[k] = true;
        }
        Hrv h = Hrv.compute(ibi, ok);
        assertThat(h.sdnnMs()).isCloseTo(a / Math.sqrt(2) * Math.sqrt(n / (n - 1.0)), within(1e-9));
        // differences are 2 a sin(pi/8) cos(...): RMS 2 a sin(pi/8) / sqrt(2) over whole periods; the first
        // difference is missing, so compare loosely
        assertThat(h.rmssdMs()).isCloseTo(2 * a * Math.sin(Math.PI / 8) / Math.sqrt(2), within(0.5));
    }

    @Test
    void tooFewIntervalsGiveNaN() {
        Hrv none = Hrv.compute(new double[0], new boolean[0]);
        assertThat(none.sdnnMs()).isNaN();
        assertThat(none.rmssdMs()).isNaN();
        assertThat(none.pnn50Pct()).isNaN();
        Hrv one = Hrv.compute(new double[] {900}, new boolean[] {true});
        assertThat(one.sdnnMs()).isNaN();
        assertThatThrownBy(() -> Hrv.compute(new double[2], new boolean[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
