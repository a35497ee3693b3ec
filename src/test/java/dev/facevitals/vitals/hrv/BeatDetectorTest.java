package dev.facevitals.vitals.hrv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BeatDetectorTest {

    static final double FS = 30;

    /** Pulse wave whose phase advances one cycle per interval, so its peaks sit exactly on the beat times. */
    static double[] wave(double[] beatTimes, int n, double harmonic) {
        double[] x = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            while (k + 2 < beatTimes.length && beatTimes[k + 1] <= t) {
                k++;
            }
            double phi = 2 * Math.PI * (t - beatTimes[k]) / (beatTimes[k + 1] - beatTimes[k]);
            x[i] = Math.cos(phi) + harmonic * Math.cos(2 * phi);
        }
        return x;
    }

    static double[] beatTimes(double[] intervalsSec, double start) {
        double[] t = new double[intervalsSec.length + 1];
        t[0] = start;
        for (int i = 0; i < intervalsSec.length; i++) {
            t[i + 1] = t[i] + intervalsSec[i];
        }
        return t;
    }

    @Test
    void findsBeatsWithKnownIntervalsToWithinAFewMilliseconds() {
        double[] ibi = new double[40];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = 0.9 + 0.06 * Math.sin(2 * Math.PI * i / 7.0) + (i % 3 == 0 ? 0.02 : -0.01);
        }
        double[] truth = beatTimes(ibi, -0.4);
        int n = (int) (truth[truth.length - 1] * FS);
        Beats beats = BeatDetector.detect(wave(truth, n, 0.3), FS, 1 / 0.9, 0.6);
        // every true beat strictly inside the signal is found once, close to its time
        int expected = 0;
        for (double t : truth) {
            if (t > 0.05 && t < (n - 2) / FS) {
                expected++;
            }
        }
        assertThat(beats.count()).isEqualTo(expected);
        for (double t : beats.peakTimes()) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double u : truth) {
                nearest = Math.min(nearest, Math.abs(u - t));
            }
            assertThat(nearest).isLessThan(0.004);
        }
        assertThat(beats.intervalsMs()).hasSize(expected - 1);
        assertThat(beats.troughValues()[0]).isNaN();
        assertThat(beats.troughValues()[1]).isCloseTo(-1.0 + 0.3 * Math.cos(2 * Math.PI), within(0.4));
        assertThat(beats.peakValues()[1]).isCloseTo(1.3, within(0.02));
    }

    @Test
    void dicroticWaveIsNotCountedAsABeat() {
        // cos + 1.0 cos(2x) has a secondary maximum half-way between beats
        double[] truth = beatTimes(java.util.Collections.nCopies(30, 0.8).stream().mapToDouble(Double::doubleValue)
                .toArray(), -0.3);
        int n = (int) (22 * FS);
        Beats beats = BeatDetector.detect(wave(truth, n, 1.0), FS, 1.25, 0.6);
        for (double ibi : beats.intervalsMs()) {
            assertThat(ibi).isCloseTo(800, within(3.0));
        }
        assertThat(beats.count()).isBetween(26, 28);
    }

    @Test
    void awkwardLengths() {
        for (int n : new int[] {0, 1, 2, 3}) {
            Beats b = BeatDetector.detect(new double[n], FS, 1, 0.6);
            assertThat(b.count()).isZero();
            assertThat(b.intervalsMs()).isEmpty();
        }
        Beats one = BeatDetector.detect(new double[] {0, 1, 0}, FS, 1, 0.6);
        assertThat(one.count()).isEqualTo(1);
        assertThat(one.peakTimes()[0]).isCloseTo(1 / FS, within(1e-12));
        assertThatThrownBy(() -> BeatDetector.detect(new double[3], FS, 0, 0.6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
