package dev.facevitals.face;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.ModelSource;
import dev.facevitals.vision.opencv.OpenCvFaces;
import dev.facevitals.vision.opencv.OpenCvVision;

/** The face pipeline built from configuration; models are verified when the bean is first needed. */
@ApplicationScoped
public class FaceBeans {

    private static final Logger LOG = Logger.getLogger(FaceBeans.class);

    @Produces
    @ApplicationScoped
    OpenCvFaces faces(OpenCvVision vision, FacesConfig config) {
        FaceSettings d = FaceSettings.defaults();
        FaceSettings.QualityThresholds t = d.thresholds();
        FaceSettings s = new FaceSettings(model(config.embeddingModel(), d.embeddingModel()),
                model(config.livenessModel(), d.livenessModel()), d.minPresence(), config.matchThreshold(),
                new FaceSettings.QualityThresholds(config.maxUnderexposure(), config.maxOverexposure(),
                        t.sharpness(), t.color(), t.rotation(), t.liveness()));
        OpenCvFaces faces = new OpenCvFaces(vision, s);
        LOG.infof("Face models loaded: embedding %s, liveness %s", s.embeddingModel().location(),
                s.livenessModel().location());
        return faces;
    }

    void close(@Disposes OpenCvFaces faces) {
        faces.close();
    }

    private static ModelSource model(FacesConfig.Model configured, ModelSource bundled) {
        if (configured.location().isEmpty()) {
            return bundled;
        }
        return ModelSource.of(configured.location().get(), configured.sha256().orElse(null));
    }
}
