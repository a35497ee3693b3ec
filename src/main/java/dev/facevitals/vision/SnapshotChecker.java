package dev.facevitals.vision;

import java.util.List;

/**
 * Detector, landmarks and {@link ConditionsAnalyzer} for one snapshot. The main detector is meant for a
 * selfie-sized face; when it finds nothing, the optional small-face detector (tiling) gets a chance, so a far
 * face yields "move closer" rather than "no face". Not thread-safe; owns its detectors and landmarker.
 */
public final class SnapshotChecker implements AutoCloseable {

    private final FaceDetector detector;
    private final FaceDetector smallFaces;
    private final FaceLandmarker landmarker;
    private final ConditionsAnalyzer analyzer;

    /**
     * @param detector   main detector (owned)
     * @param smallFaces fallback for small faces, or null (owned)
     * @param landmarker landmarks (owned)
     * @param analyzer   the rules
     */
    public SnapshotChecker(FaceDetector detector, FaceDetector smallFaces, FaceLandmarker landmarker,
                           ConditionsAnalyzer analyzer) {
        this.detector = detector;
        this.smallFaces = smallFaces;
        this.landmarker = landmarker;
        this.analyzer = analyzer;
    }

    public ConditionsReport check(ImageView image) {
        List<Face> faces = detector.detect(image);
        if (faces.isEmpty() && smallFaces != null) {
            faces = smallFaces.detect(image);
        }
        Face face = Detections.subject(faces, image.width(), image.height());
        FaceMesh mesh = face == null ? null : landmarker.landmarks(image, MeshCrop.fromFace(face));
        return analyzer.analyze(image, face, mesh);
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            try {
                if (smallFaces != null) {
                    smallFaces.close();
                }
            } finally {
                landmarker.close();
            }
        }
    }
}
