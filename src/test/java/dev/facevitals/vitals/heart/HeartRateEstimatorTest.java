package dev.facevitals.vitals.heart;

import dev.facevitals.vitals.signal.PowerSpectrum;
import dev.facevitals.vitals.signal.Spectra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HeartRateEstimatorTest {

    static final double FS = 30;
    final HeartRateEstimator estimator = new HeartRateEstimator(0.7, 4.0, 0.1, 0.1);

    /** A pulse wave cos + h cos(2x) at {@code bpm} with white noise, 30 s. */
    static double[] wave(double bpm, double harmonic, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[900];
        for (int i = 0; i < x.length; i++) {
            double phi = 2 * Math.PI * bpm / 60 * i / FS + 1.1;
            x[i] = Math.cos(phi) + harmonic * Math.cos(2 * phi) + noise * rnd.nextGaussian();
        }
        return x;
    }

    PowerSpectrum spectrum(double[] x) {
        return Spectra.welch(x, FS, 450, 0.005);
    }

    @ParameterizedTest
    @ValueSource(doubles = {42.5, 55, 63.7, 110, 150, 235})
    void findsTheRateOfASineWellWithinOneBpm(double bpm) {
        HeartRate hr = estimator.estimate(spectrum(wave(bpm, 0, 0.3, 1)));
        assertThat(hr.bpm()).isCloseTo(bpm, within(0.3));
        assertThat(hr.subharmonicChosen()).isFalse();
        assertThat(hr.frequencyHz()).isCloseTo(bpm / 60, within(0.005));
    }

    @Test
    void strongSecondHarmonicIsNotReportedAsTheRate() {
        PowerSpectrum s = spectrum(wave(64, 1.4, 0.2, 2));
        // the spectrum's highest peak really is at twice the rate
        assertThat(s.refinedFrequency(s.highestPeak(0.7, 4.0)) * 60).isCloseTo(128, within(1.0));
        HeartRate hr = estimator.estimate(s);
        assertThat(hr.bpm()).isCloseTo(64, within(0.5));
        assertThat(hr.subharmonicChosen()).isTrue();
    }

    @Test
    void withoutHalvingTheStrongestPeakIsTheRate() {
        PowerSpectrum s = spectrum(wave(64, 1.4, 0.2, 2));
        HeartRate strongest = estimator.withoutHalving(s);
        assertThat(strongest.bpm()).isCloseTo(128, within(1.0));
        assertThat(strongest.subharmonicChosen()).isFalse();
        assertThat(strongest.snrDb()).isEqualTo(estimator.snrDb(s, strongest.frequencyHz()));
        assertThat(estimator.withoutHalving(new PowerSpectrum(new double[101], 0.05))).isNull();
    }

    @Test
    void fastRateWithHarmonicIsNotHalved() {
        HeartRate hr = estimator.estimate(spectrum(wave(110, 0.5, 1.0, 3)));
        assertThat(hr.bpm()).isCloseTo(110, within(1.0));
        assertThat(hr.subharmonicChosen()).isFalse();
    }

    /** The subharmonic rule on a constructed spectrum: bins every 0.05 Hz, floor 0.04, peak 1.0 at 2 Hz. */
    @Test
    void subharmonicMustStandAboveTheNoiseFloorAsWellAsNearThePeak() {
        double[] d = new double[101];
        java.util.Arrays.fill(d, 0.04);
        d[40] = 1.0;
        d[20] = 0.15; // 15% of the peak but under 5 x the floor (0.2): a noise bump
        HeartRate bump = estimator.estimate(new PowerSpectrum(d, 0.05));
        assertThat(bump.frequencyHz()).isCloseTo(2.0, within(0.03));
        assertThat(bump.subharmonicChosen()).isFalse();
        d[20] = 0.25; // now above both: taken for the fundamental
        HeartRate fundamental = estimator.estimate(new PowerSpectrum(d, 0.05));
        assertThat(fundamental.frequencyHz()).isCloseTo(1.0, within(0.03));
        assertThat(fundamental.subharmonicChosen()).isTrue();
        d[20] = 0.09; // under 10% of the peak
        java.util.Arrays.fill(d, 0, 14, 0.001);
        assertThat(estimator.estimate(new PowerSpectrum(d, 0.05)).subharmonicChosen()).isFalse();
    }

    @Test
    void halfBelowTheBandIsNotConsidered() {
        // 70 bpm fundamental, harmonic at 140: half of 70 bpm lies below 42 bpm
        HeartRate hr = estimator.estimate(spectrum(wave(70, 0.2, 0.1, 4)));
        assertThat(hr.bpm()).isCloseTo(70, within(0.5));
        assertThat(hr.subharmonicChosen()).isFalse();
    }

    /** SNR computed by hand on a constructed spectrum: bins every 0.05 Hz from 0 to 5 Hz. */
    @Test
    void snrFollowsDeHaansDefinition() {
        double bin = 0.05;
        double[] d = new double[101];
        java.util.Arrays.fill(d, 0.01);
        d[24] = 1.0; // 1.2 Hz
        d[48] = 0.5; // 2.4 Hz
        PowerSpectrum s = new PowerSpectrum(d, bin);
        // band 0.7..4.0 Hz: bins 14..80 (67 bins); windows +-0.1 Hz around 1.2 and 2.4: 5 bins each
        double signal = 1.0 + 0.5 + 8 * 0.01;
        double noise = (67 - 10) * 0.01;
        assertThat(estimator.snrDb(s, 1.2)).isCloseTo(10 * Math.log10(signal / noise), within(1e-9));
        HeartRate hr = estimator.estimate(s);
        assertThat(hr.frequencyHz()).isCloseTo(1.2, within(0.02));
    }

    @Test
    void snrIsClampedAndNaNWithoutPower() {
        double[] d = new double[101];
        d[24] = 1;
        d[23] = 0.5;
        d[25] = 0.5;
        assertThat(estimator.snrDb(new PowerSpectrum(d, 0.05), 1.2)).isEqualTo(100);
        assertThat(estimator.snrDb(new PowerSpectrum(d, 0.05), 3.0)).isEqualTo(-100);
        assertThat(estimator.snrDb(new PowerSpectrum(new double[101], 0.05), 1.2)).isNaN();
    }

    @Test
    void noiseAloneScoresBelowZeroDb() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[900];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            HeartRate hr = estimator.estimate(spectrum(x));
            assertThat(hr.snrDb()).isLessThan(0);
        }
    }

    /**
     * A steeply falling background (1/f^4, as drift and exposure steps give) with a noise bump at 0.75 Hz
     * (1.5 times the background) and the pulse at 1.7 Hz (8 times its background but far below the bump in
     * absolute terms): the rate is the pulse's, judged against the background at its own frequency, and the
     * SNR is still de Haan's on the raw spectrum (low here: the background's power is mostly near 0.7 Hz).
     */
    @Test
    void aBumpOnTheSteepLowEndDoesNotOutrankTheRealPeak() {
        double bin = 0.01;
        double[] d = new double[600];
        for (int k = 1; k < d.length; k++) {
            double f = k * bin;
            double background = 1 / Math.pow(f, 4);
            double bump = 0.5 * Math.exp(-0.5 * Math.pow((f - 0.75) / 0.02, 2));
            double pulse = 7 * Math.exp(-0.5 * Math.pow((f - 1.7) / 0.02, 2));
            d[k] = background * (1 + bump + pulse);
        }
        PowerSpectrum s = new PowerSpectrum(d, bin);
        assertThat(s.frequency(s.highestPeak(0.7, 4.0))).isCloseTo(0.75, within(0.011));
        HeartRate hr = estimator.estimate(s);
        assertThat(hr.bpm()).isCloseTo(102, within(0.5));
        assertThat(hr.subharmonicChosen()).isFalse();
        assertThat(hr.snrDb()).isCloseTo(estimator.snrDb(s, hr.frequencyHz()), within(1e-12));
    }

    @Test
    void noPeakInBandGivesNull() {
        double[] d = new double[101];
        for (int k = 0; k < d.length; k++) {
            d[k] = 100 - k;
        }
        assertThat(estimator.estimate(new PowerSpectrum(d, 0.05))).isNull();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new HeartRateEstimator(4, 0.7, 0.1, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateEstimator(0.7, 4, 0, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeartRateEstimator(0.7, 4, 0.1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
