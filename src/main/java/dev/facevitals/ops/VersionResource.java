package dev.facevitals.ops;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.facevitals.scan.analysis.AnalysisConfig;
import dev.facevitals.vision.ModelSource;
import dev.facevitals.vision.LivenessFusion;
import dev.facevitals.vision.opencv.OpenCvFaces;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.rppg.PulseMethod;

/** What this instance is: product, version, the pipelines it offers and the models (with their checksums). */
@Path("/v1/version")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class VersionResource {

    public record Model(String name, String location, String sha256) {
    }

    public record Pipeline(String name, String description, List<String> methods, String defaultMethod) {
    }

    public record Version(String product, String version, List<Pipeline> pipelines, List<Model> models) {
    }

    private final String version;
    private final AnalysisConfig analysis;
    private final OpenCvVision vision;
    private final OpenCvFaces faces;

    public VersionResource(@ConfigProperty(name = "quarkus.application.version") String version,
                           AnalysisConfig analysis, OpenCvVision vision, OpenCvFaces faces) {
        this.version = version;
        this.analysis = analysis;
        this.vision = vision;
        this.faces = faces;
    }

    @GET
    public Version version() {
        List<String> methods = java.util.Arrays.stream(PulseMethod.values()).map(Enum::name).toList();
        ModelSource detector = vision.settings().detectorModel();
        ModelSource landmarks = vision.settings().landmarkModel();
        List<String> calibrations = java.util.Arrays.stream(LivenessFusion.Calibration.values()).map(Enum::name).toList();
        List<Pipeline> pipelines = new java.util.ArrayList<>(List.of(
                new Pipeline("health-scan", "heart rate, respiration and HRV from a face video (rPPG)", methods,
                        analysis.pulseMethod().name()),
                new Pipeline("conditions-check", "snapshot quality before a scan (codes 0-9)", List.of(), null)));
        for (dev.facevitals.liveness.Pipeline p : dev.facevitals.liveness.Pipeline.values()) {
            pipelines.add(new Pipeline(p.id(), "passive liveness on images (docs/liveness.md)", calibrations,
                    LivenessFusion.Calibration.REGULAR.name()));
        }
        ModelSource embedding = faces.settings().embeddingModel();
        ModelSource liveness = faces.settings().livenessModel();
        return new Version("FaceVitals", version, pipelines,
                List.of(new Model("face-detector", detector.location(), detector.sha256()),
                        new Model("face-landmarks", landmarks.location(), landmarks.sha256()),
                        new Model("face-embedding", embedding.location(), embedding.sha256()),
                        new Model("face-liveness", liveness.location(), liveness.sha256())));
    }
}
