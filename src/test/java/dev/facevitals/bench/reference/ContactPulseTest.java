package dev.facevitals.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.synthetic.PulseModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContactPulseTest {

    /** A contact PPG as an oximeter records it: the generator's pulse, jittered sample times, drift and noise. */
    private static double[][] oximeter(PulseModel pulse, double seconds, double rate, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (int) (seconds * rate);
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rate + 0.1 / rate * (r.nextDouble() - 0.5);
            y[i] = 500 + 40 * pulse.bvp(t[i]) + 15 * Math.sin(2 * Math.PI * 0.05 * t[i])
                    + 0.4 * r.nextGaussian();
        }
        return new double[][] {t, y};
    }

    private static PulseModel lively(double bpm, long seed) {
        return new PulseModel(bpm, 0.25, 40, 20, 20, 60, 0.3, new SplittableRandom(seed));
    }

    /** HR, SDNN and RMSSD of beat times. */
    private static double[] stats(double[] beats) {
        double[] ibi = new double[beats.length - 1];
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = 1000 * (beats[i + 1] - beats[i]);
        }
        boolean[] all = new boolean[ibi.length];
        Arrays.fill(all, true);
        ContactPulse.Stats s = new ContactPulse.Beats(beats, ibi, all, false, 1, 30).stats();
        return new double[] {s.heartRateBpm(), s.sdnnMs(), s.rmssdMs()};
    }

    /**
     * Where the noiseless wave's upstroke crosses half-way from its foot (lowest point in the 0.6 mean periods
     * before the crest) to the crest, found on a 0.1 ms grid: the point {@link ContactPulse} times.
     */
    private static double halfRise(PulseModel pulse, double crest, double period) {
        double foot = Double.MAX_VALUE;
        for (double s = crest - 0.6 * period; s <= crest; s += 1e-4) {
            foot = Math.min(foot, pulse.bvp(s));
        }
        double level = 0.5 * (foot + pulse.bvp(crest));
        double s = crest;
        while (pulse.bvp(s) >= level) {
            s -= 1e-4;
        }
        return s + 0.5e-4;
    }

    /** Each detected beat's true half-rise (the crest that follows it within 0.4 s), in order. */
    private static double[] trueHalfRises(ContactPulse.Beats b, PulseModel pulse, double bpm) {
        double[] out = new double[b.timesSec().length];
        for (int i = 0; i < out.length; i++) {
            double t = b.timesSec()[i];
            double[] crest = pulse.peaksBetween(t, t + 0.4);
            assertThat(crest).as("a crest just after the beat at %.3f s", t).hasSize(1);
            out[i] = halfRise(pulse, crest[0], 60 / bpm);
        }
        return out;
    }

    private static double rmsMs(double[] a, double[] b) {
        double ss = 0;
        for (int i = 0; i < a.length; i++) {
            ss += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return 1000 * Math.sqrt(ss / a.length);
    }

    @Test
    void beatsOfThirtyHertzSamplesAreTimedWithinTwoMilliseconds() {
        for (long seed = 1; seed <= 4; seed++) {
            for (double bpm : new double[] {55, 75, 110}) {
                PulseModel pulse = lively(bpm, seed);
                double[][] s = oximeter(pulse, 60, 30, seed);
                ContactPulse.Beats b = ContactPulse.beats(s[0], s[1]);
                ContactPulse.Stats st = b.stats();
                double[] rises = trueHalfRises(b, pulse, bpm);
                double[] want = stats(rises);
                String as = String.format("seed %d, %.0f bpm", seed, bpm);
                assertThat(b.inverted()).isFalse();
                assertThat(st.acceptedShare()).as(as).isEqualTo(1.0);
                assertThat(st.beats()).as(as).isGreaterThanOrEqualTo((int) (58 * bpm / 60));
                assertThat(rmsMs(b.timesSec(), rises)).as(as).isLessThan(2.0);
                assertThat(st.heartRateBpm()).as(as).isCloseTo(want[0], within(0.1));
                assertThat(st.sdnnMs()).as(as).isCloseTo(want[1], within(1.0));
                assertThat(st.rmssdMs()).as(as).isCloseTo(want[2], within(1.5));
                // the generator's crests read 4-7 % less: its upstroke lengthens with the interval
                double[] crests = stats(pulse.peaksBetween(b.timesSec()[0], b.timesSec()[b.timesSec().length - 1]
                        + 0.4));
                assertThat(st.rmssdMs() / crests[2]).as(as).isBetween(1.0, 1.1);
            }
        }
    }

    @Test
    void thirtyHertzTimesTheBeatsAboutAsWellAs256() {
        PulseModel pulse = lively(72, 9);
        double[] errors = new double[2];
        int i = 0;
        for (double rate : new double[] {30, 256}) {
            double[][] s = oximeter(pulse, 60, rate, 9);
            ContactPulse.Beats b = ContactPulse.beats(s[0], s[1]);
            assertThat(b.rateHz()).isCloseTo(rate, within(0.5));
            errors[i++] = rmsMs(b.timesSec(), trueHalfRises(b, pulse, 72));
        }
        assertThat(errors[0]).isLessThan(2.0);
        assertThat(errors[0] - errors[1]).isLessThan(1.0);
    }

    @Test
    void anUpsideDownWaveIsTurnedAndGivesTheSameBeats() {
        PulseModel pulse = lively(80, 3);
        double[][] s = oximeter(pulse, 60, 30, 3);
        ContactPulse.Beats up = ContactPulse.beats(s[0], s[1]);
        double[] flipped = s[1].clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = 1000 - flipped[i];
        }
        ContactPulse.Beats down = ContactPulse.beats(s[0], flipped);
        assertThat(down.inverted()).isTrue();
        assertThat(down.timesSec()).containsExactly(up.timesSec(), within(1e-9));
    }

    @Test
    void aDropoutCostsTheIntervalsAcrossItAndNothingElse() {
        PulseModel pulse = lively(70, 5);
        double[][] s = oximeter(pulse, 60, 30, 5);
        // the finger slips: 2 s of a flat, high reading
        for (int i = 0; i < s[0].length; i++) {
            if (s[0][i] >= 30 && s[0][i] < 32) {
                s[1][i] = 700;
            }
        }
        ContactPulse.Beats clean = ContactPulse.beats(oximeter(pulse, 60, 30, 5)[0], oximeter(pulse, 60, 30, 5)[1]);
        ContactPulse.Beats b = ContactPulse.beats(s[0], s[1]);
        ContactPulse.Stats st = b.stats();
        assertThat(b.inverted()).isFalse();
        assertThat(st.intervals() - st.accepted()).isBetween(1, 4);
        assertThat(st.heartRateBpm()).isCloseTo(clean.stats().heartRateBpm(), within(0.5));
        assertThat(st.rmssdMs()).isCloseTo(clean.stats().rmssdMs(), within(3.0));
    }

    @Test
    void aFrozenReadingCostsTheIntervalsAcrossItAndNothingElse() {
        PulseModel pulse = lively(70, 6);
        double[][] s = oximeter(pulse, 60, 30, 6);
        ContactPulse.Stats clean = ContactPulse.beats(s[0], s[1]).stats();
        // the oximeter repeats its last reading for 1.5 s (within the pulse's own range: no outlier)
        int from = 900;
        for (int i = from; i < from + 45; i++) {
            s[1][i] = s[1][from - 1];
        }
        ContactPulse.Stats st = ContactPulse.beats(s[0], s[1]).stats();
        assertThat(st.intervals() - st.accepted()).isBetween(1, 4);
        assertThat(st.heartRateBpm()).isCloseTo(clean.heartRateBpm(), within(0.5));
        assertThat(st.rmssdMs()).isCloseTo(clean.rmssdMs(), within(3.0));
        // a wave that only rests for a few samples at a time is not frozen
        assertThat(clean.accepted()).isEqualTo(clean.intervals());
    }

    @Test
    void halfASecondOfOneValueIsFrozenAndAFewSamplesAreNot() {
        int fs = 30;
        double[] raw = new double[300];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.round(10 * Math.sin(2 * Math.PI * 1.2 * i / fs));
        }
        Arrays.fill(raw, 100, 116, raw[100]); // 16 samples, 0.53 s
        Arrays.fill(raw, 200, 206, raw[200]); // 6 samples, 0.2 s
        boolean[] bad = ContactPulse.artefacts(raw, raw, fs);
        assertThat(bad[108]).isTrue();
        assertThat(bad[100 - 7]).isTrue(); // a quarter of a second either side
        assertThat(bad[100 - 9]).isFalse();
        assertThat(bad[203]).isFalse();
        assertThat(bad[50]).isFalse();
    }

    @Test
    void repeatedAndUnorderedTimesAreDroppedNotTrusted() {
        PulseModel pulse = lively(65, 2);
        double[][] s = oximeter(pulse, 60, 30, 2);
        ContactPulse.Beats clean = ContactPulse.beats(s[0], s[1]);
        s[0][100] = s[0][99];
        s[0][500] = s[0][400];
        s[1][700] = Double.NaN;
        ContactPulse.Beats b = ContactPulse.beats(s[0], s[1]);
        assertThat(b.stats().heartRateBpm()).isCloseTo(clean.stats().heartRateBpm(), within(0.1));
        assertThat(b.stats().rmssdMs()).isCloseTo(clean.stats().rmssdMs(), within(1.0));
    }

    @Test
    void tooShortARecordingIsRefused() {
        double[][] s = oximeter(lively(70, 1), 3, 30, 1);
        assertThatThrownBy(() -> ContactPulse.beats(s[0], s[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4 s");
        assertThatThrownBy(() -> ContactPulse.beats(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSplinePeakOfASampledCosineIsItsCrest() {
        for (double crest : new double[] {1.000, 1.011, 1.017, 1.029}) {
            double[] t = new double[61];
            double[] y = new double[61];
            for (int i = 0; i < t.length; i++) {
                t[i] = i / 30.0;
                y[i] = Math.cos(2 * Math.PI * 1.2 * (t[i] - crest));
            }
            assertThat(ContactPulse.refine(t, y, crest)).isCloseTo(crest, within(0.0005));
        }
    }

    @Test
    void intervalsFarFromTheirNeighboursAreRejected() {
        double[] ibi = {800, 810, 790, 805, 400, 1200, 800, 795, 810, 790, 3000};
        boolean[] ok = ContactPulse.accept(ibi);
        assertThat(ok).containsExactly(true, true, true, true, false, false, true, true, true, true, false);
    }
}
