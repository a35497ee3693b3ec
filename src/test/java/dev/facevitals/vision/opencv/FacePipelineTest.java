package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.Embeddings;
import dev.facevitals.vision.FaceAnalyzer;
import dev.facevitals.vision.FaceAnalyzer.Extras;
import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.VisionSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The face pipeline with the real models on the build's group photos. */
class FacePipelineTest {

    private static OpenCvVision vision;
    private static OpenCvFaces faces;
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void load() {
        vision = new OpenCvVision(VisionSettings.defaults());
        faces = new OpenCvFaces(vision, FaceSettings.defaults());
        analyzer = faces.newAnalyzer();
    }

    @AfterAll
    static void close() {
        analyzer.close();
        faces.close();
        vision.close();
    }

    @Test
    void everyFaceOfTheGroupPhotosIsFoundWithLandmarksInsideItsBox() {
        for (int i = 1; i <= 6; i++) {
            List<AnalyzedFace> found = analyzer.all(SamplePhotos.photo(i), Extras.NONE);
            assertThat(found).as("sample%d", i).hasSize(SamplePhotos.TRUE_FACES[i - 1]);
            for (AnalyzedFace f : found) {
                // eyes above the nose, nose above the mouth, image-left eye left of the image-right eye
                assertThat(f.points()[0].x()).isLessThan(f.points()[1].x());
                assertThat(f.points()[2].y()).isGreaterThan(Math.max(f.points()[0].y(), f.points()[1].y()));
                assertThat(f.points()[3].y()).isGreaterThan(f.points()[2].y());
                assertThat(f.box().width()).isGreaterThan(100);
            }
        }
    }

    @Test
    void theSameFaceCutTwoWaysMatchesAndOtherPeopleDoNot() {
        ImageView photo = SamplePhotos.photo(3);
        AnalyzedFace snapshot = analyzer.largest(SamplePhotos.goodSnapshot(), Extras.EMBEDDING);
        // the same woman: a wider crop shrunk to 60 %, then mirrored (a front camera)
        ImageView wide = TestImages.scale(TestImages.crop(photo, SamplePhotos.FACE_X - 400, SamplePhotos.FACE_Y - 350,
                800, 800), 0.6);
        AnalyzedFace again = analyzer.largest(wide, Extras.EMBEDDING);
        AnalyzedFace mirrored = analyzer.largest(TestImages.mirror(SamplePhotos.goodSnapshot()), Extras.EMBEDDING);
        assertThat(Embeddings.cosine(snapshot.embedding(), again.embedding())).isGreaterThan(0.8);
        assertThat(Embeddings.cosine(snapshot.embedding(), mirrored.embedding())).isGreaterThan(0.7);
        // everyone else in the group photos is someone else
        int others = 0;
        for (int i = 1; i <= 6; i++) {
            for (AnalyzedFace f : analyzer.all(SamplePhotos.photo(i), Extras.EMBEDDING)) {
                boolean same = i == 3 && Math.abs(f.box().centreX() - SamplePhotos.FACE_X) < 100;
                double sim = Embeddings.cosine(snapshot.embedding(), f.embedding());
                if (same) {
                    assertThat(sim).isGreaterThan(0.8);
                } else {
                    assertThat(sim).as("sample%d %s", i, f.box()).isLessThan(0.3);
                    others++;
                }
            }
        }
        assertThat(others).isEqualTo(21);
    }

    @Test
    void metricsMoveWithDarknessBlurAndTurning() {
        ImageView good = SamplePhotos.goodSnapshot();
        AnalyzedFace base = analyzer.largest(good, Extras.NONE);
        AnalyzedFace dark = analyzer.largest(TestImages.gain(good, 0.15, 0.15), Extras.NONE);
        AnalyzedFace blurred = analyzer.largest(TestImages.scale(TestImages.scale(good, 0.2), 5), Extras.NONE);
        AnalyzedFace turned = analyzer.largest(SamplePhotos.turnedHead(), Extras.NONE);
        FaceSettings.QualityThresholds t = FaceSettings.defaults().thresholds();
        assertThat(base.quality().underexposure()).isLessThan(t.underexposure());
        assertThat(dark.quality().underexposure()).isGreaterThan(t.underexposure());
        assertThat(blurred.quality().sharpness()).isLessThan(base.quality().sharpness() - 0.3);
        assertThat(base.rotation()).isLessThan(20);
        assertThat(turned.rotation()).isGreaterThan(base.rotation() + 10);
        assertThat(base.quality().color()).isLessThan(t.color());
    }

    @Test
    void anImageWithoutAFaceHasNone() {
        assertThat(analyzer.largest(TestImages.solid(400, 300, 120, 140, 160), Extras.BOTH)).isNull();
        assertThat(analyzer.all(TestImages.crop(SamplePhotos.photo(1), 0, 0, 300, 200), Extras.NONE)).isEmpty();
    }
}
