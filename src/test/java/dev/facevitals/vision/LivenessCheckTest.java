package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessCheckTest {

    /** A face with the given eye distance, pose and quality; the mesh is a flat placeholder. */
    private static AnalyzedFace face(double ipd, HeadPose pose, FaceQuality q, Box box) {
        float[] zero = new float[FaceMesh.POINTS];
        Point[] pts = {new Point(100, 100), new Point(100 + ipd, 100), new Point(100 + ipd / 2, 130),
                new Point(105, 160), new Point(95 + ipd, 160)};
        return new AnalyzedFace(new Face(box, 0.9, List.of()), box, new FaceMesh(zero, zero, zero, 1), pts,
                Affine.IDENTITY, pose, FaceQuality.rotationDegrees(pose), q, null, 0.5);
    }

    private static final FaceQuality GOOD = new FaceQuality(0, 0, 1, 0.1);
    private static final Box BOX = new Box(50, 50, 200, 240);

    @Test
    void requirementsInTheirOrder() {
        ImageView img = TestImages.solid(400, 400, 128, 128, 128);
        LivenessCheck.Requirements req = LivenessCheck.Requirements.DEFAULTS;
        LivenessFusion f = LivenessFusion.modelOnly(5);
        HeadPose front = new HeadPose(0, 0, 0);
        assertThat(LivenessCheck.check(img, List.of(), req, f).rejection())
                .isEqualTo(LivenessCheck.Rejection.FACE_NOT_FOUND);
        AnalyzedFace ok = face(90, front, GOOD, BOX);
        assertThat(LivenessCheck.check(img, List.of(ok, ok), req, f).rejection())
                .isEqualTo(LivenessCheck.Rejection.TOO_MANY_FACES);
        assertThat(LivenessCheck.check(img, List.of(face(39, front, GOOD, BOX)), req, f).rejection())
                .isEqualTo(LivenessCheck.Rejection.FACE_TOO_SMALL);
        assertThat(LivenessCheck.check(img, List.of(face(90, new HeadPose(24, 0, 0), GOOD, BOX)), req, f).rejection())
                .isEqualTo(LivenessCheck.Rejection.FACE_ANGLE_TOO_LARGE);
        assertThat(LivenessCheck.check(img, List.of(face(90, new HeadPose(0, 0, 30), GOOD, BOX)), req, f).rejection())
                .isNull(); // roll is allowed further than yaw
        assertThat(LivenessCheck.check(img, List.of(face(90, front, GOOD, new Box(300, 50, 200, 240))), req, f)
                .rejection()).isEqualTo(LivenessCheck.Rejection.FACE_CLOSE_TO_BORDER);
        LivenessCheck.Result judged = LivenessCheck.check(img, List.of(ok), req, f);
        assertThat(judged.rejection()).isNull();
        assertThat(judged.score()).isCloseTo(0, within(1e-9)); // the model's 0.5, alone
        assertThat(judged.quality()).isCloseTo(1, within(1e-9)); // 90 px eyes, sharp, well exposed, frontal
    }

    /** The face routes' probability is the check's score through the calibration, for any face, even a small one. */
    @Test
    void probabilityOfOneFaceIsTheChecksScoreThroughTheCalibration() {
        ImageView img = TestImages.solid(400, 400, 128, 128, 128);
        AnalyzedFace ok = face(90, new HeadPose(0, 0, 0), GOOD, BOX);
        LivenessCheck.Result judged = LivenessCheck.check(img, List.of(ok), LivenessCheck.Requirements.DEFAULTS,
                LivenessFusion.FUSED);
        for (LivenessFusion.Calibration c : LivenessFusion.Calibration.values()) {
            assertThat(LivenessCheck.probability(img, ok, LivenessFusion.FUSED, c))
                    .isCloseTo(judged.probability(c), within(1e-12));
        }
        // a face the check refuses still gets a probability on the face routes
        AnalyzedFace small = face(20, new HeadPose(0, 0, 0), GOOD, BOX);
        assertThat(LivenessCheck.check(img, List.of(small), LivenessCheck.Requirements.DEFAULTS, LivenessFusion.FUSED)
                .rejection()).isNotNull();
        assertThat(LivenessCheck.probability(img, small, LivenessFusion.FUSED, LivenessFusion.Calibration.REGULAR))
                .isBetween(0.0, 1.0);
    }

    @Test
    void qualityMultipliesItsParts() {
        FaceQuality q = new FaceQuality(0.2, 0.1, 0.5, 0);
        AnalyzedFace f = face(45, new HeadPose(60, 0, 0), q, BOX);
        // 45/90 * 0.5 * 0.8 * 0.9 * cos 60
        assertThat(LivenessCheck.quality(f, LivenessCheck.Requirements.DEFAULTS))
                .isCloseTo(0.5 * 0.5 * 0.8 * 0.9 * 0.5, within(1e-9));
    }

    @Test
    void aSeriesAveragesItsJudgedImagesAndReportsARejectionOnlyWhenNoneWasJudged() {
        LivenessCheck.Result a = new LivenessCheck.Result(null, 2, 0.8, null, null);
        LivenessCheck.Result b = new LivenessCheck.Result(null, -4, 0.4, null, null);
        LivenessCheck.Result rejected = new LivenessCheck.Result(LivenessCheck.Rejection.FACE_TOO_SMALL, Double.NaN,
                Double.NaN, null, null);
        LivenessCheck.Result mean = LivenessCheck.accumulate(List.of(a, rejected, b));
        assertThat(mean.rejection()).isNull();
        assertThat(mean.score()).isCloseTo(-1, within(1e-12));
        assertThat(mean.quality()).isCloseTo(0.6, within(1e-12));
        assertThat(LivenessCheck.accumulate(List.of(rejected)).rejection())
                .isEqualTo(LivenessCheck.Rejection.FACE_TOO_SMALL);
        assertThat(LivenessCheck.accumulate(List.of()).rejection()).isEqualTo(LivenessCheck.Rejection.FACE_NOT_FOUND);
    }
}
