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

    public VersionResource(@ConfigProperty(name = "quarkus.application.version") String version,
                           AnalysisConfig analysis, OpenCvVision vision) {
        this.version = version;
        this.analysis = analysis;
        this.vision = vision;
    }

    @GET
    public Version version() {
        List<String> methods = java.util.Arrays.stream(PulseMethod.values()).map(Enum::name).toList();
        ModelSource detector = vision.settings().detectorModel();
        ModelSource landmarks = vision.settings().landmarkModel();
        return new Version("FaceVitals", version, List.of(
                new Pipeline("health-scan", "heart rate, respiration and HRV from a face video (rPPG)", methods,
                        analysis.pulseMethod().name()),
                new Pipeline("conditions-check", "snapshot quality before a scan (codes 0-9)", List.of(), null)),
                List.of(new Model("face-detector", detector.location(), detector.sha256()),
                        new Model("face-landmarks", landmarks.location(), landmarks.sha256())));
    }
}
