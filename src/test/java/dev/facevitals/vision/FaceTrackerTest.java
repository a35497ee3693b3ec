package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vitals.SignalTraces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tracker's cadence and geometry with fake models on an exactly rendered moving scene. */
class FaceTrackerTest {

    private static final int W = 240;
    private static final int H = 200;

    private final SyntheticFaces.Scene scene = new SyntheticFaces.Scene(11, 60, W, H);
    private final SyntheticFaces.Truth truth = new SyntheticFaces.Truth();
    private final SyntheticFaces.FakeDetector detector = new SyntheticFaces.FakeDetector(truth);
    private final SyntheticFaces.FakeLandmarker landmarker = new SyntheticFaces.FakeLandmarker(truth);

    /** A tracker over whole regions (the tests below follow region boxes). */
    private FaceTracker tracker(int landmarkInterval) {
        return tracker(landmarkInterval, false);
    }

    private FaceTracker tracker(int landmarkInterval, boolean patches) {
        return tracker(landmarkInterval, patches, TrackerSettings.DEFAULTS.affineTracking());
    }

    private FaceTracker tracker(int landmarkInterval, boolean patches, boolean affine) {
        return new FaceTracker(detector, landmarker, TrackerSettings.DEFAULTS.withLandmarkInterval(landmarkInterval)
                .withSkinPatches(patches).withAffineTracking(affine));
    }

    private void placeFace(double dx, double dy) {
        truth.cx = 120 + dx;
        truth.cy = 100 + dy;
        truth.size = 120;
    }

    @Test
    void runsTheDetectorOnceAndLandmarksEveryIntervalOnAStillFace() {
        placeFace(0, 0);
        ImageView still = scene.render(W, H, 0, 0, 1);
        try (FaceTracker t = tracker(60)) {
            int keyframes = 0;
            for (int i = 0; i < 130; i++) {
                FaceObservation o = t.update(still, i * 33_333L);
                assertThat(o.found()).isTrue();
                assertThat(o.quality()).isGreaterThan(0.99);
                keyframes += o.keyframe() ? 1 : 0;
            }
            assertThat(detector.calls).isEqualTo(1);
            // frame 0, then after 60 tracked frames: frames 60 and 120
            assertThat(landmarker.calls).isEqualTo(3);
            // the face did not change, so the checks at 60 and 120 keep frame 0 as the keyframe: its regions
            // do not jump by the landmark model's jitter
            assertThat(keyframes).isEqualTo(1);
            assertThat(t.keptKeyframes()).isEqualTo(2);
        }
        assertThat(detector.closed).isTrue();
        assertThat(landmarker.closed).isTrue();
    }

    @Test
    void aScheduledCheckThatFindsTheFaceChangedMakesANewKeyframe() {
        placeFace(0, 0);
        ImageView still = scene.render(W, H, 0, 0, 1);
        try (FaceTracker t = tracker(30)) {
            assertThat(t.update(still, 0).keyframe()).isTrue();
            truth.size = 126; // the landmarks now say the face is 5 % larger (it came closer)
            boolean adopted = false;
            for (int i = 1; i <= 30; i++) {
                adopted |= t.update(still, i * 33_333L).keyframe();
            }
            assertThat(adopted).isTrue();
            assertThat(t.keptKeyframes()).isZero();
            assertThat(landmarker.calls).isEqualTo(2);
        }
    }

    /**
     * A scheduled check that finds the face changed makes new regions over slightly different skin: on this
     * textured face their means differ from the old ones' by up to several per cent, many times a pulse. The
     * traces go on at the old level across the change, the old regions read by a shift or by the affine map.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aNewKeyframeLeavesNoStepInTheTraces(boolean affine) {
        double[] pulse = new double[90];
        for (int i = 0; i < pulse.length; i++) {
            pulse[i] = 1 + 0.004 * Math.sin(2 * Math.PI * 1.2 * i / 30);
        }
        placeFace(0, 0);
        SignalTraces joined = record(pulse, 6, affine);
        placeFace(0, 0);
        SignalTraces bigger = record(pulse, 0, affine);
        double largestStep = 0;
        for (int k = 0; k < joined.regions(); k++) {
            double before = level(joined, k, 5, 30);
            double after = level(joined, k, 40, 90);
            assertThat(after / before).as(joined.regionName(k)).isCloseTo(1, within(0.002));
            largestStep = Math.max(largestStep, Math.abs(level(bigger, k, 40, 90) / before - 1));
        }
        assertThat(largestStep).isGreaterThan(0.02);
    }

    /** Records the still face, whose landmarks say it is 126 px from frame {@code growAt} on (30-frame checks). */
    private SignalTraces record(double[] light, int growAt, boolean affine) {
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(30, true, affine), W, H,
                ScanFaceReport.Limits.DEFAULTS)) {
            for (int i = 0; i < light.length; i++) {
                if (i == growAt) {
                    truth.size = 126;
                }
                rec.accept(scene.render(W, H, 0, 0, light[i]), Math.round(i * 1e6 / 30));
            }
            assertThat(rec.tracker().keyframes()).isGreaterThan(1);
            return rec.traces();
        }
    }

    /** Mean green of region k over frames [from, to), the light (a few tenths of a per cent) left in. */
    private static double level(SignalTraces t, int k, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += t.green(k)[i];
        }
        return s / (to - from);
    }

    @Test
    void followsSubPixelMotionBetweenKeyframes() {
        try (FaceTracker t = tracker(1000)) {
            for (int i = 0; i < 40; i++) {
                double dx = 0.7 * i;
                double dy = -0.3 * i;
                placeFace(dx, dy);
                FaceObservation o = t.update(scene.render(W, H, dx, dy, 1), i * 33_333L);
                assertThat(o.found()).isTrue();
                assertThat(o.dx()).as("frame %d", i).isCloseTo(dx, within(0.3));
                assertThat(o.dy()).as("frame %d", i).isCloseTo(dy, within(0.3));
                assertThat(o.box().centreX()).isCloseTo(truth.cx, within(0.5));
                assertThat(o.regions().forehead().bounds().centreX()).isCloseTo(truth.cx, within(1.0));
            }
            assertThat(landmarker.calls).isEqualTo(1);
        }
    }

    @Test
    void losesTheFaceAndSearchesAtTheSearchInterval() {
        placeFace(0, 0);
        ImageView face = scene.render(W, H, 0, 0, 1);
        ImageView empty = TestImages.solid(W, H, 90, 90, 90);
        try (FaceTracker t = tracker(60)) {
            for (int i = 0; i < 10; i++) {
                assertThat(t.update(face, i).found()).isTrue();
            }
            truth.present = false;
            int found = 0;
            for (int i = 10; i < 30; i++) {
                found += t.update(empty, i).found() ? 1 : 0;
            }
            assertThat(found).isZero();
            // one search when the track broke at frame 10, then after 5, 10 (backing off): frames 15 and 25
            assertThat(detector.calls).isEqualTo(1 + 3);
            truth.present = true;
            int frame = 30;
            while (!t.update(face, frame).found()) {
                frame++;
            }
            // the next search was due 20 frames after frame 25
            assertThat(frame).isEqualTo(45);
            assertThat(detector.calls).isEqualTo(1 + 3 + 1);
        }
    }

    @Test
    void flagsAFacePartlyOutOfFrame() {
        try (FaceTracker t = tracker(1)) {
            placeFace(-90, 0); // the face box (120 px) reaches 30 px past the left edge
            FaceObservation o = t.update(scene.render(W, H, 0, 0, 1), 0);
            assertThat(o.found()).isTrue();
            assertThat(o.partlyOutOfFrame()).isTrue();
            placeFace(0, 0);
            o = t.update(scene.render(W, H, 0, 0, 1), 1);
            assertThat(o.partlyOutOfFrame()).isFalse();
        }
    }

    /**
     * A known pulse on the skin comes out of the recorder in the green trace of every region, or of every patch
     * (the default); codes 3, 4, 5 as expected.
     */
    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "true,true"})
    void recorderRecoversAPulseAndReportsNoError(boolean patches, boolean affine) {
        placeFace(0, 0);
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(30, patches, affine), W, H,
                ScanFaceReport.Limits.DEFAULTS)) {
            double fps = 30;
            double hz = 1.2;
            double amp = 0.01;
            int n = 150;
            for (int i = 0; i < n; i++) {
                double gain = 1 + amp * Math.sin(2 * Math.PI * hz * i / fps);
                rec.accept(scene.render(W, H, 0, 0, gain), Math.round(i * 1e6 / fps) + 5_000_000L);
            }
            SignalTraces tr = rec.traces();
            assertThat(tr.frames()).isEqualTo(n);
            assertThat(tr.regionNames()).isEqualTo(FaceRegions.names(patches));
            assertThat(tr.regionNames()).hasSize(patches ? 14 : 3);
            if (!patches) {
                assertThat(tr.regionNames()).containsExactly("forehead", "left_cheek", "right_cheek");
            }
            assertThat(tr.time()[0]).isZero();
            assertThat(tr.time()[n - 1]).isCloseTo((n - 1) / fps, within(1e-6));
            for (int k = 0; k < tr.regions(); k++) {
                double[] g = tr.green(k);
                double mean = 0;
                for (double v : g) {
                    mean += v / n;
                }
                // project on the known sinusoid: amplitude within 10 % (rounding to 8 bits adds noise)
                double s = 0;
                double c = 0;
                for (int i = 0; i < n; i++) {
                    s += (g[i] - mean) * Math.sin(2 * Math.PI * hz * i / fps) * 2 / n;
                    c += (g[i] - mean) * Math.cos(2 * Math.PI * hz * i / fps) * 2 / n;
                }
                assertThat(s / mean).as(tr.regionName(k)).isCloseTo(amp, within(0.1 * amp));
                assertThat(Math.abs(c / mean)).isLessThan(0.1 * amp);
                assertThat(tr.pixels(k)[0]).isGreaterThan(patches ? 30 : 300);
            }
            assertThat(rec.report().errorCode()).isEmpty();
            assertThat(rec.report().faceCoverage()).isEqualTo(1.0);
            // a repeated timestamp is dropped rather than breaking the traces
            assertThat(rec.accept(scene.render(W, H, 0, 0, 1), Math.round((n - 1) * 1e6 / fps) + 5_000_000L).found())
                    .isFalse();
            assertThat(rec.skippedFrames()).isEqualTo(1);
            assertThat(rec.traces().frames()).isEqualTo(n);
        }
    }

    /** Key-frame marks reach the traces at their frames' times, a skipped duplicate's on the next frame kept. */
    @Test
    void recorderKeepsTheDecodersKeyFrameMarks() {
        ImageView empty = TestImages.solid(W, H, 90, 90, 90);
        truth.present = false;
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(30), W, H, ScanFaceReport.Limits.DEFAULTS)) {
            rec.accept(empty, 0, false, false);
            rec.accept(empty, 100_000, true, false);
            rec.accept(empty, 200_000, false, true);
            rec.accept(empty, 200_000, true, false); // a duplicate timestamp: skipped, its mark kept
            rec.accept(empty, 300_000, false, true);
            rec.accept(empty, 400_000);
            assertThat(rec.skippedFrames()).isEqualTo(1);
            assertThat(rec.traces().keyFrameTimes()).containsExactly(0.1, 0.3);
            assertThat(rec.traces().predictedFrames()).isEqualTo(2);
        }
        truth.present = true;
    }

    @Test
    void recorderReportsMissingFacesAsCode3AndDepartureAsCode5() {
        ImageView empty = TestImages.solid(W, H, 90, 90, 90);
        truth.present = false;
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(30), W, H, ScanFaceReport.Limits.DEFAULTS)) {
            for (int i = 0; i < 20; i++) {
                rec.accept(empty, i);
            }
            assertThat(rec.report().errorCode()).hasValue(ScanFaceReport.NO_FACE);
            assertThat(rec.traces().faceFound()).containsOnly(false);
        }
        truth.present = true;
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(5), W, H, ScanFaceReport.Limits.DEFAULTS)) {
            for (int i = 0; i < 30; i++) {
                placeFace(i < 20 ? 0 : -80, 0); // the last third: half out on the left
                rec.accept(scene.render(W, H, 0, 0, 1), i);
            }
            assertThat(rec.report().outOfFrame()).isGreaterThanOrEqualTo(8);
            assertThat(rec.report().errorCode()).hasValue(ScanFaceReport.OUT_OF_FRAME);
        }
    }

    @Test
    void recorderReportsCoveredSkinAsCode4() {
        placeFace(0, 0);
        // a blue-grey textured surface where the face is (a mask): the fake still "sees" a face, no region skin
        ImageView masked = scene.render(W, H, 0, 0, 1, 60, 80, 120);
        try (SkinTraceRecorder rec = new SkinTraceRecorder(tracker(30), W, H, ScanFaceReport.Limits.DEFAULTS)) {
            for (int i = 0; i < 10; i++) {
                rec.accept(i < 2 ? scene.render(W, H, 0, 0, 1) : masked, i);
            }
            assertThat(rec.report().lowSkinFrames()).isGreaterThanOrEqualTo(7);
            assertThat(rec.report().errorCode()).hasValue(ScanFaceReport.NOT_ENOUGH_SKIN);
        }
    }
}
