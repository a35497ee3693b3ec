package dev.facevitals.vitals;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PreparedTracesTest {

    static final VitalsSettings.Signal SETTINGS = VitalsSettings.Signal.DEFAULTS;

    /** Two regions with constant colours; region 1 hidden (no pixels) between the given times. */
    static SignalTraces traces(double seconds, double fps, double hideFrom, double hideTo, double gapFrom,
                               double gapTo) {
        SignalTraces.Builder b = SignalTraces.builder(List.of("forehead", "cheek"), 640, 480);
        for (double t = 0; t < seconds - 1e-9; t += 1 / fps) {
            if (t >= gapFrom && t < gapTo) {
                b.addMissing(t);
                continue;
            }
            boolean hidden = t >= hideFrom && t < hideTo;
            double[] rgb = {180, 130 + t, 110, hidden ? Double.NaN : 170, 120, 100};
            b.addFace(t, 320, 240, 200, rgb, new int[] {4000, hidden ? 0 : 3000});
        }
        return b.build();
    }

    /**
     * A light flickering at 1.6 Hz (1 % of the level) beside a rhythm at 1.1 Hz (0.3 %) on a drifting level:
     * after {@code withoutRhythm(1.6)} the flicker and its double are gone (under 5 % of the flicker's RMS
     * left more than 10 s from the ends, where the notch's low-pass settles), the 1.1 Hz rhythm is kept (within
     * 15 % of its RMS), the level and the face box are untouched.
     */
    @Test
    void aSteadyRhythmIsTakenOutOfEveryColour() {
        SignalTraces.Builder b = SignalTraces.builder(List.of("forehead"), 640, 480);
        for (int i = 0; i < 900; i++) {
            double t = i / 30.0;
            double level = 150 * (1 + 0.002 * t);
            double flicker = 0.01 * Math.sin(2 * Math.PI * 1.6 * t) + 0.003 * Math.sin(2 * Math.PI * 3.2 * t);
            double keep = 0.003 * Math.sin(2 * Math.PI * 1.1 * t);
            b.addFace(t, 320, 240, 200, new double[] {level * (1 + flicker), level * (1 + flicker + keep),
                    level * (1 + 2 * flicker)}, new int[] {4000});
        }
        PreparedTraces p = PreparedTraces.prepare(b.build(), SETTINGS).traces();
        PreparedTraces q = p.withoutRhythm(1.6, 0.1, 5.3, 4, 1600);
        double flickerLeft = 0;
        double keptError = 0;
        int n = 0;
        for (int i = 300; i < p.length - 300; i++, n++) {
            double t = p.startSec + i / p.fs;
            double level = 150 * (1 + 0.002 * t);
            flickerLeft += Math.pow(q.red[0][i] / level - 1, 2);
            keptError += Math.pow(q.green[0][i] / level - 1 - 0.003 * Math.sin(2 * Math.PI * 1.1 * t), 2);
        }
        assertThat(Math.sqrt(flickerLeft / n)).isLessThan(0.05 * 0.01 / Math.sqrt(2));
        assertThat(Math.sqrt(keptError / n)).isLessThan(0.15 * 0.003 / Math.sqrt(2));
        assertThat(q.blue[0][450] / (150 * (1 + 0.002 * (p.startSec + 15)))).isCloseTo(1, within(0.002));
        assertThat(q.faceX).isSameAs(p.faceX);
        assertThat(q.length).isEqualTo(p.length);
    }

    @Test
    void sixHundredFramesAtThirtyFpsCoverTwentySeconds() {
        double[] t = new double[600];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 30.0;
        }
        assertThat(PreparedTraces.coveredSec(t, 600)).isCloseTo(20, within(1e-9));
        assertThat(PreparedTraces.coveredSec(t, 1)).isZero();
        PreparedTraces.Outcome o = PreparedTraces.prepare(traces(20, 30, -1, -1, -1, -1), SETTINGS);
        assertThat(o.failure()).isNull();
        assertThat(o.traces().length).isEqualTo(600);
    }

    @Test
    void variableFrameRateIsResampledToTheUniformGrid() {
        SyntheticScan scan = new SyntheticScan();
        scan.variableFrameRate = true;
        scan.jitterSec = 0.004;
        SignalTraces tr = scan.build();
        PreparedTraces p = PreparedTraces.prepare(tr, SETTINGS).traces();
        assertThat(tr.frames()).isLessThan(880); // fewer frames than 30 fps would give
        assertThat(p.fs).isEqualTo(30);
        assertThat(p.durationSec()).isCloseTo(30, within(0.1));
        assertThat(p.regions()).isEqualTo(3);
    }

    @Test
    void shortGapIsBridgedLinearly() {
        PreparedTraces p = PreparedTraces.prepare(traces(25, 30, -1, -1, 10, 10.3), SETTINGS).traces();
        assertThat(p.startSec).isZero();
        assertThat(p.length).isEqualTo(750);
        // green of region 0 rises by 1 per second, also across the bridged gap
        for (int j = 0; j < p.length; j++) {
            assertThat(p.green[0][j]).isCloseTo(130 + j / 30.0, within(1e-9));
        }
    }

    @Test
    void longGapKeepsTheLongestStretch() {
        PreparedTraces p = PreparedTraces.prepare(traces(40, 30, -1, -1, 10, 13), SETTINGS).traces();
        assertThat(p.startSec).isCloseTo(13, within(0.04));
        assertThat(p.durationSec()).isCloseTo(27, within(0.1));
        assertThat(p.green[0][0]).isCloseTo(130 + p.startSec, within(1e-6));
    }

    @Test
    void regionHiddenForAWhileIsLeftOutWhileTheOtherStays() {
        PreparedTraces p = PreparedTraces.prepare(traces(30, 30, 5, 9, -1, -1), SETTINGS).traces();
        assertThat(p.regionNames).containsExactly("forehead");
        assertThat(p.durationSec()).isCloseTo(30, within(0.05));
    }

    @Test
    void faceWithoutSkinIsNotEnoughSkin() {
        PreparedTraces.Outcome o = PreparedTraces.prepare(traces(30, 30, 0, 30, -1, -1), SETTINGS);
        assertThat(o.failure()).isNull(); // region 0 still visible
        SignalTraces.Builder b = SignalTraces.builder(List.of("forehead"), 640, 480);
        for (int i = 0; i < 900; i++) {
            b.addFace(i / 30.0, 320, 240, 200, new double[] {Double.NaN, Double.NaN, Double.NaN}, new int[] {0});
        }
        assertThat(PreparedTraces.prepare(b.build(), SETTINGS).failure())
                .isEqualTo(VitalsResult.SignalFailure.NOT_ENOUGH_SKIN);
    }

    @Test
    void awkwardFrameCounts() {
        for (int frames : new int[] {0, 1, 2, 3}) {
            SignalTraces.Builder b = SignalTraces.builder(List.of("forehead"), 640, 480);
            for (int i = 0; i < frames; i++) {
                b.addFace(i, 320, 240, 200, new double[] {180, 130, 110}, new int[] {100});
            }
            assertThat(PreparedTraces.prepare(b.build(), SETTINGS).failure())
                    .isEqualTo(VitalsResult.SignalFailure.TOO_SHORT);
        }
    }
}
