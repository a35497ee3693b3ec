package dev.facevitals.vitals.respiration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Random;

import static dev.facevitals.vitals.respiration.RespirationSource.FACE_SIZE;
import static dev.facevitals.vitals.respiration.RespirationSource.FACE_Y;
import static dev.facevitals.vitals.respiration.RespirationSource.RIAV;
import static dev.facevitals.vitals.respiration.RespirationSource.RIFV;
import static dev.facevitals.vitals.respiration.RespirationSource.RIIV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RespirationEstimatorTest {

    static final double FS = 30;
    final RespirationEstimator est = new RespirationEstimator(0.1, 0.7, 0.9, 0.995, 0.05);

    static double[] breathing(double perMinute, double seconds, double noise, long seed) {
        Random rnd = new Random(seed);
        int n = (int) (seconds * FS);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 200 + 2 * Math.sin(2 * Math.PI * perMinute / 60 * i / FS) + noise * rnd.nextGaussian() + 0.02 * i;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {8, 12, 15, 21, 30})
    void steadyBreathingIsFoundWithHighQuality(double perMinute) {
        RespirationEstimate e = est.fromSignal(FACE_Y, breathing(perMinute, 30, 2, 1), FS, 0.7);
        assertThat(e.breathsPerMinute()).isCloseTo(perMinute, within(0.5));
        assertThat(e.quality()).isGreaterThan(0.995);
        assertThat(e.source()).isEqualTo(FACE_Y);
    }

    /** Quality is a false-alarm probability: on noise a lone source passes 0.995 about once in 200. */
    @Test
    void driftOrNoiseAloneIsRarelyBelievedOnItsOwn() {
        int walkBelieved = 0;
        int whiteBelieved = 0;
        for (int seed = 0; seed < 100; seed++) {
            Random rnd = new Random(seed);
            double[] walk = new double[900];
            double[] white = new double[900];
            double level = 0;
            for (int i = 0; i < walk.length; i++) {
                level += rnd.nextGaussian();
                walk[i] = level;
                white[i] = rnd.nextGaussian();
            }
            walkBelieved += est.fuse(List.of(est.fromSignal(FACE_Y, walk, FS, 0.7))).found() ? 1 : 0;
            whiteBelieved += est.fuse(List.of(est.fromSignal(FACE_SIZE, white, FS, 0.7))).found() ? 1 : 0;
        }
        assertThat(walkBelieved).isLessThanOrEqualTo(3);
        assertThat(whiteBelieved).isLessThanOrEqualTo(3);
    }

    @Test
    void beatSeriesWithSinusArrhythmiaGivesTheBreathingRate() {
        // beats at about 72 per minute, intervals modulated at 15 breaths per minute
        double[] t = new double[40];
        double[] ibi = new double[40];
        double now = 0;
        for (int i = 0; i < t.length; i++) {
            ibi[i] = 833 + 50 * Math.sin(2 * Math.PI * 0.25 * now);
            t[i] = now;
            now += ibi[i] / 1000;
        }
        RespirationEstimate e = est.fromBeatSeries(RIFV, t, ibi, 0.45 * 1.2);
        assertThat(e.breathsPerMinute()).isCloseTo(15, within(0.7));
        assertThat(e.quality()).isGreaterThan(0.995);
    }

    @Test
    void rateAboveTheSourcesLimitIsNotReported() {
        RespirationEstimate e = est.fromSignal(FACE_Y, breathing(36, 30, 0.5, 2), FS, 0.45);
        if (e != null) {
            assertThat(e.frequencyHz()).isLessThanOrEqualTo(0.45);
            assertThat(e.quality()).isLessThan(0.9);
        }
    }

    @Test
    void tooShortOrFlatGivesNull() {
        assertThat(est.fromSignal(FACE_Y, new double[0], FS, 0.7)).isNull();
        assertThat(est.fromSignal(FACE_Y, new double[3], FS, 0.7)).isNull();
        assertThat(est.fromSignal(FACE_Y, new double[900], FS, 0.7)).isNull();
        // 8 s of 9 per minute: barely one cycle
        assertThat(est.fromSignal(FACE_Y, breathing(9, 8, 0.1, 3), FS, 0.7)).isNull();
        assertThat(est.fromBeatSeries(RIAV, new double[] {0, 1, 2}, new double[] {1, 2, 3}, 0.5)).isNull();
    }

    @Test
    void fusionAveragesAgreeingSourcesByQuality() {
        RespirationResult r = est.fuse(Arrays.asList(
                new RespirationEstimate(FACE_Y, 0.25, 0.97),
                new RespirationEstimate(RIAV, 0.27, 0.93),
                new RespirationEstimate(FACE_SIZE, 0.5, 0.2),
                null));
        assertThat(r.found()).isTrue();
        assertThat(r.frequencyHz()).isCloseTo((0.25 * 0.97 + 0.27 * 0.93) / 1.9, within(1e-12));
        assertThat(r.quality()).isEqualTo(0.97);
        assertThat(r.used()).hasSize(2);
        assertThat(r.candidates()).hasSize(3);
    }

    @Test
    void loneSourceNeedsSoloQuality() {
        assertThat(est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.99))).found()).isFalse();
        RespirationResult solo = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.999),
                new RespirationEstimate(RIAV, 0.4, 0.95)));
        assertThat(solo.frequencyHz()).isEqualTo(0.25);
        assertThat(est.fuse(List.of()).found()).isFalse();
    }

    @Test
    void corroboratedGroupBeatsAStrongerLoneOne() {
        RespirationResult r = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.2, 0.999),
                new RespirationEstimate(RIAV, 0.3, 0.95), new RespirationEstimate(RIFV, 0.31, 0.92)));
        assertThat(r.frequencyHz()).isCloseTo((0.3 * 0.95 + 0.31 * 0.92) / 1.87, within(1e-12));
    }

    /**
     * Seen on a generated still face (package photo sample1): the head's vertical motion at the true 0.25 Hz,
     * while the box's x and the skin's slow level both peak at twice that.
     */
    @Test
    void aCredibleRateAtHalfTheWinnersIsTheBreathing() {
        RespirationResult r = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.2505, 1.0),
                new RespirationEstimate(FACE_SIZE, 0.5015, 0.9987), new RespirationEstimate(RIIV, 0.4969, 0.9922)));
        assertThat(r.frequencyHz()).isEqualTo(0.2505);
        assertThat(r.used()).extracting(RespirationEstimate::source).containsExactly(FACE_Y);
        // the half must itself be credible: a lone source under the solo quality does not count
        RespirationResult weakHalf = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.2505, 0.99),
                new RespirationEstimate(FACE_SIZE, 0.5015, 0.9987), new RespirationEstimate(RIIV, 0.4969, 0.9922)));
        assertThat(weakHalf.frequencyHz()).isCloseTo(0.4995, within(0.001));
        // and nothing at half: the winner stands
        RespirationResult noHalf = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.33, 1.0),
                new RespirationEstimate(FACE_SIZE, 0.5015, 0.9987), new RespirationEstimate(RIIV, 0.4969, 0.9922)));
        assertThat(noHalf.frequencyHz()).isCloseTo(0.4995, within(0.001));
    }

    /**
     * Seen on a generated still face through VP8 at 0.5 Mbit/s (`call-500k-3`, breathing 21 /min): the head's
     * vertical motion at 21.4 /min, the beat intervals (17 of 32 kept around the key frames) at 11.0, both at
     * quality 1.0. A beat series can show a rhythm at half the breathing, so it takes the half only with a
     * source of the face beside it.
     */
    @Test
    void aBeatSeriesAloneAtHalfTheWinnersRateDoesNotTakeIt() {
        RespirationResult r = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.3567, 1.0),
                new RespirationEstimate(RIIV, 0.665, 0.51), new RespirationEstimate(RIAV, 0.1833, 0.43),
                new RespirationEstimate(RIFV, 0.1833, 1.0)));
        assertThat(r.frequencyHz()).isEqualTo(0.3567);
        assertThat(r.used()).extracting(RespirationEstimate::source).containsExactly(FACE_Y);
        // with the face's size at the half as well, the half is the breathing (though its group weighs less)
        RespirationResult withFace = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.3567, 1.0),
                new RespirationEstimate(RIIV, 0.36, 0.95), new RespirationEstimate(FACE_SIZE, 0.18, 0.92),
                new RespirationEstimate(RIFV, 0.1833, 0.99)));
        assertThat(withFace.frequencyHz()).isCloseTo((0.18 * 0.92 + 0.1833 * 0.99) / 1.91, within(1e-12));
        assertThat(RIFV.fromBeats()).isTrue();
        assertThat(RIAV.fromBeats()).isTrue();
        assertThat(FACE_Y.fromBeats()).isFalse();
        assertThat(RIIV.fromBeats()).isFalse();
    }

    /**
     * Seen on a generated face turning a little under a side light (`motion-quarter-1`): the skin's level at
     * 37.6 /min with quality 1.0 beat the head's vertical motion at the true 15.6 (0.995). Sources that need
     * company count only in a group with another kind of source.
     */
    @Test
    void sourcesThatNeedCompanyDoNotDecideAlone() {
        List<RespirationEstimate> seen = List.of(new RespirationEstimate(FACE_Y, 0.26, 0.995),
                new RespirationEstimate(RIIV, 0.627, 1.0), new RespirationEstimate(RIFV, 0.257, 0.39));
        assertThat(est.fuse(seen).frequencyHz()).isEqualTo(0.627);
        Set<RespirationSource> shading = EnumSet.of(RIIV, RIAV);
        RespirationResult r = est.fuse(seen, shading);
        assertThat(r.frequencyHz()).isEqualTo(0.26);
        assertThat(r.used()).extracting(RespirationEstimate::source).containsExactly(FACE_Y);
        // two of them agreeing are still only the shading
        assertThat(est.fuse(List.of(new RespirationEstimate(RIIV, 0.58, 1.0),
                new RespirationEstimate(RIAV, 0.59, 0.99)), shading).found()).isFalse();
        // beside another kind of source they count, and are averaged in
        RespirationResult together = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.95),
                new RespirationEstimate(RIIV, 0.26, 0.95)), shading);
        assertThat(together.frequencyHz()).isCloseTo(0.255, within(1e-12));
        assertThat(together.used()).hasSize(2);
    }

    /** No rate comes with the reason: nothing clear, a lone source without support, or shading alone. */
    @Test
    void aMissingRateSaysWhy() {
        Set<RespirationSource> shading = EnumSet.of(RIIV, RIAV);
        RespirationResult found = est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.97),
                new RespirationEstimate(RIFV, 0.26, 0.95)), shading);
        assertThat(found.found()).isTrue();
        assertThat(found.shortfall()).isNull();
        // below the least quality (0.9) nothing is credible
        assertThat(est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.85),
                new RespirationEstimate(RIIV, 0.25, 0.6)), shading).shortfall())
                .isEqualTo(RespirationResult.Shortfall.NO_RHYTHM);
        assertThat(est.fuse(List.of()).shortfall()).isEqualTo(RespirationResult.Shortfall.NO_RHYTHM);
        // credible, but alone under the solo quality (0.995) and not agreeing with the other
        assertThat(est.fuse(List.of(new RespirationEstimate(FACE_Y, 0.25, 0.99),
                new RespirationEstimate(FACE_SIZE, 0.4, 0.95)), shading).shortfall())
                .isEqualTo(RespirationResult.Shortfall.UNCONFIRMED);
        // strong enough, but only the shading while the head sways; without the sway it stands
        List<RespirationEstimate> shaded = List.of(new RespirationEstimate(RIIV, 0.58, 1.0),
                new RespirationEstimate(RIAV, 0.59, 0.99), new RespirationEstimate(FACE_Y, 0.3, 0.95));
        assertThat(est.fuse(shaded, shading).shortfall()).isEqualTo(RespirationResult.Shortfall.HEAD_SWAY);
        assertThat(est.fuse(shaded).found()).isTrue();
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new RespirationEstimator(0.7, 0.1, 0.5, 0.8, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RespirationEstimator(0.1, 0.7, 0.9, 0.8, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RespirationEstimator(0.1, 0.7, 0.5, 0.8, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
