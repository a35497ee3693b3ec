package dev.facevitals.vitals.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vitals.signal.SosFilter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimingNoiseTest {

    private static final double FS = 30;
    private static final double HR_HZ = 70 / 60.0;

    /** Beat times: 70 bpm, 5% respiratory sinus arrhythmia at 0.25 Hz and 20 ms of random scatter. */
    private static double[] beatTimes(long seed, double durationSec) {
        Random rnd = new Random(seed);
        double period = 1 / HR_HZ;
        double[] t = new double[(int) (durationSec / period * 1.3)];
        int n = 0;
        double now = 0.4;
        while (now < durationSec - 0.4 && n < t.length) {
            t[n++] = now;
            now += period * (1 + 0.05 * Math.sin(2 * Math.PI * 0.25 * now)) + 0.020 * rnd.nextGaussian();
        }
        return java.util.Arrays.copyOf(t, n);
    }

    /** A smooth pulse wave peaking at each beat time (systolic bump plus a smaller dicrotic one). */
    private static double[] wave(double[] beats, double durationSec) {
        double[] x = new double[(int) (durationSec * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            for (double b : beats) {
                double d = t - b;
                if (Math.abs(d) < 1.2) {
                    x[i] += Math.exp(-0.5 * (d / 0.09) * (d / 0.09)) + 0.3 * Math.exp(-0.5 * ((d - 0.3) / 0.1)
                            * ((d - 0.3) / 0.1));
                }
            }
        }
        return x;
    }

    /** White noise low-passed at 3.5 times the heart rate, as the engine's beat wave is. */
    private static double[] noise(long seed, int n, double sd) {
        Random rnd = new Random(seed);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = sd * rnd.nextGaussian();
        }
        return SosFilter.butterworthLowPass(4, 3.5 * HR_HZ, FS).filtfilt(e);
    }

    private static Hrv measure(double[] x) {
        Beats b = BeatDetector.detect(x, FS, HR_HZ, 0.6);
        double[] ibi = b.intervalsMs();
        return Hrv.compute(ibi, IntervalFilter.accept(ibi, 0.2, 5));
    }

    private static Hrv truth(double[] beats) {
        double[] ibi = new Beats(beats, new double[beats.length], new double[beats.length]).intervalsMs();
        boolean[] all = new boolean[ibi.length];
        java.util.Arrays.fill(all, true);
        return Hrv.compute(ibi, all);
    }

    private static TimingNoise estimate(double[] x) {
        return TimingNoise.estimate(x, FS, BeatDetector.detect(x, FS, HR_HZ, 0.6), HR_HZ, 0.6, 0.2, 5, 32);
    }

    @Test
    void aCleanWaveHasNoNoiseToTakeOff() {
        double[] beats = beatTimes(1, 60);
        double[] x = wave(beats, 60);
        Hrv raw = measure(x);
        TimingNoise tn = estimate(x);
        assertThat(tn.runs()).isEqualTo(32);
        assertThat(raw.sdnnMs()).isCloseTo(truth(beats).sdnnMs(), within(1.5));
        assertThat(tn.correctSdnn(raw.sdnnMs())).isCloseTo(raw.sdnnMs(), within(1.0));
        assertThat(tn.correctRmssd(raw.rmssdMs())).isCloseTo(raw.rmssdMs(), within(1.5));
        assertThat(tn.timingNoiseMs()).isLessThan(3);
    }

    /**
     * The correction takes off the expected excess; one recording's excess scatters around it (about 70
     * intervals), so the test judges eight recordings together: the corrected values must be unbiased and much
     * closer to the truth than the raw ones.
     */
    @Test
    void noiseThatInflatesSdnnAndRmssdIsTakenOff() {
        int seeds = 8;
        double[] rawErr = new double[2];
        double[] corrErr = new double[2];
        double[] corrBias = new double[2];
        for (long seed = 1; seed <= seeds; seed++) {
            double[] beats = beatTimes(seed, 60);
            double[] x = wave(beats, 60);
            double[] e = noise(100 + seed, x.length, 0.25);
            for (int i = 0; i < x.length; i++) {
                x[i] += e[i];
            }
            Hrv raw = measure(x);
            Hrv t = truth(beats);
            TimingNoise tn = estimate(x);
            assertThat(tn.timingNoiseMs()).isBetween(8.0, 40.0);
            double[] r = {raw.sdnnMs() - t.sdnnMs(), raw.rmssdMs() - t.rmssdMs()};
            double[] c = {tn.correctSdnn(raw.sdnnMs()) - t.sdnnMs(), tn.correctRmssd(raw.rmssdMs()) - t.rmssdMs()};
            for (int m = 0; m < 2; m++) {
                rawErr[m] += Math.abs(r[m]) / seeds;
                corrErr[m] += Math.abs(c[m]) / seeds;
                corrBias[m] += c[m] / seeds;
            }
        }
        // without the correction the noise inflates both (RMSSD most)
        assertThat(rawErr[0]).isGreaterThan(4);
        assertThat(rawErr[1]).isGreaterThan(10);
        for (int m = 0; m < 2; m++) {
            assertThat(corrErr[m]).as(m == 0 ? "SDNN MAE" : "RMSSD MAE").isLessThan(0.5 * rawErr[m]);
            assertThat(corrBias[m]).as(m == 0 ? "SDNN bias" : "RMSSD bias").isCloseTo(0, within(4.0));
        }
    }

    @Test
    void theEstimateIsReproducible() {
        double[] x = wave(beatTimes(4, 40), 40);
        double[] e = noise(7, x.length, 0.1);
        for (int i = 0; i < x.length; i++) {
            x[i] += e[i];
        }
        assertThat(estimate(x)).isEqualTo(estimate(x));
    }

    @Test
    void tooFewBeatsGiveNoEstimateAndNoCorrection() {
        double[] x = wave(new double[] {0.5, 1.4, 2.3}, 3);
        TimingNoise tn = estimate(x);
        assertThat(tn).isEqualTo(TimingNoise.NONE);
        assertThat(tn.correctSdnn(42.0)).isEqualTo(42.0);
        assertThat(tn.correctRmssd(Double.NaN)).isNaN();
        assertThat(tn.rmssdNoiseShare(50)).isNaN();
    }

    @Test
    void noiseWithoutAPulseOrAFlatWaveGiveAnAnswerNotAnException() {
        for (int n : new int[] {120, 1799, 1800, 6001}) {
            double[] e = noise(n, n, 0.3);
            TimingNoise tn = estimate(e);
            assertThat(tn.runs()).isBetween(0, 32);
            assertThat(Double.isFinite(tn.sdnnExcessMs2()) && Double.isFinite(tn.rmssdExcessMs2())).isTrue();
        }
        double[] flat = new double[1800];
        assertThat(estimate(flat)).isEqualTo(TimingNoise.NONE);
    }

    @Test
    void correctionsTakeOffTheExcessInQuadratureAndNeverGoBelowZero() {
        TimingNoise tn = new TimingNoise(700, 1600, 18, 32);
        assertThat(tn.correctSdnn(50)).isCloseTo(Math.sqrt(2500 - 700), within(1e-9));
        assertThat(tn.correctRmssd(50)).isCloseTo(30, within(1e-9));
        assertThat(tn.correctRmssd(30)).isZero();
        assertThat(tn.rmssdNoiseShare(50)).isCloseTo(0.64, within(1e-9));
        // a negative excess (chance) is not added
        assertThat(new TimingNoise(-50, -80, 5, 32).correctSdnn(40)).isEqualTo(40);
    }

    @Test
    void pnn50AndIntervalsShrinkWithTheCorrection() {
        double[] ibi = {800, 870, 790, 860, 800, 880, 810};
        boolean[] all = {true, true, true, true, true, true, true};
        Hrv raw = Hrv.compute(ibi, all);
        assertThat(raw.pnn50Pct()).isEqualTo(100);
        // RMSSD^2 scaled by a quarter: every difference of 70-80 ms becomes 35-40 ms, under 50
        TimingNoise tn = new TimingNoise(0, 0.75 * raw.rmssdMs() * raw.rmssdMs(), 20, 32);
        Hrv c = tn.correct(raw, ibi, all);
        assertThat(c.rmssdMs()).isCloseTo(raw.rmssdMs() / 2, within(1e-9));
        assertThat(c.sdnnMs()).isEqualTo(raw.sdnnMs());
        assertThat(c.pnn50Pct()).isZero();
        assertThat(c.accepted()).isEqualTo(raw.accepted());
        assertThat(TimingNoise.NONE.correct(raw, ibi, all)).isEqualTo(raw);

        TimingNoise half = new TimingNoise(0.75 * raw.sdnnMs() * raw.sdnnMs(), 0, 20, 32);
        double[] shrunk = half.shrinkIntervals(ibi, raw.sdnnMs());
        assertThat(Hrv.compute(shrunk, all).sdnnMs()).isCloseTo(raw.sdnnMs() / 2, within(1e-9));
        assertThat(java.util.Arrays.stream(shrunk).average().orElseThrow())
                .isCloseTo(java.util.Arrays.stream(ibi).average().orElseThrow(), within(1e-9));
    }

    @Test
    void theNoiseFloorDoesNotCountThePulse() {
        int n = 1800;
        double[] x = noise(3, n, 0.05);
        double[] onlyNoise = TimingNoise.noiseFloor(x, FS, HR_HZ);
        for (int i = 0; i < n; i++) {
            x[i] += Math.sin(2 * Math.PI * HR_HZ * i / FS) + 0.5 * Math.sin(2 * Math.PI * 2 * HR_HZ * i / FS);
        }
        double[] withPulse = TimingNoise.noiseFloor(x, FS, HR_HZ);
        double noisePower = 0;
        double floorPower = 0;
        for (int k = 1; k < withPulse.length; k++) {
            noisePower += onlyNoise[k] * onlyNoise[k];
            floorPower += withPulse[k] * withPulse[k];
        }
        // the sines carry 250 times the noise's power; the floor keeps the noise's, within 20%
        assertThat(floorPower / noisePower).isBetween(0.8, 1.2);
    }
}
