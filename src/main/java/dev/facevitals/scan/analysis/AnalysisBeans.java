package dev.facevitals.scan.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.facevitals.liveness.LivenessService;
import dev.facevitals.liveness.Pipeline;
import dev.facevitals.video.DecoderSettings;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.vision.LivenessCheck;
import dev.facevitals.vision.LivenessFusion;
import dev.facevitals.vision.ModelSource;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.DefaultVitalsEngine;
import dev.facevitals.vitals.VitalsEngine;
import dev.facevitals.vitals.VitalsSettings;

/**
 * Builds the pipeline's plain-Java parts from configuration. The models are read and checksum-verified
 * once, when the vision bean is first needed (a wrong model fails there, not mid-scan).
 */
@ApplicationScoped
public class AnalysisBeans {

    private static final Logger LOG = Logger.getLogger(AnalysisBeans.class);

    @Produces
    @ApplicationScoped
    OpenCvVision vision(AnalysisConfig config) {
        VisionSettings defaults = VisionSettings.defaults();
        VisionSettings settings = new VisionSettings(
                model(config.detectorModel(), defaults.detectorModel()),
                model(config.landmarkModel(), defaults.landmarkModel()),
                defaults.minFaceScore(), defaults.nmsIou(), defaults.tileMinScore(), defaults.tilesAcross(),
                defaults.maxImagePixels(),
                defaults.tracker().withLandmarkInterval(config.landmarkInterval()).withSkinPatches(config.skinPatches())
                        .withAffineTracking(config.affineTracking()),
                defaults.conditions(), defaults.scanLimits());
        OpenCvVision vision = new OpenCvVision(settings);
        LOG.infof("Vision models loaded: detector %s, landmarks %s", settings.detectorModel().location(),
                settings.landmarkModel().location());
        return vision;
    }

    void close(@Disposes OpenCvVision vision) {
        vision.close();
    }

    @Produces
    @ApplicationScoped
    VitalsEngine vitals(AnalysisConfig config) {
        VitalsSettings s = VitalsSettings.DEFAULTS.withMethod(config.pulseMethod());
        double min = config.minDuration().toMillis() / 1000.0;
        VitalsSettings.Signal g = s.signal();
        VitalsSettings.Hrv h = s.hrv();
        return new DefaultVitalsEngine(s.withSignal(new VitalsSettings.Signal(g.resampleHz(), min, g.maxGapSec(),
                g.detrendCutoffHz(), g.filterOrder(), g.spectrumSegmentSec(), g.spectrumResolutionHz()))
                .withHrv(h.withNoiseRuns(config.hrvNoiseRuns()))
                .withPulse(s.pulse().withSkinSignature(config.pbvSkinSignature())
                        .withGreenFallback(config.pbvGreenFallback())));
    }

    @Produces
    @ApplicationScoped
    VideoDecoder decoder(AnalysisConfig config) {
        return new VideoDecoder(DecoderSettings.defaults().withThreads(config.decoderThreads()));
    }

    @Produces
    @ApplicationScoped
    VideoAnalyzer analyzer(VideoDecoder decoder, OpenCvVision vision, VitalsEngine engine, AnalysisConfig config,
                           LivenessService liveness) {
        FrameLiveness frameLiveness = frame -> {
            LivenessCheck.Result r = liveness.check(frame, Pipeline.LIVENESS);
            return r.rejection() == null ? r.probability(LivenessFusion.Calibration.REGULAR) : null;
        };
        return new PipelineAnalyzer(decoder, vision, engine, config.minDuration().toMillis() / 1000.0, frameLiveness);
    }

    private static ModelSource model(AnalysisConfig.Model configured, ModelSource bundled) {
        if (configured.location().isEmpty()) {
            return bundled;
        }
        String sha = configured.sha256().orElseThrow(() -> new IllegalStateException(
                "A model location needs its sha256 (facevitals.analysis.*-model.sha256)"));
        return new ModelSource(configured.location().get(), sha);
    }
}
