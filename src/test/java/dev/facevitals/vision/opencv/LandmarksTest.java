package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vision.Box;
import dev.facevitals.vision.Detections;
import dev.facevitals.vision.Face;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceMesh;
import dev.facevitals.vision.FaceRegions;
import dev.facevitals.vision.HeadPose;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.MeshCrop;
import dev.facevitals.vision.Point;
import dev.facevitals.vision.Polygon;
import dev.facevitals.vision.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LandmarksTest {

    private static FaceDetector detector;
    private static FaceLandmarker landmarker;

    @BeforeAll
    static void load() {
        detector = BlazeFaceDetector.bundled();
        landmarker = FaceMeshLandmarker.bundled();
    }

    @AfterAll
    static void close() {
        detector.close();
        landmarker.close();
    }

    private static FaceMesh meshOf(ImageView img) {
        Face f = Detections.largest(detector.detect(img));
        assertThat(f).isNotNull();
        return landmarker.landmarks(img, MeshCrop.fromFace(f));
    }

    @Test
    void regionsSitOnForeheadAndCheeksClearOfEyesAndMouth() {
        ImageView snap = SamplePhotos.goodSnapshot();
        Face face = Detections.largest(detector.detect(snap));
        FaceMesh m = landmarker.landmarks(snap, MeshCrop.fromFace(face));
        assertThat(m.presence()).isGreaterThan(0.9);
        Box faceBox = m.bounds();
        double eyeY = (m.ys()[33] + m.ys()[263]) / 2;
        double upperLipY = m.ys()[0];
        double noseTipX = m.xs()[1];
        FaceRegions r = FaceRegions.from(m);
        for (Polygon p : r.list()) {
            Box b = p.bounds();
            assertThat(faceBox.intersect(b).area()).isCloseTo(b.area(), within(1e-6));
            assertThat(p.area()).isGreaterThan(0.01 * faceBox.area());
        }
        // forehead above the brows' top (landmark 66/296 are brow points), cheeks between eyes and mouth
        assertThat(r.forehead().bounds().bottom()).isLessThan(Math.min(m.ys()[66], m.ys()[296]));
        for (Polygon cheek : new Polygon[] {r.leftCheek(), r.rightCheek()}) {
            assertThat(cheek.bounds().y()).isGreaterThan(eyeY);
            assertThat(cheek.bounds().bottom()).isLessThan(upperLipY);
        }
        // the subject's left cheek shows on the image's right
        assertThat(r.leftCheek().bounds().centreX()).isGreaterThan(noseTipX);
        assertThat(r.rightCheek().bounds().centreX()).isLessThan(noseTipX);
        // the detector's eye keypoints agree with the mesh's eye corners' midpoints
        Point rightEye = new Point((m.xs()[33] + m.xs()[133]) / 2, (m.ys()[33] + m.ys()[133]) / 2);
        assertThat(face.keypoints().get(Face.RIGHT_EYE).distanceTo(rightEye)).isLessThan(0.08 * faceBox.height());
    }

    @Test
    void poseFollowsMirrorAndRotation() {
        ImageView snap = SamplePhotos.goodSnapshot();
        HeadPose base = HeadPose.from(meshOf(snap));
        assertThat(Math.abs(base.yaw())).isBetween(5.0, 25.0);
        assertThat(Math.abs(base.roll())).isLessThan(8.0);
        HeadPose mirrored = HeadPose.from(meshOf(TestImages.mirror(snap)));
        assertThat(mirrored.yaw()).isCloseTo(-base.yaw(), within(4.0));
        assertThat(mirrored.roll()).isCloseTo(-base.roll(), within(4.0));
        // rotating the picture clockwise by 25 degrees about the face tilts the head by the same amount
        // (the face sits at (232, 236) in the snapshot)
        HeadPose tilted = HeadPose.from(meshOf(TestImages.rotate(snap, 25, 232, 236)));
        assertThat(Math.abs(tilted.roll() - base.roll())).isCloseTo(25, within(4.0));
        HeadPose turned = HeadPose.from(meshOf(SamplePhotos.turnedHead()));
        assertThat(Math.abs(turned.yaw())).isGreaterThan(25);
    }
}
