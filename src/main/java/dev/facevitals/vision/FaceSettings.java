package dev.facevitals.vision;

/**
 * Configuration of the face pipeline (models and pass thresholds). Detection and landmarks come from
 * {@link VisionSettings}.
 *
 * @param embeddingModel   identity model: 112x112 aligned RGB in, one vector out (default fr_feature.onnx)
 * @param livenessModel    single-image liveness classifier: 128x128 RGB crop of 2.7 face boxes in, softmax with
 *                         the live class first (default fr_liveness.onnx)
 * @param minPresence      face-mesh presence probability below which a detector box is dropped (default 0.25: the profile face in sample2 reads 0.3)
 * @param matchThreshold   cosine similarity at or above which two faces are the same person
 * @param thresholds       quality thresholds reported as {@code default_thresholds} and used by enrollment
 */
public record FaceSettings(ModelSource embeddingModel, ModelSource livenessModel, double minPresence,
                           double matchThreshold, QualityThresholds thresholds) {

    public static final String FR_FEATURE = "fr_feature.onnx";
    public static final String FR_LIVENESS = "fr_liveness.onnx";

    /**
     * @param underexposure at most (enrollment refuses more)
     * @param overexposure  at most (enrollment refuses more)
     * @param sharpness     at least
     * @param color         at most
     * @param rotation      at most, degrees
     * @param liveness      at least
     */
    public record QualityThresholds(double underexposure, double overexposure, double sharpness, double color,
                                    double rotation, double liveness) {
    }

    public FaceSettings {
        if (!(minPresence >= 0 && minPresence < 1) || !(matchThreshold > -1 && matchThreshold < 1)) {
            throw new IllegalArgumentException("minPresence in [0, 1) and matchThreshold in (-1, 1) required");
        }
    }

    /** Defaults; the match threshold is the one calibrated in docs/faces.md. */
    public static FaceSettings defaults() {
        return new FaceSettings(ModelSource.bundled(FR_FEATURE), ModelSource.bundled(FR_LIVENESS), 0.25, 0.40,
                new QualityThresholds(0.5, 0.3, 0.3, 0.6, 35, 0.5));
    }
}
