package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.Box;
import dev.facevitals.vision.ConditionsAnalyzer;
import dev.facevitals.vision.ConditionsReport;
import dev.facevitals.vision.ConditionsSettings;
import dev.facevitals.vision.Detections;
import dev.facevitals.vision.Face;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceMesh;
import dev.facevitals.vision.FaceRegions;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.MeshCrop;
import dev.facevitals.vision.Polygon;
import dev.facevitals.vision.SnapshotChecker;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.VisionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One snapshot per quality code, each made from the sample photos by a known edit. Setting the system
 * property {@code vision.debugDir} writes each snapshot with the judged face box drawn, to look at.
 */
class ConditionsCheckTest {

    private static OpenCvVision vision;
    private static SnapshotChecker checker;
    private static final List<ConditionsReport> SEEN = new ArrayList<>();

    @BeforeAll
    static void load() {
        vision = new OpenCvVision(VisionSettings.defaults());
        checker = new SnapshotChecker(vision.newDetector(), vision.newSmallFaceDetector(), vision.newLandmarker(),
                new ConditionsAnalyzer(ConditionsSettings.DEFAULTS));
    }

    @AfterAll
    static void close() {
        checker.close();
        vision.close();
        // the score contract over every snapshot judged here: >= 5 exactly when the code is 0
        for (ConditionsReport r : SEEN) {
            assertThat(r.qualityScore() >= 5).as("%s", r).isEqualTo(r.errorCode() == 0);
            assertThat(r.qualityScore()).isBetween(0.0, 10.0);
            assertThat(r.prompt()).isEqualTo(ConditionsAnalyzer.prompt(r.errorCode()));
        }
    }

    private static ConditionsReport check(String name, ImageView img) {
        ConditionsReport r = checker.check(img);
        SEEN.add(r);
        String dir = System.getProperty("vision.debugDir");
        if (dir != null) {
            ImageView d = ImageViews.copy(img);
            if (r.face() != null) {
                TestImages.draw(d, r.face().box(), 255, 0, 0);
            }
            try (OpenCvImage o = OpenCvImage.copyOf(d)) {
                Files.write(Path.of(dir, "conditions_" + name + "_" + r.errorCode() + ".png"), o.encode(".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return r;
    }

    private static ImageView good() {
        return SamplePhotos.goodSnapshot();
    }

    @Test
    void code0GoodSnapshot() {
        ConditionsReport r = check("good", good());
        assertThat(r.errorCode()).isZero();
        assertThat(r.qualityScore()).isBetween(5.0, 10.0);
        assertThat(r.prompt()).isEqualTo("No error");
        assertThat(r.face().box().centreX()).isBetween(180.0, 290.0);
        assertThat(r.metrics().foreheadSkin()).isGreaterThan(0.8);
    }

    @Test
    void code1TooClose() {
        ConditionsReport r = check("close", TestImages.crop(SamplePhotos.photo(3), SamplePhotos.FACE_X - 170,
                SamplePhotos.FACE_Y - 150, 340, 320));
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.TOO_CLOSE);
        assertThat(r.prompt()).isEqualTo("You're too close");
    }

    @Test
    void code2MoveCloserWhenTheFaceIsSmallInTheFrame() {
        // the good snapshot shrunk to 35 % in the middle of a grey frame: the camera is far away
        ImageView small = TestImages.scale(good(), 0.35);
        ImageView frame = TestImages.solid(465, 620, 90, 90, 90);
        for (int y = 0; y < small.height(); y++) {
            for (int x = 0; x < small.width(); x++) {
                int[] c = TestImages.rgb(small, x, y);
                TestImages.set(frame, x + 151, y + 150, c[0], c[1], c[2]);
            }
        }
        assertThat(check("far", frame).errorCode()).isEqualTo(ConditionsAnalyzer.MOVE_CLOSER);
    }

    @Test
    void code2MoveCloserWhenTheFaceHasTooFewPixels() {
        // the same framing at a quarter of the resolution: the face is ~60 px high
        ConditionsReport r = check("lowres", TestImages.scale(good(), 0.25));
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.MOVE_CLOSER);
        assertThat(r.metrics().faceSize()).isGreaterThan(0.3);
    }

    @Test
    void code3OffCentreOrTilted() {
        ConditionsReport shifted = check("offcentre", TestImages.crop(SamplePhotos.photo(3), SamplePhotos.FACE_X - 70,
                SamplePhotos.FACE_Y - 236, 465, 620));
        assertThat(shifted.errorCode()).isEqualTo(ConditionsAnalyzer.ALIGN_CENTRE);
        assertThat(shifted.metrics().centreOffset()).isLessThan(-0.2);
        ConditionsReport tilted = check("rotated", TestImages.rotate(good(), 30, 232, 236));
        assertThat(tilted.errorCode()).isEqualTo(ConditionsAnalyzer.ALIGN_CENTRE);
        assertThat(Math.abs(tilted.face().pose().roll())).isGreaterThan(20);
    }

    @Test
    void code4NoRoomForTheChestBelowTheChin() {
        ConditionsReport r = check("chest", TestImages.crop(SamplePhotos.photo(3), SamplePhotos.FACE_X - 232,
                SamplePhotos.FACE_Y - 310, 465, 440));
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.CHEST_NOT_VISIBLE);
        assertThat(r.metrics().roomBelowChin()).isLessThan(0.4);
    }

    @Test
    void code5HeadTurned() {
        ConditionsReport r = check("turned", SamplePhotos.turnedHead());
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.FACE_CAMERA);
        assertThat(Math.abs(r.face().pose().yaw())).isGreaterThan(20);
    }

    @Test
    void code6DarkOverexposedOrLitFromOneSide() {
        ConditionsReport dark = check("dark", TestImages.gain(good(), 0.25, 0.25));
        assertThat(dark.errorCode()).isEqualTo(ConditionsAnalyzer.LIGHTING);
        assertThat(dark.metrics().faceLuma()).isLessThan(50);
        ConditionsReport bright = check("bright", TestImages.gain(good(), 2.2, 2.2));
        assertThat(bright.errorCode()).isEqualTo(ConditionsAnalyzer.LIGHTING);
        assertThat(bright.metrics().clipped()).isGreaterThan(0.15);
        ConditionsReport side = check("side", TestImages.gain(good(), 0.3, 1.3));
        assertThat(side.errorCode()).isEqualTo(ConditionsAnalyzer.LIGHTING);
        assertThat(side.metrics().sideRatio()).isGreaterThan(1.6);
        assertThat(side.metrics().faceLuma()).isBetween(50.0, 215.0);
    }

    @Test
    void code7FaceTooHighInTheFrame() {
        ConditionsReport r = check("high", TestImages.crop(SamplePhotos.photo(3), SamplePhotos.FACE_X - 350,
                SamplePhotos.FACE_Y - 140, 700, 950));
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.LOWER_FACE);
        assertThat(r.prompt()).isEqualTo("Lower your face");
    }

    @Test
    void code8NoFace() {
        ConditionsReport wall = check("background", TestImages.crop(SamplePhotos.photo(3), 0, 0, 300, 400));
        assertThat(wall.errorCode()).isEqualTo(ConditionsAnalyzer.NO_FACE);
        assertThat(wall.qualityScore()).isZero();
        assertThat(wall.face()).isNull();
        assertThat(check("grey", TestImages.solid(640, 480, 128, 128, 128)).errorCode())
                .isEqualTo(ConditionsAnalyzer.NO_FACE);
    }

    @Test
    void code9ForeheadCutOffByTheFrame() {
        ConditionsReport r = check("cutoff", TestImages.crop(SamplePhotos.photo(3), SamplePhotos.FACE_X - 232,
                SamplePhotos.FACE_Y - 90, 465, 620));
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.FOREHEAD);
        assertThat(r.metrics().foreheadInside()).isLessThan(0.9);
    }

    @Test
    void code9ForeheadCovered() {
        ImageView snap = good();
        try (FaceDetector d = vision.newDetector(); FaceLandmarker lm = vision.newLandmarker()) {
            Face f = Detections.largest(d.detect(snap));
            FaceMesh m = lm.landmarks(snap, MeshCrop.fromFace(f));
            // a dark brown band (a cap's brim, a fringe) over the forehead region and a little around it
            Box b = FaceRegions.from(m).forehead().bounds().scale(1.3);
            TestImages.fill(snap, new Polygon(new double[] {b.x(), b.right(), b.right(), b.x()},
                    new double[] {b.y(), b.y(), b.bottom(), b.bottom()}), 60, 40, 30);
        }
        ConditionsReport r = check("covered", snap);
        assertThat(r.errorCode()).isEqualTo(ConditionsAnalyzer.FOREHEAD);
        assertThat(r.metrics().foreheadSkin()).isLessThan(0.4);
        assertThat(r.metrics().cheekSkin()).isGreaterThan(0.8);
    }

    @Test
    void serviceEntryPointTakesJpegBytesAndRefusesJunk() throws Exception {
        byte[] jpeg;
        try (OpenCvImage img = OpenCvImage.copyOf(good())) {
            jpeg = img.encode(".jpg");
        }
        ConditionsReport r = vision.checkConditions(jpeg);
        assertThat(r.errorCode()).isZero();
        SEEN.add(r);
        assertThatThrownBy(() -> vision.checkConditions(new byte[] {1, 2, 3}))
                .isInstanceOf(ImageRejectedException.class);
        // concurrent calls each get their own models
        List<Thread> threads = new ArrayList<>();
        List<Integer> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> codes.add(vision.checkConditions(jpeg).errorCode()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(codes).containsExactly(0, 0, 0);
    }

    /**
     * Two faces in view (sample6.jpg rendered as a scan's first frame: the user just right of the centre, the
     * other woman blurred at the left edge and boxed a little larger): the check judges the user, the face the
     * scan will follow, not the larger box.
     */
    @Test
    void withTwoFacesTheCentralOneIsJudged(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("two-faces.mkv");
        SyntheticTruth truth = SyntheticClip.builder().photo(Path.of("target/test-classes/photos/sample6.jpg"))
                .faceSize(230).durationSec(1).seed(1).codec(ClipEncoder.Codec.FFV1).write(clip);
        ImageView first;
        try (FrameSource source = new VideoDecoder().open(clip)) {
            VideoFrame f = source.next();
            first = ImageViews.copy(f.image());
        }
        try (FaceDetector detector = vision.newDetector()) {
            List<Face> faces = detector.detect(first);
            assertThat(faces).hasSizeGreaterThanOrEqualTo(2);
            // the premise: the largest box is the bystander's, well left of the user
            assertThat(Detections.largest(faces).box().centreX())
                    .isLessThan(truth.faceCenterX()[0] - truth.faceSize()[0]);
        }
        ConditionsReport r = check("two_faces", first);
        assertThat(r.face()).isNotNull();
        assertThat(r.face().box().centreX()).isCloseTo(truth.faceCenterX()[0], within(0.1 * truth.faceSize()[0]));
    }
}
