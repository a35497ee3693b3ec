package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facevitals.vision.Detections;
import dev.facevitals.vision.Face;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceMesh;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.MeshCrop;
import dev.facevitals.vision.VisionSettings;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real models on the sample photos; true counts by eye (see {@link SamplePhotos#TRUE_FACES}). */
class DetectorsTest {

    private static OpenCvVision vision;
    private static FaceDetector whole;
    private static FaceDetector tiled;
    private static FaceDetector ultra;
    private static FaceLandmarker mesh;

    @BeforeAll
    static void load() {
        vision = new OpenCvVision(VisionSettings.defaults());
        whole = vision.newDetector();
        tiled = vision.newSmallFaceDetector();
        ultra = UltraFaceDetector.bundled();
        mesh = vision.newLandmarker();
    }

    @AfterAll
    static void close() {
        whole.close();
        tiled.close();
        ultra.close();
        mesh.close();
        vision.close();
    }

    @Test
    void tiledBlazeFaceFindsEveryFaceInTheGroupPhotos() {
        for (int i = 1; i <= 6; i++) {
            ImageView photo = SamplePhotos.photo(i);
            List<Face> faces = tiled.detect(photo);
            assertThat(faces).as("sample%d", i).hasSize(SamplePhotos.TRUE_FACES[i - 1]);
            List<Face> other = ultra.detect(photo);
            for (Face f : faces) {
                // each box is a face: the independent fr_detect model has one there too
                assertThat(other).as("sample%d %s", i, f.box()).anySatisfy(o -> assertThat(o.box().iou(f.box())).isGreaterThan(0.3));
                // and the mesh model sees a face in it (lower for the profile face in sample2)
                FaceMesh m = mesh.landmarks(photo, MeshCrop.fromFace(f));
                assertThat(m.presence()).as("sample%d %s", i, f.box()).isGreaterThan(0.3);
            }
        }
    }

    @Test
    void frDetectOnTheWholeImageFindsTheSameCounts() {
        for (int i = 1; i <= 6; i++) {
            assertThat(ultra.detect(SamplePhotos.photo(i))).as("sample%d", i).hasSize(SamplePhotos.TRUE_FACES[i - 1]);
        }
    }

    @Test
    void wholeFrameBlazeFaceMissesSmallFacesInBigPhotos() {
        // short range on 1920 px: faces of ~200 px become ~13 px in the 128 input; documented, not a goal
        int found = 0;
        int truth = 0;
        for (int i = 1; i <= 6; i++) {
            found += whole.detect(SamplePhotos.photo(i)).size();
            truth += SamplePhotos.TRUE_FACES[i - 1];
        }
        assertThat(found).isLessThan(truth);
    }

    @Test
    void findsTheSelfieFaceAloneAndTheSameFromHeapAndDirectPixels() {
        ImageView snap = SamplePhotos.goodSnapshot();
        List<Face> heap = whole.detect(snap);
        assertThat(heap).hasSize(1);
        Face f = heap.get(0);
        assertThat(f.score()).isGreaterThan(0.8);
        assertThat(f.box().centreX()).isBetween(200.0, 265.0);
        assertThat(f.keypoints()).hasSize(6);
        // right eye (subject's) on the image left of the left eye, nose between them, mouth below
        assertThat(f.keypoints().get(Face.RIGHT_EYE).x()).isLessThan(f.keypoints().get(Face.LEFT_EYE).x());
        assertThat(f.keypoints().get(Face.MOUTH).y()).isGreaterThan(f.keypoints().get(Face.NOSE_TIP).y());

        ByteBuffer direct = ByteBuffer.allocateDirect(snap.pixels().capacity());
        direct.put(snap.pixels().duplicate().clear());
        Face g = Detections.largest(whole.detect(new ImageView(snap.width(), snap.height(), snap.stride(), direct)));
        assertThat(g.box()).isEqualTo(f.box());
        // a crop (sub-view sharing the buffer) finds the face at the shifted place
        Face h = Detections.largest(whole.detect(ImageViews.crop(snap, 40, 30, 400, 560)));
        assertThat(h.box().centreX() + 40).isCloseTo(f.box().centreX(), org.assertj.core.api.Assertions.within(0.05 * f.box().width()));
    }
}
