package dev.facevitals.face;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.FaceAnalyzer.Extras;
import dev.facevitals.vision.FaceQuality;
import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.LivenessCheck;
import dev.facevitals.vision.LivenessFusion;
import dev.facevitals.vision.opencv.OpenCvFaces;

/** The face pipeline on uploaded bytes, with the API's errors. Blocking (CPU): call from worker threads. */
@ApplicationScoped
public class FaceService {

    private final OpenCvFaces faces;

    public FaceService(OpenCvFaces faces) {
        this.faces = faces;
    }

    /** Every face with metrics and liveness, and the whole image's metrics. */
    public record Detected(List<Scored> faces, FaceQuality image) {
    }

    /** A face and its liveness probability (0-1; the fused "liveness" pipeline, REGULAR). */
    public record Scored(AnalyzedFace face, double liveness) {
    }

    public FaceSettings settings() {
        return faces.settings();
    }

    /** Identifies the embedding model in stored records: vectors of another model are not comparable. */
    public String modelId() {
        return faces.settings().embeddingModel().sha256().substring(0, 16);
    }

    public Detected detect(byte[] image) {
        return decoded(() -> faces.analyze(image, (a, view) -> new Detected(
                a.all(view, Extras.LIVENESS).stream().map(f -> new Scored(f, liveness(view, f))).toList(),
                FaceQuality.ofImage(view))));
    }

    /** The largest face with its embedding and liveness; face_not_found when there is none. */
    public Scored largest(byte[] image, String field) {
        return found(decoded(() -> faces.analyze(image, (a, view) -> {
            AnalyzedFace f = a.largest(view, Extras.BOTH);
            return f == null ? null : new Scored(f, liveness(view, f));
        })), field);
    }

    /**
     * The largest face with its embedding only, for routes that answer no liveness (identify, enrollment):
     * the liveness model and the texture cues are not run. face_not_found when there is none.
     */
    public AnalyzedFace largestEmbedded(byte[] image, String field) {
        return found(decoded(() -> faces.analyze(image, (a, view) -> a.largest(view, Extras.EMBEDDING))), field);
    }

    private static <T> T found(T face, String field) {
        if (face == null) {
            throw new ApiException(ErrorCode.FACE_NOT_FOUND, "No face was found in '" + field + "'.");
        }
        return face;
    }

    /** The fused liveness probability (model and texture cues, REGULAR calibration) of one face. */
    static double liveness(ImageView view, AnalyzedFace f) {
        return LivenessCheck.probability(view, f, LivenessFusion.FUSED, LivenessFusion.Calibration.REGULAR);
    }

    private static <T> T decoded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ImageRejectedException e) {
            throw new ApiException(ErrorCode.IMAGE_INVALID, e.getMessage());
        }
    }
}
