package dev.facevitals.vitals.hrv;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    /** Beat times of a heart at 75 bpm with respiratory sinus arrhythmia and a little random variation. */
    private static double[] beatTimesMs(int beats, long seed) {
        Random rnd = new Random(seed);
        double[] t = new double[beats];
        for (int i = 1; i < beats; i++) {
            t[i] = t[i - 1] + 800 + 40 * Math.sin(2 * Math.PI * i / 4.5) + 8 * rnd.nextGaussian();
        }
        return t;
    }

    private static double[] intervals(double[] t) {
        double[] ibi = new double[t.length - 1];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = t[i + 1] - t[i];
        }
        return ibi;
    }

    @Test
    void aDisplacedBeatLosesBothItsIntervals() {
        double[] t = beatTimesMs(80, 11);
        double[] clean = intervals(t);
        boolean[] cleanOk = IntervalFilter.accept(clean, 0.2, 5);
        for (boolean b : cleanOk) {
            assertThat(b).isTrue();
        }
        // a noise bump moves beat 30 by 140 ms: +17.5 % and -17.5 %, inside the 20 % of step 1
        t[30] += 140;
        double[] ibi = intervals(t);
        boolean[] ok = IntervalFilter.accept(ibi, 0.2, 5);
        for (int i = 0; i < ibi.length; i++) {
            assertThat(ok[i]).as("interval %d", i).isEqualTo(i != 29 && i != 30);
        }
        // RMSSD: the displaced beat alone would add a 280 ms difference; without it the clean value is back
        double cleanRmssd = Hrv.compute(clean, cleanOk).rmssdMs();
        assertThat(Hrv.compute(ibi, ok).rmssdMs()).isCloseTo(cleanRmssd, within(0.1 * cleanRmssd));
        // what step 1 alone accepts here: every interval
        boolean[] all = new boolean[ibi.length];
        Arrays.fill(all, true);
        assertThat(Hrv.compute(ibi, all).rmssdMs()).isGreaterThan(1.3 * cleanRmssd);
    }

    @Test
    void aNearlyRegularRhythmKeepsItsBeats() {
        // offsets all within a millisecond: the robust spread is tiny, the floor (5 % of the interval) rules
        Random rnd = new Random(3);
        double[] t = new double[60];
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + 800 + 0.5 * rnd.nextGaussian();
        }
        t[20] += 30;
        boolean[] ok = IntervalFilter.accept(intervals(t), 0.2, 5);
        for (boolean b : ok) {
            assertThat(b).isTrue();
        }
        t[40] += 60;
        ok = IntervalFilter.accept(intervals(t), 0.2, 5);
        for (int i = 0; i < ok.length; i++) {
            assertThat(ok[i]).as("interval %d", i).isEqualTo(i != 39 && i != 40);
        }
    }
}
