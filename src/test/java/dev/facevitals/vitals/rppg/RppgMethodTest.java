package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.heart.HeartRate;
import dev.facevitals.vitals.heart.HeartRateEstimator;
import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Spectra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RppgMethodTest {

    static final double FS = 30;
    static final int N = 900;

    static RppgMethod method(PulseMethod kind) {
        return kind.create(1.6, 0.56, 4.6);
    }

    /** The engine's chain after the method: detrend, band-pass, Welch, spectral peak. */
    static HeartRate heartRate(double[] pulse) {
        double[] p = SosFilter.butterworthBandPass(4, 0.56, 4.6, FS)
                .filtfilt(Detrend.smoothnessPriors(pulse, Detrend.lambdaForCutoff(0.04, FS)));
        return new HeartRateEstimator(0.7, 4.0, 0.1, 0.3).estimate(Spectra.welch(p, FS, 450, 0.005));
    }

    @ParameterizedTest
    @CsvSource({"GREEN,55", "GREEN,110", "CHROM,55", "CHROM,110", "POS,55", "POS,110", "PBV,55", "PBV,110"})
    void recoversHeartRateWithinOneBpmOnCleanTraces(PulseMethod kind, double bpm) {
        SkinTraces s = SkinTraces.of(N, FS, bpm, 0.003, 0.3, 0.0005, null, 21);
        double[] pulse = method(kind).pulse(s.r, s.g, s.b, FS);
        HeartRate hr = heartRate(pulse);
        assertThat(hr.bpm()).isCloseTo(bpm, within(1.0));
        assertThat(hr.snrDb()).isGreaterThan(5);
    }

    @ParameterizedTest
    @EnumSource(PulseMethod.class)
    void pulseRisesWithBloodVolume(PulseMethod kind) {
        SkinTraces s = SkinTraces.of(N, FS, 72, 0.003, 0.0, 0.0001, null, 3);
        double[] pulse = method(kind).pulse(s.r, s.g, s.b, FS);
        assertThat(method(kind).kind()).isEqualTo(kind);
        assertThat(SkinTraces.correlation(pulse, s.bv, 60, N - 60)).isGreaterThan(0.9);
    }

    @Test
    void posAndChromIgnorePureIntensityChanges() {
        double[] light = SkinTraces.flickeringLight(N, FS, 0.05, 1.3, 0.001, 8);
        SkinTraces s = SkinTraces.of(N, FS, 70, 0.0, 0.0, 0.0, light, 1);
        for (PulseMethod kind : new PulseMethod[] {PulseMethod.POS, PulseMethod.CHROM}) {
            double[] pulse = method(kind).pulse(s.r, s.g, s.b, FS);
            for (double v : pulse) {
                assertThat(v).as("%s", kind).isCloseTo(0, within(1e-9));
            }
        }
        // GREEN passes the intensity change straight through
        double[] green = method(PulseMethod.GREEN).pulse(s.r, s.g, s.b, FS);
        assertThat(dev.facevitals.vitals.signal.Stats.std(green)).isGreaterThan(0.01);
    }

    /**
     * Light flickering at 96 per minute, 10 times the pulse's amplitude, plus a slow walk: POS and CHROM still
     * find 66 bpm; GREEN, which has no way to tell light from blood, reports the flicker.
     */
    @Test
    void largeIntensityChangeDefeatsGreenButNotPosOrChrom() {
        double[] light = SkinTraces.flickeringLight(N, FS, 0.03, 1.6, 0.0005, 5);
        SkinTraces s = SkinTraces.of(N, FS, 66, 0.003, 0.3, 0.0005, light, 5);
        for (PulseMethod kind : new PulseMethod[] {PulseMethod.POS, PulseMethod.CHROM, PulseMethod.PBV}) {
            HeartRate hr = heartRate(method(kind).pulse(s.r, s.g, s.b, FS));
            assertThat(hr.bpm()).as("%s", kind).isCloseTo(66, within(1.0));
        }
        HeartRate green = heartRate(method(PulseMethod.GREEN).pulse(s.r, s.g, s.b, FS));
        assertThat(green.bpm()).isCloseTo(96, within(1.0));
    }

    @ParameterizedTest
    @EnumSource(PulseMethod.class)
    void awkwardLengthsGiveFiniteOutputOfTheSameLength(PulseMethod kind) {
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 47, 103}) {
            SkinTraces s = SkinTraces.of(n, FS, 70, 0.003, 0.3, 0.0005, null, n);
            double[] pulse = method(kind).pulse(s.r, s.g, s.b, FS);
            assertThat(pulse).as("n=%d", n).hasSize(n);
            for (double v : pulse) {
                assertThat(v).isFinite();
            }
        }
        assertThatThrownBy(() -> method(kind).pulse(new double[3], new double[3], new double[2], FS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(PulseMethod.class)
    void darkOrFlatTracesGiveZeros(PulseMethod kind) {
        double[] zero = new double[100];
        double[] flat = new double[100];
        java.util.Arrays.fill(flat, 120);
        assertThat(method(kind).pulse(zero, zero, zero, FS)).containsOnly(0.0);
        assertThat(method(kind).pulse(flat, flat, flat, FS)).containsOnly(0.0);
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new PosMethod(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChromMethod(1.6, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PbvMethod(1.6, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
