package dev.facevitals.liveness;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.vision.FaceAnalyzer.Extras;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.LivenessCheck;
import dev.facevitals.vision.opencv.OpenCvFaces;

/** Liveness on image bytes. Blocking (CPU): call from worker threads. */
@ApplicationScoped
public class LivenessService {

    private final OpenCvFaces faces;
    private final LivenessCheck.Requirements requirements;

    public LivenessService(OpenCvFaces faces, LivenessConfig config) {
        this.faces = faces;
        this.requirements = new LivenessCheck.Requirements(config.minInterpupillary(), config.maxYawPitch(),
                config.maxYawPitch(), config.maxRoll(), LivenessCheck.Requirements.DEFAULTS.minInside());
    }

    /**
     * One image through a pipeline.
     *
     * @throws ApiException image_invalid when the bytes do not decode
     */
    public LivenessCheck.Result check(byte[] image, Pipeline pipeline) {
        try {
            return faces.analyze(image, (a, view) -> LivenessCheck.check(view, a.all(view, Extras.LIVENESS),
                    requirements, pipeline.fusion()));
        } catch (ImageRejectedException e) {
            throw new ApiException(ErrorCode.IMAGE_INVALID, e.getMessage());
        }
    }

    /** One decoded frame (BGR, for example from a scan video) through a pipeline. */
    public LivenessCheck.Result check(ImageView frame, Pipeline pipeline) {
        return faces.analyze(frame, (a, view) -> LivenessCheck.check(view, a.all(view, Extras.LIVENESS),
                requirements, pipeline.fusion()));
    }

    /** The same measurements scored by another pipeline (no second pass over the image). */
    public static LivenessCheck.Result rescore(LivenessCheck.Result r, Pipeline pipeline) {
        if (r.rejection() != null) {
            return r;
        }
        double score = pipeline.fusion().score(r.cues().features(), r.face().modelLive());
        return new LivenessCheck.Result(null, score, r.quality(), r.face(), r.cues());
    }

}
