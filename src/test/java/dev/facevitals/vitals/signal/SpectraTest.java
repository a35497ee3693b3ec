package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpectraTest {

    static double[] sine(int n, double fs, double f, double amplitude) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * f * i / fs + 0.4);
        }
        return x;
    }

    /** Slow reference: one windowed, mean-removed periodogram evaluated bin by bin from the DFT sum. */
    static double naiveDensity(double[] x, double fs, int nfft, int k) {
        int n = x.length;
        double[] w = Spectra.hann(n);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double re = 0;
        double im = 0;
        double wss = 0;
        for (int i = 0; i < n; i++) {
            double a = -2 * Math.PI * k * i / nfft;
            re += (x[i] - mean) * w[i] * Math.cos(a);
            im += (x[i] - mean) * w[i] * Math.sin(a);
            wss += w[i] * w[i];
        }
        double p = (re * re + im * im) / (fs * wss);
        boolean twin = k != 0 && k != nfft / 2;
        return twin ? 2 * p : p;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 103, 300})
    void singleSegmentMatchesNaivePeriodogram(int n) {
        Random rnd = new Random(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() + 0.01 * i;
        }
        double fs = 30;
        PowerSpectrum s = Spectra.periodogram(x, fs, 0.1);
        int nfft = (int) Math.round(fs / s.binHz());
        assertThat(nfft).isGreaterThanOrEqualTo(Math.max(n, 300));
        assertThat(s.size()).isEqualTo(nfft / 2 + 1);
        for (int k = 0; k < s.size(); k += 7) {
            assertThat(s.density(k)).isCloseTo(naiveDensity(x, fs, nfft, k), within(1e-9));
        }
    }

    /** Welch against the slow reference: the average of naive periodograms of the same segments. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void multiSegmentWelchIsTheAverageOfNaivePeriodograms(int segments) {
        int len = 40;
        int n = len + (segments - 1) * len / 2;
        Random rnd = new Random(segments);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() + Math.sin(0.4 * i);
        }
        double fs = 10;
        PowerSpectrum s = Spectra.welch(x, fs, len, 0.1);
        int nfft = (int) Math.round(fs / s.binHz());
        for (int k = 0; k < s.size(); k += 3) {
            double expected = 0;
            for (int seg = 0; seg < segments; seg++) {
                int start = seg * len / 2;
                expected += naiveDensity(java.util.Arrays.copyOfRange(x, start, start + len), fs, nfft, k);
            }
            assertThat(s.density(k)).as("bin %d", k).isCloseTo(expected / segments, within(1e-9));
        }
    }

    @Test
    void sinePeakAtItsFrequencyWithSubBinAccuracy() {
        double fs = 30;
        for (double f : new double[] {0.917, 1.234, 1.8333, 3.51}) {
            double[] x = sine(900, fs, f, 1);
            PowerSpectrum s = Spectra.welch(x, fs, 450, 0.02);
            int k = s.highestPeak(0.5, 4.5);
            assertThat(s.binHz()).isGreaterThan(0.01);
            assertThat(s.refinedFrequency(k)).as("f=%s", f).isCloseTo(f, within(0.003));
        }
    }

    @Test
    void powerOfSineIsHalfItsAmplitudeSquared() {
        double fs = 30;
        double[] x = sine(1800, fs, 1.3, 2.0);
        PowerSpectrum s = Spectra.welch(x, fs, 450, 0.005);
        assertThat(s.bandPower(1.0, 1.6)).isCloseTo(2.0, within(0.02));
    }

    @Test
    void whiteNoiseDensityIsFlatAndIntegratesToVariance() {
        Random rnd = new Random(7);
        double fs = 30;
        double[] x = new double[6000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * rnd.nextGaussian();
        }
        PowerSpectrum s = Spectra.welch(x, fs, 300, 0.05);
        assertThat(s.bandPower(0, fs / 2)).isCloseTo(0.25, within(0.02));
        // flat: two halves of the band hold about the same power
        assertThat(s.bandPower(1, 7) / s.bandPower(8, 14)).isCloseTo(1.0, within(0.15));
    }

    @Test
    void averagingSegmentsReducesScatter() {
        Random rnd = new Random(11);
        double[] x = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        double single = relativeScatter(Spectra.periodogram(x, 30, 0.01));
        double welch = relativeScatter(Spectra.welch(x, 30, 300, 0.01));
        assertThat(welch).isLessThan(0.5 * single);
    }

    private static double relativeScatter(PowerSpectrum s) {
        int a = s.binAtOrAbove(2);
        int b = s.binAtOrBelow(12);
        double[] v = new double[b - a + 1];
        for (int k = a; k <= b; k++) {
            v[k - a] = s.density(k);
        }
        return Math.sqrt(Stats.variance(v, 0, v.length)) / Stats.mean(v);
    }

    @Test
    void emptyAndSingleSampleGiveZeroSpectrum() {
        PowerSpectrum empty = Spectra.welch(new double[0], 30, 10, 1);
        PowerSpectrum one = Spectra.welch(new double[] {5}, 30, 10, 1);
        assertThat(empty.size()).isPositive();
        for (int k = 0; k < one.size(); k++) {
            assertThat(one.density(k)).isZero();
            assertThat(empty.density(k)).isZero();
        }
    }

    @Test
    void hannWindowIsSymmetricAndPositive() {
        double[] w = Spectra.hann(5);
        assertThat(w[0]).isCloseTo(w[4], within(1e-15)).isPositive();
        assertThat(w[2]).isCloseTo(1, within(1e-15));
        assertThat(Spectra.hann(1)).containsExactly(1.0);
    }
}
