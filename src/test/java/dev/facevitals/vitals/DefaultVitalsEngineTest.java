package dev.facevitals.vitals;

import dev.facevitals.vitals.hrv.StressIndex;
import dev.facevitals.vitals.rppg.FusionMode;
import dev.facevitals.vitals.rppg.PulseMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole pipeline on synthetic scans with known answers (see SyntheticScan for the model). */
class DefaultVitalsEngineTest {

    final DefaultVitalsEngine engine = new DefaultVitalsEngine();

    static DefaultVitalsEngine with(PulseMethod method) {
        return new DefaultVitalsEngine(VitalsSettings.DEFAULTS.withMethod(method));
    }

    @ParameterizedTest
    @CsvSource({"GREEN,55", "GREEN,110", "CHROM,55", "CHROM,110", "POS,55", "POS,110"})
    void eachMethodRecoversTheHeartRateOfACleanScanWithinOneBpm(PulseMethod method, double bpm) {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = bpm;
        VitalsResult r = with(method).estimate(scan.build());
        assertThat(r.failure()).isNull();
        assertThat(r.heartRateBpm()).isCloseTo(bpm, within(1.0));
        assertThat(r.pulseSnrDb()).isGreaterThan(VitalsSettings.DEFAULTS.quality().minPulseSnrDb());
        // no breathing in this scan, so no breathing rate, and the result says why (at 55 bpm a noise rhythm
        // in one source passes the least quality, without support)
        assertThat(r.respiratoryRateBpm()).isNull();
        assertThat(r.respirationWithheld()).isIn(VitalsResult.Withheld.NO_BREATHING_RHYTHM,
                VitalsResult.Withheld.BREATHING_UNCONFIRMED);
    }

    /**
     * Noise, drift, a strong dicrotic wave, breathing, variable frame rate with jitter and a 0.3 s face
     * gap at once: heart and breathing rates still come out right.
     */
    @ParameterizedTest
    @ValueSource(doubles = {55, 110})
    void realisticScanGivesHeartAndBreathingRates(double bpm) {
        VitalsAnalysis a = engine.analyse(SyntheticScan.realistic(bpm, 1).build());
        VitalsResult r = a.result();
        assertThat(r.failure()).isNull();
        assertThat(r.heartRateBpm()).isCloseTo(bpm, within(1.0));
        assertThat(r.respiratoryRateBpm()).isNotNull();
        assertThat(r.respiratoryRateBpm()).isCloseTo(15, within(1.0));
        assertThat(a.segmentDurationSec()).isGreaterThan(29.5); // the short gap was bridged
        assertThat(a.respiration().used()).isNotEmpty();
        assertThat(r.respirationWithheld()).isNull();
    }

    /**
     * The head sways sideways at 21 per minute (6 px, shading the skin by 0.2 % as it turns towards the light)
     * while the person breathes at 15 (1 px up and down): a sideways sway is not breathing, so the breathing
     * rate is the 15 of the vertical motion and the pulse, or nothing, never the sway's. (While the face's x
     * position was a source, it and the shading agreed on 21 and won on all three seeds.)
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aSidewaysSwayIsNotTakenForBreathing(long seed) {
        VitalsAnalysis a = engine.analyse(swayingHead(seed, 0.002).build());
        assertThat(a.result().heartRateBpm()).isCloseTo(70, within(1.0));
        Double rr = a.result().respiratoryRateBpm();
        if (rr != null) {
            assertThat(rr).isCloseTo(15, within(1.0));
        }
    }

    /**
     * The same sway with five times the shading (1 %, three times the pulse's amplitude): the skin's level then
     * shows the sway's 21 per minute as clearly as the head's vertical motion shows the breathing's 15, two
     * lone sources of quality 1. While the head sways, the skin's level and the beats' amplitudes count only
     * beside another source, so the breathing rate is 15; with that rule off ({@code maxSway} out of reach)
     * the shading wins.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shadingFromASwayingHeadIsNotTakenForBreathing(long seed) {
        SignalTraces traces = swayingHead(seed, 0.01).build();
        VitalsAnalysis a = engine.analyse(traces);
        assertThat(a.result().heartRateBpm()).isCloseTo(70, within(1.0));
        assertThat(a.result().respiratoryRateBpm()).isCloseTo(15, within(1.0));

        VitalsSettings off = VitalsSettings.DEFAULTS.withRespiration(
                VitalsSettings.DEFAULTS.respiration().withMaxSway(1.0));
        Double without = new DefaultVitalsEngine(off).estimate(traces).respiratoryRateBpm();
        assertThat(without).isCloseTo(21, within(1.0));
    }

    /** A 70 bpm face breathing at 15 (1 px up and down) whose head sways 6 px sideways at 21 per minute. */
    private static SyntheticScan swayingHead(long seed, double shading) {
        SyntheticScan scan = SyntheticScan.realistic(70, seed);
        scan.breathingMotionPx = 1;
        scan.shakePx = 6;
        scan.shakeHz = 0.35;
        scan.shakeShading = shading;
        return scan;
    }

    @ParameterizedTest
    @ValueSource(doubles = {48, 72, 90})
    void strongDicroticWaveIsNotReportedAsTwiceTheRate(double bpm) {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = bpm;
        scan.dicrotic = 0.6;
        scan.dicroticDelay = 0.5;
        VitalsAnalysis a = engine.analyse(scan.build());
        assertThat(a.subharmonicChosen()).isTrue();
        assertThat(a.result().heartRateBpm()).isCloseTo(bpm, within(1.0));
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4})
    void knownVariabilityIsRecovered(long seed) {
        SyntheticScan scan = SyntheticScan.variability(seed);
        VitalsAnalysis a = engine.analyse(scan.build());
        VitalsResult r = a.result();
        double[] truth = scan.trueIntervalsMs(a.segmentStartSec(), a.segmentStartSec() + a.segmentDurationSec());
        assertThat(r.heartRateBpm()).isCloseTo(60000 / mean(truth), within(1.0));
        assertThat(r.sdnnMs()).isCloseTo(sdnn(truth), within(0.10 * sdnn(truth)));
        assertThat(r.rmssdMs()).isCloseTo(rmssd(truth), within(0.15 * rmssd(truth)));
        assertThat(r.pnn50Pct()).isCloseTo(pnn50(truth), within(10.0));
        double si = StressIndex.baevsky(truth);
        assertThat(r.stressIndex()).isCloseTo(si, within(0.3 * si));
        assertThat(a.beatWaves()).hasSize(2).allSatisfy(w -> {
            assertThat(w.gate()).isEqualTo(VitalsAnalysis.HrvGate.PASSED);
            assertThat(w.acceptedIntervals()).isGreaterThan(60);
            assertThat(w.rmssdMs()).isCloseTo(rmssd(truth), within(0.2 * rmssd(truth)));
        });
        assertThat(a.beatWaves()).extracting(VitalsAnalysis.BeatWave::windowSec).containsExactly(
                VitalsSettings.DEFAULTS.pulse().windowSec(), VitalsSettings.DEFAULTS.hrv().beatWindowSec());
        assertThat(r.hrvWithheld()).isNull();
    }

    /**
     * A codec's key frames between predicted frames step every region's level a little (independently), and
     * inter-frame coding moves the beats (on generated video RMSSD read up to 28 ms high, with a key frame every
     * second and every ten seconds alike; this model of the steps is milder). With the decoder's marks, at one
     * key frame a second or one in ten seconds, HRV is withheld as {@code key_frames}, where the same scan
     * unmarked passes every gate: the marks are what withholds it. So it is when the scan is one group of
     * pictures, whose predicted frames the decoder counts. The heart rate is reported either way.
     */
    @Test
    void hrvIsWithheldFromVideoWithPredictedFrames() {
        for (double every : new double[] {1, 10}) {
            SyntheticScan scan = keyFramed(every);
            VitalsAnalysis marked = engine.analyse(scan.build());
            double[] truth = trueIntervals(scan, marked);
            assertThat(marked.result().heartRateBpm()).isCloseTo(60000 / mean(truth), within(1.0));
            assertThat(marked.result().sdnnMs()).isNull();
            assertThat(marked.result().rmssdMs()).isNull();
            assertThat(marked.result().hrvWithheld()).isEqualTo(VitalsResult.Withheld.KEY_FRAMES);
            // withheld on the first beat wave, so the second is not computed
            assertThat(marked.beatWaves()).singleElement().satisfies(w -> assertThat(w.gate())
                    .isEqualTo(VitalsAnalysis.HrvGate.KEY_FRAMES));
            assertThat(marked.summary()).contains("inter-frame coded video");

            scan.markKeyFrames = false;
            VitalsResult unmarked = engine.analyse(scan.build()).result();
            assertThat(unmarked.rmssdMs()).isNotNull();
            assertThat(unmarked.hrvWithheld()).isNull();
        }
        // the whole scan one group of pictures: no key frame after predicted ones, but predicted frames
        SyntheticScan oneGop = SyntheticScan.variability(3);
        oneGop.markPredicted = true;
        VitalsResult r = engine.analyse(oneGop.build()).result();
        assertThat(r.heartRateBpm()).isNotNull();
        assertThat(r.rmssdMs()).isNull();
        assertThat(r.hrvWithheld()).isEqualTo(VitalsResult.Withheld.KEY_FRAMES);
    }

    /**
     * A codec's key frames, one a second, make a line of their own at 1 Hz (here a rhythm at 60 per minute in
     * red alone, as strong as the pulse at 77): POS takes it for the pulse, PBV does not. With the key frames
     * marked POS's rate on their rhythm is withheld, as PBV's peak is elsewhere; unmarked it is reported, which
     * is what the check is for. A pulse at the key frames' own rate, which PBV finds too, stays.
     */
    @Test
    void aRateOnTheKeyFramesRhythmNeedsPbvToAgree() {
        SyntheticScan line = keyFrameLine(77);
        VitalsAnalysis pos = with(PulseMethod.POS).analyse(line.build());
        assertThat(pos.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.KEY_FRAME_RHYTHM);
        assertThat(pos.result().heartRateBpm()).isNull();
        assertThat(pos.result().failure()).isEqualTo(VitalsResult.SignalFailure.PULSE_QUALITY);
        assertThat(60 * pos.heartRateHz()).isCloseTo(60, within(1.0));
        VitalsResult pbv = with(PulseMethod.PBV).analyse(line.build()).result();
        assertThat(pbv.heartRateBpm()).isCloseTo(77, within(1.0));

        line.markKeyFrames = false;
        assertThat(with(PulseMethod.POS).analyse(line.build()).result().heartRateBpm())
                .isCloseTo(60, within(1.0));

        VitalsResult onTheLine = with(PulseMethod.POS).analyse(keyFrameLine(60).build()).result();
        assertThat(onTheLine.heartRateBpm()).isCloseTo(60, within(1.0));
    }

    @Test
    void keyFramesMakeARhythmWhenTheyComeRegularly() {
        double[] everySecond = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5};
        assertThat(DefaultVitalsEngine.keyFrameRateHz(everySecond)).isCloseTo(1.0, within(1e-9));
        // one key frame a little late (a variable frame rate) keeps the rhythm; scene cuts at random do not
        assertThat(DefaultVitalsEngine.keyFrameRateHz(new double[] {0, 2, 4.05, 6, 8, 10})).isCloseTo(0.5,
                within(1e-9));
        assertThat(DefaultVitalsEngine.keyFrameRateHz(new double[] {0, 0.7, 3.1, 3.9, 7.5, 8.0})).isNaN();
        assertThat(DefaultVitalsEngine.keyFrameRateHz(new double[] {0, 1, 2})).isNaN();
        assertThat(DefaultVitalsEngine.keyFrameRateHz(new double[0])).isNaN();

        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 1.05, 0.1)).isTrue();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 1.95, 0.1)).isTrue();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 3.0, 0.1)).isTrue();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 1.28, 0.1)).isFalse();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 0.85, 0.1)).isFalse();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(new double[] {0, 1, 2}, 1.0, 0.1)).isFalse();
        // a key frame every ten seconds: its tenth multiple lies at 1 Hz, but only the first three count
        double[] everyTen = {0, 10, 20, 30, 40, 50};
        assertThat(DefaultVitalsEngine.keyFrameRateHz(everyTen)).isCloseTo(0.1, within(1e-9));
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everyTen, 1.0, 0.1)).isFalse();
        assertThat(DefaultVitalsEngine.onKeyFrameRhythm(everySecond, 4.0, 0.1)).isFalse();
    }

    /** A 30 s scan with its pulse at {@code bpm}, a key frame marked every second and a 1 Hz line in red. */
    private static SyntheticScan keyFrameLine(double bpm) {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = bpm;
        scan.keyFrameEverySec = 1;
        scan.flickerHz = 1;
        scan.flickerAmplitude = 0.003;
        scan.flickerColour = new double[] {1, 0, 0};
        return scan;
    }

    /** {@link SyntheticScan#variability} with a key frame every {@code everySec} seconds stepping each region. */
    private static SyntheticScan keyFramed(double everySec) {
        SyntheticScan scan = SyntheticScan.variability(3);
        scan.keyFrameEverySec = everySec;
        scan.keyFrameStep = 0.002;
        return scan;
    }

    /** The scan's true beat intervals over the stretch the engine analysed, ms. */
    private static double[] trueIntervals(SyntheticScan scan, VitalsAnalysis a) {
        return scan.trueIntervalsMs(a.segmentStartSec(), a.segmentStartSec() + a.segmentDurationSec());
    }

    @Test
    void hrvIsNullWhenTheScanIsShortOrTheBeatsAreNoisy() {
        SyntheticScan shortScan = SyntheticScan.variability(5);
        shortScan.durationSec = 22;
        VitalsAnalysis sa = engine.analyse(shortScan.build());
        VitalsResult s = sa.result();
        assertThat(sa.beatWaves()).extracting(VitalsAnalysis.BeatWave::gate)
                .containsOnly(VitalsAnalysis.HrvGate.TOO_SHORT);
        assertThat(s.heartRateBpm()).isNotNull();
        assertThat(s.sdnnMs()).isNull();
        assertThat(s.rmssdMs()).isNull();
        assertThat(s.pnn50Pct()).isNull();
        assertThat(s.stressIndex()).isNull();
        assertThat(s.hrvWithheld()).isEqualTo(VitalsResult.Withheld.SCAN_TOO_SHORT);

        SyntheticScan noisy = SyntheticScan.variability(5);
        noisy.noise = 0.003;
        VitalsAnalysis n = engine.analyse(noisy.build());
        assertThat(n.result().heartRateBpm()).isCloseTo(68, within(2.0));
        assertThat(n.beatWaves()).filteredOn(w -> w.gate() == VitalsAnalysis.HrvGate.BEAT_SHAPE).isNotEmpty()
                .allSatisfy(w -> assertThat(w.beatSnrDb()).isLessThan(VitalsSettings.DEFAULTS.hrv().minBeatSnrDb()));
        assertThat(n.summary()).contains("beat shapes inconsistent");
        assertThat(n.result().sdnnMs()).isNull();
        assertThat(n.result().stressIndex()).isNull();
        assertThat(n.result().hrvWithheld()).isEqualTo(VitalsResult.Withheld.INCONSISTENT_BEATS);
    }

    /**
     * Noise that leaves the beats usable still moves each by 15-20 ms, which inflates RMSSD by several ms; the
     * engine measures that on the scan and takes it off (TimingNoise). Ten seeded recordings: per scan the
     * correction leaves RMSSD within 30 % of the truth (it errs either way by up to 26 % on these), and over
     * the ten it is clearly closer to the truth than the uncorrected value and about unbiased. (Until the
     * displaced-beat step of IntervalFilter this asserted the closer value per scan on two seeds; that step
     * now removes part of the excess before the correction does, so on single scans either can win.)
     */
    @Test
    void beatTimingNoiseIsTakenOffSdnnAndRmssd() {
        VitalsSettings uncorrected = VitalsSettings.DEFAULTS.withHrv(VitalsSettings.DEFAULTS.hrv().withNoiseRuns(0));
        double rawError = 0;
        double error = 0;
        double bias = 0;
        double sdnnError = 0;
        int scans = 10;
        for (long seed = 1; seed <= scans; seed++) {
            SyntheticScan scan = SyntheticScan.variability(seed);
            scan.noise = 0.001;
            SignalTraces traces = scan.build();
            VitalsAnalysis raw = new DefaultVitalsEngine(uncorrected).analyse(traces);
            VitalsAnalysis a = engine.analyse(traces);
            double[] truth = scan.trueIntervalsMs(a.segmentStartSec(), a.segmentStartSec() + a.segmentDurationSec());
            for (VitalsAnalysis.BeatWave w : a.beatWaves()) {
                assertThat(w.timingNoiseMs()).as("seed %d", seed).isBetween(10.0, 30.0);
                assertThat(w.rmssdNoiseShare()).as("seed %d", seed).isBetween(0.1, 0.75);
            }
            assertThat(a.result().rmssdMs()).as("seed %d", seed).isLessThan(raw.result().rmssdMs());
            assertThat(a.result().rmssdMs()).as("seed %d", seed).isCloseTo(rmssd(truth), within(0.3 * rmssd(truth)));
            rawError += Math.abs(raw.result().rmssdMs() - rmssd(truth)) / scans;
            error += Math.abs(a.result().rmssdMs() - rmssd(truth)) / scans;
            bias += (a.result().rmssdMs() - rmssd(truth)) / scans;
            sdnnError += Math.abs(a.result().sdnnMs() - sdnn(truth)) / scans;
        }
        assertThat(rawError).isGreaterThan(6.0);
        assertThat(error).isLessThan(0.85 * rawError);
        assertThat(bias).isBetween(-5.0, 5.0);
        assertThat(sdnnError).isLessThan(5.0);
    }

    /**
     * PBV re-chooses its colour weights every half window; on the short window the heart rate uses (1.6 s)
     * that happens about once a beat, and each change moves the beat a little. The engine measures HRV on that
     * wave and on the method re-run over 12.8 s windows, and reports the mean: over ten seeded scans the
     * long wave's timing noise is lower and the reported RMSSD closer to the truth than from the short wave
     * alone (when written: timing noise 15.1 against 17.6 ms, RMSSD 6.2 against 7.7 ms off on average). Heart
     * and breathing rates do not change.
     */
    @Test
    void hrvFromTwoBeatWavesIsCloserThanFromTheShortOne() {
        DefaultVitalsEngine shortOnly = new DefaultVitalsEngine(VitalsSettings.DEFAULTS.withHrv(
                VitalsSettings.DEFAULTS.hrv().withBeatWindowSec(VitalsSettings.DEFAULTS.pulse().windowSec())));
        double twoError = 0;
        double shortError = 0;
        double twoNoise = 0;
        double shortNoise = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SyntheticScan scan = SyntheticScan.variability(seed);
            scan.noise = 0.001;
            SignalTraces traces = scan.build();
            VitalsAnalysis two = engine.analyse(traces);
            VitalsAnalysis s = shortOnly.analyse(traces);
            double start = two.segmentStartSec();
            double truth = rmssd(scan.trueIntervalsMs(start, start + two.segmentDurationSec()));
            twoError += Math.abs(two.result().rmssdMs() - truth);
            shortError += Math.abs(s.result().rmssdMs() - truth);
            assertThat(s.beatWaves()).hasSize(1);
            assertThat(two.beatWaves()).hasSize(2);
            assertThat(two.beatWaves().get(0)).isEqualTo(s.beatWaves().get(0));
            twoNoise += two.beatWaves().get(1).timingNoiseMs();
            shortNoise += s.beatWaves().get(0).timingNoiseMs();
            assertThat(two.result().heartRateBpm()).isEqualTo(s.result().heartRateBpm());
            assertThat(two.result().respiratoryRateBpm()).isEqualTo(s.result().respiratoryRateBpm());
        }
        assertThat(twoNoise).isLessThan(0.9 * shortNoise);
        assertThat(twoError).isLessThan(0.85 * shortError);
    }

    /**
     * A camera or light whose pulse colour is far from PBV's white-light signature (green nearly alone, as
     * measured on the real EVM clip: red 0.13 and blue 0.05 of green). PBV with its fixed signature treats
     * most of the pulse as noise; with the skin's own signature measured at the heart rate it reads the pulse.
     * Under PBV's own signature the skin's is not needed and the result is the fixed one.
     */
    @Test
    void pbvUsesTheSkinsOwnSignatureWhenLightOrCameraMoveIt() {
        // PBV alone: with the fallback, GREEN could stand in for the fixed signature's weak pulse
        VitalsSettings fixed = VitalsSettings.DEFAULTS
                .withPulse(VitalsSettings.DEFAULTS.pulse().withSkinSignature(false).withGreenFallback(false));
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticScan scan = SyntheticScan.realistic(62, seed);
            scan.pulseDirection = new double[] {0.13, 1.0, 0.05};
            SignalTraces traces = scan.build();
            VitalsAnalysis own = engine.analyse(traces);
            VitalsAnalysis standard = new DefaultVitalsEngine(fixed).analyse(traces);
            assertThat(own.result().heartRateBpm()).as("seed %d", seed).isCloseTo(62, within(1.0));
            assertThat(own.result().pulseSnrDb()).as("seed %d", seed)
                    .isGreaterThan(standard.result().pulseSnrDb() + 5);
            double[] sig = own.pbvSignature();
            assertThat(sig).as("seed %d", seed).isNotNull();
            assertThat(sig[0] / sig[1]).as("seed %d", seed).isCloseTo(0.13, within(0.06));
            assertThat(sig[2] / sig[1]).as("seed %d", seed).isCloseTo(0.05, within(0.06));
        }
        SignalTraces white = SyntheticScan.realistic(62, 1).build();
        VitalsAnalysis own = engine.analyse(white);
        assertThat(own.pbvSignature()).isNull();
        assertThat(own.result()).isEqualTo(new DefaultVitalsEngine(fixed).estimate(white));
    }

    /**
     * PBV below its gate with GREEN passing at PBV's own peak: GREEN's result is reported, and the analysis says
     * whose. Made here with a pulse colour far from PBV's signature and the skin's own signature off, so that PBV
     * treats most of the pulse as noise: on these two scans its peak is right (62.8 and 62.2 bpm) at -0.1 and
     * -0.3 dB, error 11, while the green channel carries the pulse whole. Without the fallback PBV's error
     * stands; a method other than PBV never falls back; a scan PBV reads itself stays PBV's.
     */
    @Test
    void aPulseTooWeakForPbvIsTakenFromGreenWhenGreenPassesAtPbvsPeak() {
        VitalsSettings fixed = VitalsSettings.DEFAULTS
                .withPulse(VitalsSettings.DEFAULTS.pulse().withSkinSignature(false));
        VitalsSettings noFallback = fixed.withPulse(fixed.pulse().withGreenFallback(false));
        long[] seeds = {3, 2};
        double[] noise = {0.0006, 0.002};
        for (int i = 0; i < seeds.length; i++) {
            SignalTraces traces = farFromPbv(seeds[i], noise[i]);
            VitalsAnalysis pbv = new DefaultVitalsEngine(noFallback).analyse(traces);
            VitalsAnalysis green = with(PulseMethod.GREEN).analyse(traces);
            VitalsAnalysis a = new DefaultVitalsEngine(fixed).analyse(traces);
            String as = "seed " + seeds[i];
            assertThat(pbv.pulseGate()).as(as).isEqualTo(VitalsAnalysis.PulseGate.LOW_SNR);
            assertThat(pbv.result().failure()).isEqualTo(VitalsResult.SignalFailure.PULSE_QUALITY);
            assertThat(60 * pbv.heartRateHz()).as(as).isCloseTo(62, within(1.0));
            assertThat(green.result().heartRateBpm()).as(as).isCloseTo(62, within(0.5));
            assertThat(a.method()).as(as).isEqualTo(PulseMethod.GREEN);
            assertThat(a.result()).isEqualTo(green.result());
            assertThat(a.fallbackFrom().method()).isEqualTo(PulseMethod.PBV);
            assertThat(a.fallbackFrom().result()).isEqualTo(pbv.result());
            assertThat(a.summary()).startsWith("GREEN in place of PBV (its peak ").contains("below its gate")
                    .contains("heart rate reported");
        }
        SignalTraces traces = farFromPbv(3, 0.0006);
        VitalsAnalysis pos = with(PulseMethod.POS).analyse(traces);
        assertThat(pos.fallbackFrom()).isNull();
        assertThat(pos.method()).isEqualTo(PulseMethod.POS);
        SignalTraces white = SyntheticScan.realistic(62, 3).build();
        VitalsAnalysis own = new DefaultVitalsEngine(fixed).analyse(white);
        assertThat(own.fallbackFrom()).isNull();
        assertThat(own.method()).isEqualTo(PulseMethod.PBV);
        assertThat(own.result().heartRateBpm()).isCloseTo(62, within(1.0));
    }

    /**
     * The same with light changes outside the pulse band as well (a white flicker at 10 Hz, 1 %, which puts
     * twenty times the band's power outside it): PBV's low SNR (its peak right, at -2.0 dB) is then named
     * error 10 ("light or motion changes dominate"), and GREEN, passing its whole gate at PBV's peak, stands in
     * for it as for error 11. Seen through x264 on a face turning a little under a side light (docs/vitals.md,
     * "Stop 22").
     */
    @Test
    void aPulseTooWeakForPbvAmidLightChangesIsTakenFromGreenToo() {
        VitalsSettings fixed = VitalsSettings.DEFAULTS
                .withPulse(VitalsSettings.DEFAULTS.pulse().withSkinSignature(false));
        SyntheticScan scan = SyntheticScan.realistic(62, 2);
        scan.pulseDirection = new double[] {0.13, 1.0, 0.05};
        scan.noise = 0.002;
        scan.flickerAmplitude = 0.01;
        scan.flickerHz = 10;
        SignalTraces traces = scan.build();
        VitalsAnalysis pbv = new DefaultVitalsEngine(fixed.withPulse(fixed.pulse().withGreenFallback(false)))
                .analyse(traces);
        assertThat(pbv.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.LOW_SNR_ARTEFACTS);
        assertThat(pbv.artefactRatio()).isGreaterThan(VitalsSettings.DEFAULTS.quality().maxArtefactRatio());
        assertThat(pbv.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(60 * pbv.heartRateHz()).isCloseTo(62, within(1.0));
        VitalsAnalysis a = new DefaultVitalsEngine(fixed).analyse(traces);
        assertThat(a.method()).isEqualTo(PulseMethod.GREEN);
        assertThat(a.result().heartRateBpm()).isCloseTo(62, within(0.5));
        assertThat(a.fallbackFrom().result()).isEqualTo(pbv.result());
    }

    /**
     * GREEN's rate must lie at PBV's own spectral peak. On this scan (the same far colour) PBV's peak is the
     * pulse's second harmonic (123 bpm) at -2.8 dB; GREEN passes at 62, which is right, but the two disagree, so
     * PBV's error 11 stands: the rule takes GREEN only where the two methods see the same rhythm.
     */
    @Test
    void greenIsNotReportedInPbvsPlaceWhenItsRateIsElsewhereThanPbvsPeak() {
        VitalsSettings fixed = VitalsSettings.DEFAULTS
                .withPulse(VitalsSettings.DEFAULTS.pulse().withSkinSignature(false));
        SignalTraces traces = farFromPbv(1, 0.0006);
        VitalsAnalysis pbv = new DefaultVitalsEngine(fixed.withPulse(fixed.pulse().withGreenFallback(false)))
                .analyse(traces);
        VitalsAnalysis green = with(PulseMethod.GREEN).analyse(traces);
        assertThat(pbv.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.LOW_SNR);
        assertThat(60 * pbv.heartRateHz()).isCloseTo(124, within(1.5));
        assertThat(green.result().heartRateBpm()).isCloseTo(62, within(0.5));
        VitalsAnalysis a = new DefaultVitalsEngine(fixed).analyse(traces);
        assertThat(a.fallbackFrom()).isNull();
        assertThat(a.result()).isEqualTo(pbv.result());
    }

    /** A 62 bpm scan whose pulse is nearly green alone (red 0.13 and blue 0.05 of it), far from PBV's signature. */
    private static SignalTraces farFromPbv(long seed, double noise) {
        SyntheticScan scan = SyntheticScan.realistic(62, seed);
        scan.pulseDirection = new double[] {0.13, 1.0, 0.05};
        scan.noise = noise;
        return scan.build();
    }

    /** A colour change as strong in red and blue as in green is shading or exposure, never taken for the skin's. */
    @Test
    void aGreyColourChangeIsNotTakenForTheSkinsSignature() {
        SyntheticScan scan = SyntheticScan.realistic(62, 1);
        scan.pulseDirection = new double[] {0.95, 1.0, 0.95};
        assertThat(engine.analyse(scan.build()).pbvSignature()).isNull();
    }

    /**
     * Light flickering at 96 per minute with ten times the pulse's amplitude, plus slow random changes, equal on
     * R, G and B. POS and CHROM cancel it; GREEN cannot tell light from blood and reports the flicker.
     */
    @Test
    void largeIntensityChangesDefeatGreenButNotPosOrChrom() {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = 66;
        scan.flickerAmplitude = 0.03;
        scan.flickerHz = 1.6;
        scan.lightWalk = 0.0005;
        SignalTraces traces = scan.build();
        for (PulseMethod m : new PulseMethod[] {PulseMethod.POS, PulseMethod.CHROM}) {
            assertThat(with(m).estimate(traces).heartRateBpm()).as("%s", m).isCloseTo(66, within(1.0));
        }
        Double green = with(PulseMethod.GREEN).estimate(traces).heartRateBpm();
        assertThat(green).isNotNull();
        assertThat(Math.abs(green - 66)).isGreaterThan(10);
    }

    @ParameterizedTest
    @EnumSource(PulseMethod.class)
    void noiseAloneFailsWithPulseQuality(PulseMethod method) {
        SyntheticScan scan = new SyntheticScan();
        scan.pulseAmplitude = 0;
        VitalsAnalysis a = with(method).analyse(scan.build());
        VitalsResult r = a.result();
        assertThat(r.failure()).isEqualTo(VitalsResult.SignalFailure.PULSE_QUALITY);
        assertThat(r.failure().code()).isEqualTo(11);
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.LOW_SNR);
        assertThat(r.heartRateBpm()).isNull();
        assertThat(r.respiratoryRateBpm()).isNull();
        assertThat(r.sdnnMs()).isNull();
        assertThat(r.pulseSnrDb()).isFinite().isLessThan(0);
    }

    @Test
    void headShakingAtPulseRatesFailsWithRgbQualityEvenWhenTheSpectrumLooksClean() {
        SyntheticScan scan = new SyntheticScan();
        scan.shakePx = 15;
        scan.shakeHz = 1.3;
        scan.shakeShading = 0.01;
        VitalsAnalysis a = engine.analyse(scan.build());
        assertThat(a.motionRatio()).isGreaterThan(VitalsSettings.DEFAULTS.quality().maxMotionRatio());
        assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(a.result().failure().code()).isEqualTo(10);
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.FACE_MOTION);
        assertThat(a.beatWaves()).isEmpty();
        assertThat(a.summary()).contains("face motion in the pulse band (error 10)");
        assertThat(a.result().heartRateBpm()).isNull();
    }

    /**
     * A slight head shake at a pulse-like rate, with the shading it causes and no pulse at all: GREEN sees a
     * clean "pulse" at the shake's rate, but the head moves at exactly that rate, so the rate is the head's and
     * the scan fails with code 10. 2 px on a 200 px face at 54 per minute (in-band motion well under the 0.03
     * limit), and a sway of 0.8 px at 48 (0.57 px RMS, 0.0028 of the face: what fooled PBV twice under a
     * quarter of the benchmark's head motion, at 0.0029 and 0.0049, when the gate's limit was 0.005).
     */
    @ParameterizedTest
    @CsvSource({"2.0, 0.9", "0.8, 0.8"})
    void aRateTheHeadMovesAtIsNotReportedAsAPulse(double shakePx, double shakeHz) {
        SyntheticScan scan = new SyntheticScan();
        scan.pulseAmplitude = 0;
        scan.shakePx = shakePx;
        scan.shakeHz = shakeHz;
        scan.shakeShading = 0.01;
        VitalsAnalysis a = new DefaultVitalsEngine(VitalsSettings.DEFAULTS.withMethod(PulseMethod.GREEN))
                .analyse(scan.build());
        assertThat(a.motionRatio()).isLessThan(VitalsSettings.DEFAULTS.quality().maxMotionRatio());
        assertThat(60 * a.heartRateHz()).isCloseTo(60 * shakeHz, within(1.0));
        assertThat(a.result().pulseSnrDb()).isGreaterThan(VitalsSettings.DEFAULTS.quality().minPulseSnrDb());
        assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.MOTION_AT_RATE);
        assertThat(a.result().heartRateBpm()).isNull();
    }

    /**
     * A head swaying at half a pulse-like rate under a side light shades the skin at twice its own rate too
     * (the shading is not linear in the pose). With no pulse at all, GREEN sees a clean rhythm at 72 per minute
     * while the head sways at 36 by 8 px on a 200 px face (0.025 of the face measured at half the rate, like
     * the benchmark clip whose sway PBV once reported at 68 bpm; below the pulse band, so neither the in-band
     * motion nor the motion at the rate is large): the rate is the sway's harmonic, error 10. A sway of 4.5 px
     * (0.014, as large as any right report of the benchmark's head-motion clips showed) over a real pulse at
     * 72 keeps the pulse.
     */
    @ParameterizedTest
    @CsvSource({"8.0, 0, 0.01, MOTION_AT_HALF_RATE", "4.5, 0.004, 0.0025, PASSED"})
    void aRateAtTwiceASwayIsNotReportedAsAPulse(double swayPx, double pulseAmplitude, double harmonicShading,
                                                 VitalsAnalysis.PulseGate gate) {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = 72;
        scan.pulseAmplitude = pulseAmplitude;
        scan.shakePx = swayPx;
        scan.shakeHz = 0.6;
        scan.shakeHarmonicShading = harmonicShading;
        VitalsAnalysis a = new DefaultVitalsEngine(VitalsSettings.DEFAULTS.withMethod(PulseMethod.GREEN))
                .analyse(scan.build());
        assertThat(a.motionRatio()).isLessThan(VitalsSettings.DEFAULTS.quality().maxMotionRatio());
        assertThat(60 * a.heartRateHz()).isCloseTo(72, within(1.0));
        assertThat(a.result().pulseSnrDb()).isGreaterThan(VitalsSettings.DEFAULTS.quality().minPulseSnrDb());
        assertThat(a.pulseGate()).isEqualTo(gate);
        if (gate == VitalsAnalysis.PulseGate.PASSED) {
            assertThat(a.result().heartRateBpm()).isCloseTo(72, within(1.0));
        } else {
            assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
            assertThat(a.result().heartRateBpm()).isNull();
            assertThat(a.summary()).contains("head motion at half the pulse rate (error 10)");
        }
    }

    /**
     * A smaller sway (4.5 px at 0.55 Hz on a 200 px face: 0.016 of the face at half the rate, under the 0.02 that
     * withholds outright) whose harmonic shading at 66 per minute is twice as strong as a pulse at 80: the
     * spectrum picks 66, and taking out what the face's motion explains moves the rate to 80, so the rate
     * follows the motion: error 10. With the check switched off (the sway it needs set out of reach) the same
     * scan reports the harmonic, which is what the check is for.
     */
    @Test
    void aRateThatMovesWhenTheMotionIsRegressedOutIsWithheld() {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = 80;
        scan.pulseAmplitude = 0.003;
        scan.shakePx = 4.5;
        scan.shakeHz = 0.55;
        scan.shakeHarmonicShading = 0.006;
        SignalTraces traces = scan.build();
        VitalsSettings green = VitalsSettings.DEFAULTS.withMethod(PulseMethod.GREEN);
        VitalsAnalysis a = new DefaultVitalsEngine(green).analyse(traces);
        assertThat(60 * a.heartRateHz()).isCloseTo(66, within(1.0));
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.MOTION_DEPENDENT_RATE);
        assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(a.result().heartRateBpm()).isNull();
        assertThat(a.summary()).contains("rate follows head motion (error 10)");

        VitalsSettings.Quality q = green.quality();
        VitalsSettings unchecked = green.withQuality(new VitalsSettings.Quality(q.minPulseSnrDb(), q.maxMotionRatio(),
                q.maxArtefactRatio(), q.maxMotionAtRate(), q.maxMotionAtHalfRate(), 1));
        VitalsAnalysis b = new DefaultVitalsEngine(unchecked).analyse(traces);
        assertThat(b.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.PASSED);
        assertThat(b.result().heartRateBpm()).isCloseTo(66, within(1.0));
    }

    /**
     * The head's own motion with each beat (ballistocardiography: 0.2 px here, 0.14 px RMS, 0.0007 of the face,
     * about the most any right report in the benchmark showed) does not cost a real pulse.
     */
    @Test
    void theHeadsOwnPulseMotionDoesNotWithholdTheRate() {
        SyntheticScan scan = new SyntheticScan();
        scan.heartRateBpm = 70;
        scan.shakePx = 0.2;
        scan.shakeHz = 70 / 60.0;
        VitalsResult r = new DefaultVitalsEngine().estimate(scan.build());
        assertThat(r.failure()).isNull();
        assertThat(r.heartRateBpm()).isCloseTo(70, within(1.0));
    }

    /**
     * A clean rhythm that moves blue half again as much as green (a screen flickering at a pulse-like rate
     * on the face): GREEN finds it at a good SNR, but blood absorbs green most, so it is light: error 10.
     */
    @Test
    void aRhythmThatMovesBlueMoreThanGreenIsTakenForLight() {
        SyntheticScan scan = new SyntheticScan();
        scan.pulseDirection = new double[] {0.3, 1.0, 1.5};
        VitalsAnalysis a = with(PulseMethod.GREEN).analyse(scan.build());
        assertThat(60 * a.heartRateHz()).isCloseTo(70, within(1.0));
        assertThat(a.result().pulseSnrDb()).isGreaterThan(VitalsSettings.DEFAULTS.quality().minPulseSnrDb());
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.LIGHT_NOT_BLOOD);
        assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(a.summary()).contains("colour of light, not blood (error 10)");

        scan.pulseDirection = SyntheticScan.PULSE_DIRECTION.clone();
        VitalsAnalysis blood = with(PulseMethod.GREEN).analyse(scan.build());
        assertThat(blood.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.PASSED);
        assertThat(blood.result().heartRateBpm()).isCloseTo(70, within(1.0));
    }

    /**
     * A bluish screen flickering at 96 per minute, twice as strong as the pulse on green, over a pulse at 70:
     * every method reports 70, never 96. For GREEN, which mixes no colours, the light is the strongest rhythm,
     * withheld by its colour; taken out of the colours at its rate, the pulse beside it is reported. The
     * colour-mixing methods project the light out themselves.
     */
    @ParameterizedTest
    @EnumSource(PulseMethod.class)
    void aFlickeringLightIsTakenOutAndThePulseBesideItReported(PulseMethod method) {
        SyntheticScan scan = SyntheticScan.realistic(70, 2);
        scan.flickerAmplitude = 0.01;
        scan.flickerHz = 1.6;
        scan.flickerColour = new double[] {0.3, 0.6, 1.0};
        VitalsAnalysis a = with(method).analyse(scan.build());
        assertThat(a.result().heartRateBpm()).isCloseTo(70, within(1.0));
        if (method == PulseMethod.GREEN) {
            assertThat(a.lightRemovedHz()).isCloseTo(1.6, within(0.02));
            assertThat(a.summary()).containsPattern("light at 9[56]\\.[0-9] /min taken out");
        }
        assertThat(60 * a.heartRateHz()).isNotCloseTo(96, within(2.0));
    }

    /**
     * A camera's auto-exposure stepping its gain by 3-6 % four times in a minute (settling in 0.2 s) over a
     * variable heart: the steps are found and taken out of every region's colours before the pulse, so GREEN
     * (which has no defence of its own) reads the pulse at nearly the SNR of the same scan without steps; the
     * heart rate is right, and HRV, when given, is not thrown by the steps (beats beside them do not count).
     */
    @Test
    void exposureStepsAreTakenOutBeforeThePulseIsMeasured() {
        SyntheticScan clean = SyntheticScan.variability(3);
        SyntheticScan stepped = SyntheticScan.variability(3);
        stepped.exposureStepSec = new double[] {8.3, 19.1, 33.7, 47.2};
        stepped.exposureStepSize = new double[] {0.05, -0.04, 0.06, -0.03};
        VitalsAnalysis c = with(PulseMethod.GREEN).analyse(clean.build());
        VitalsAnalysis a = with(PulseMethod.GREEN).analyse(stepped.build());
        assertThat(c.levelSteps()).isZero();
        assertThat(a.levelSteps()).isEqualTo(4);
        assertThat(a.summary()).contains("4 exposure steps taken out");
        assertThat(a.result().heartRateBpm()).isCloseTo(c.result().heartRateBpm(), within(0.5));
        assertThat(a.result().pulseSnrDb()).isGreaterThan(c.result().pulseSnrDb() - 2);
        double[] truth = stepped.trueIntervalsMs(a.segmentStartSec(), a.segmentStartSec() + a.segmentDurationSec());
        assertThat(a.result().rmssdMs()).isNotNull();
        assertThat(a.result().rmssdMs()).isCloseTo(rmssd(truth), within(0.3 * rmssd(truth)));
    }

    /**
     * Light wandering at random (0.4 % a frame, a random walk) and a 20 % step over a weak pulse: the step is
     * found and taken out, and the wandering light still dominates the colours outside the pulse band, so
     * the scan fails with error 10 (light or motion), not 11.
     */
    @Test
    void lightingChangesOverAWeakPulseFailWithRgbQuality() {
        SyntheticScan scan = new SyntheticScan();
        scan.pulseAmplitude = 0.0005;
        scan.lightWalk = 0.004;
        scan.stepAtSec = 12;
        scan.stepSize = 0.2;
        VitalsAnalysis a = with(PulseMethod.GREEN).analyse(scan.build());
        assertThat(a.levelSteps()).isEqualTo(1);
        assertThat(a.artefactRatio()).isGreaterThan(VitalsSettings.DEFAULTS.quality().maxArtefactRatio());
        assertThat(a.result().failure()).isEqualTo(VitalsResult.SignalFailure.RGB_QUALITY);
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.LOW_SNR_ARTEFACTS);
    }

    @Test
    void tracesWithoutEnoughFaceFailEarly() {
        SyntheticScan tooShort = new SyntheticScan();
        tooShort.durationSec = 10;
        assertEarlyFailure(tooShort.build(), VitalsResult.SignalFailure.TOO_SHORT, 2);

        SyntheticScan lost = new SyntheticScan();
        lost.gapStartSec = 12;
        lost.gapEndSec = 16;
        assertEarlyFailure(lost.build(), VitalsResult.SignalFailure.FACE_LOST, 5);

        SignalTraces.Builder none = SignalTraces.builder(List.of("forehead"), 640, 480);
        for (int i = 0; i < 900; i++) {
            none.addMissing(i / 30.0);
        }
        assertEarlyFailure(none.build(), VitalsResult.SignalFailure.NO_FACE, 3);
        assertEarlyFailure(SignalTraces.builder(List.of("forehead"), 640, 480).build(),
                VitalsResult.SignalFailure.TOO_SHORT, 2);
    }

    private void assertEarlyFailure(SignalTraces traces, VitalsResult.SignalFailure expected, int code) {
        VitalsAnalysis a = engine.analyse(traces);
        VitalsResult r = a.result();
        assertThat(a.pulseGate()).isEqualTo(VitalsAnalysis.PulseGate.NOT_REACHED);
        assertThat(a.summary()).contains("no pulse measured (" + expected + ")");
        assertThat(r.failure()).isEqualTo(expected);
        assertThat(r.failure().code()).isEqualTo(code);
        assertThat(r.heartRateBpm()).isNull();
        assertThat(r.pulseSnrDb()).isNaN();
        // the failure says why; nothing else is withheld on its own account
        assertThat(r.respirationWithheld()).isNull();
        assertThat(r.hrvWithheld()).isNull();
    }

    @Test
    void regionsAreWeightedByTheirSnr() {
        SyntheticScan scan = new SyntheticScan(); // region gains 1.0, 0.8, 0.65 with equal noise
        VitalsAnalysis weighted = engine.analyse(scan.build());
        double[] w = weighted.regionWeights();
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
        assertThat(w[0]).isGreaterThan(w[2]);
        assertThat(weighted.regionSnrDb()[0]).isGreaterThan(weighted.regionSnrDb()[2]);
        assertThat(weighted.regions()).containsExactly("region0", "region1", "region2");

        VitalsSettings best = VitalsSettings.DEFAULTS
                .withPulse(VitalsSettings.DEFAULTS.pulse().withFusion(FusionMode.BEST));
        VitalsAnalysis one = new DefaultVitalsEngine(best).analyse(scan.build());
        assertThat(one.regionWeights()).containsExactly(1.0, 0.0, 0.0);
        assertThat(one.result().heartRateBpm()).isCloseTo(70, within(1.0));
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<SignalTraces> scans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scans.add(SyntheticScan.realistic(50 + 10 * i, i).build());
        }
        List<VitalsResult> sequential = new ArrayList<>();
        for (SignalTraces t : scans) {
            sequential.add(engine.estimate(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VitalsResult>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (SignalTraces t : scans) {
                    futures.add(pool.submit(() -> engine.estimate(t)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % scans.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sdnn(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double rmssd(double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double pnn50(double[] x) {
        int c = 0;
        for (int i = 1; i < x.length; i++) {
            c += Math.abs(x[i] - x[i - 1]) > 50 ? 1 : 0;
        }
        return 100.0 * c / (x.length - 1);
    }
}
