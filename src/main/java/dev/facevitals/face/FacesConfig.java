package dev.facevitals.face;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Face and liveness routes: models, thresholds and image limits (docs/configuration.md). */
@ConfigMapping(prefix = "facevitals.faces")
public interface FacesConfig {

    /** Identity model (112x112 aligned face in, one vector out); the bundled fr_feature.onnx when absent. */
    Model embeddingModel();

    /** Single-image liveness classifier; the bundled fr_liveness.onnx when absent. */
    Model livenessModel();

    /** Cosine similarity at or above which two faces match (calibrated in docs/faces.md). */
    @WithDefault("0.40")
    double matchThreshold();

    /** Largest image accepted, bytes. */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Smallest width and height accepted, pixels (Biointellic: 150x150). */
    @WithDefault("150")
    int minImageSide();

    /** Enrollment refuses a face whose underexposure is above this (image_underexposed). */
    @WithDefault("0.5")
    double maxUnderexposure();

    /** Enrollment refuses a face whose overexposure is above this (image_overexposed). */
    @WithDefault("0.3")
    double maxOverexposure();

    /** Most matches one identify call may ask for. */
    @WithDefault("50")
    int maxIdentifyResults();

    interface Model {
        /** {@code classpath:models/...} or a file path. */
        Optional<String> location();

        /** Required with {@code location}. */
        Optional<String> sha256();
    }
}
