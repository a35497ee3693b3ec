package dev.facevitals.liveness;

import dev.facevitals.api.VertxContexts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import dev.facevitals.face.ImageUploads;
import dev.facevitals.vision.Blinks;
import dev.facevitals.vision.LivenessCheck;
import dev.facevitals.vision.LivenessFusion.Calibration;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * IDLive-style passive liveness: one image or a series with one accumulated answer, a batch with an answer
 * per file, and a multi-pipeline image check. Image requirements are answered with 200 and an
 * {@code error_code} (as IDLive does); unreadable uploads and bad parameters are problem+json errors. Every
 * answer is recorded in check_records for the BI report.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
@RolesAllowed(Roles.LIVENESS)
public class LivenessResource {

    /** One liveness answer; absent fields are left out, as IDLive does. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String fileName, String pipeline, String calibration, Double probability, Double quality,
                         Double score, Boolean pass, String error, String errorCode, Boolean blinkDetected) {

        Answer(String fileName, String pipeline, String calibration, Double probability, Double quality, Double score,
               Boolean pass, String error, String errorCode) {
            this(fileName, pipeline, calibration, probability, quality, score, pass, error, errorCode, null);
        }

        Answer withBlink(Boolean blink) {
            return new Answer(fileName, pipeline, calibration, probability, quality, score, pass, error, errorCode, blink);
        }
    }

    public record ImageCheck(String serverVersion, List<Answer> results) {
    }

    /** The {@code data} part of /images/check. */
    public record CheckData(String domain, List<PipelineChoice> pipelines) {
    }

    public record PipelineChoice(String pipeline, String calibration) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LivenessService liveness;
    private final ImageUploads uploads;
    private final CheckRecords records;
    private final LivenessConfig config;
    private final SecurityIdentity identity;
    private final String version;

    public LivenessResource(LivenessService liveness, ImageUploads uploads, CheckRecords records, LivenessConfig config,
                            SecurityIdentity identity,
                            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.liveness = liveness;
        this.uploads = uploads;
        this.records = records;
        this.config = config;
        this.identity = identity;
        this.version = version;
    }

    @POST
    @Path("/liveness/check")
    @Blocking
    public Answer check(@RestForm(FileUpload.ALL) List<FileUpload> files, @QueryParam("pipeline") String pipelineName,
                        @QueryParam("calibration") String calibrationName) {
        Caller caller = Caller.of(identity);
        Pipeline pipeline = Pipeline.of(pipelineName);
        Calibration calibration = Pipeline.calibration(calibrationName);
        List<FileUpload> images = images(files);
        List<LivenessCheck.Result> series = new ArrayList<>();
        for (FileUpload f : images) {
            series.add(liveness.check(uploads.read(f, f.name()), pipeline));
        }
        Answer a = answer(null, pipeline, calibration, LivenessCheck.accumulate(series), false)
                .withBlink(blink(series));
        record(caller, List.of(a));
        return a;
    }

    @POST
    @Path("/liveness/check-batch")
    @Blocking
    public List<Answer> checkBatch(@RestForm(FileUpload.ALL) List<FileUpload> files,
                                   @QueryParam("pipeline") String pipelineName,
                                   @QueryParam("calibration") String calibrationName) {
        Caller caller = Caller.of(identity);
        Pipeline pipeline = Pipeline.of(pipelineName);
        Calibration calibration = Pipeline.calibration(calibrationName);
        List<Answer> out = new ArrayList<>();
        for (FileUpload f : images(files)) {
            String name = f.fileName() == null ? f.name() : f.fileName();
            try {
                out.add(answer(name, pipeline, calibration, liveness.check(uploads.read(f, f.name()), pipeline), false));
            } catch (ApiException e) {
                // one bad file does not spoil the batch: its entry carries the error
                out.add(new Answer(name, null, null, null, null, null, null, e.detail() == null ? e.code().title()
                        : e.detail(), e.code().name()));
            }
        }
        record(caller, out);
        return out;
    }

    @POST
    @Path("/images/check")
    @Blocking
    public ImageCheck imageCheck(@RestForm("image") FileUpload image, @RestForm("data") String data) {
        Caller caller = Caller.of(identity);
        CheckData d = data(data);
        List<Pipeline> pipelines = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        for (PipelineChoice c : d.pipelines()) {
            if (c == null) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A pipelines entry is empty.");
            }
            pipelines.add(Pipeline.of(c.pipeline()));
            calibrations.add(Pipeline.calibration(c.calibration()));
        }
        LivenessCheck.Result measured = liveness.check(uploads.read(image, "image"), Pipeline.LIVENESS);
        List<Answer> results = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            results.add(answer(null, pipelines.get(i), calibrations.get(i),
                    LivenessService.rescore(measured, pipelines.get(i)), true));
        }
        record(caller, results);
        return new ImageCheck(version, results);
    }

    /** For a series of at least three judged images, whether the eyes closed and opened again; else null. */
    static Boolean blink(List<LivenessCheck.Result> series) {
        double[] openness = series.stream().filter(r -> r.rejection() == null)
                .mapToDouble(r -> Blinks.openness(r.face().mesh())).toArray();
        return openness.length < Blinks.MIN_IMAGES ? null : Blinks.blinked(openness);
    }

    private CheckData data(String data) {
        if (data == null || data.isBlank()) {
            return new CheckData("GENERAL", List.of(new PipelineChoice(Pipeline.LIVENESS.id(), "REGULAR")));
        }
        CheckData d;
        try {
            d = JSON.readValue(data, CheckData.class);
        } catch (Exception e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The data part is not valid JSON: {\"pipelines\": "
                    + "[{\"pipeline\": \"liveness\", \"calibration\": \"REGULAR\"}]}.");
        }
        if (d == null || d.pipelines() == null || d.pipelines().isEmpty()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "data.pipelines must list at least one pipeline.");
        }
        if (d.domain() != null && !List.of("GENERAL", "DESKTOP").contains(d.domain().toUpperCase(Locale.ROOT))) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "domain must be GENERAL or DESKTOP.");
        }
        if (d.pipelines().size() > 8) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "At most 8 pipelines per request.");
        }
        return d;
    }

    private List<FileUpload> images(List<FileUpload> files) {
        List<FileUpload> images = files == null ? List.of() : files;
        if (images.isEmpty()) {
            throw new ApiException(ErrorCode.IMAGE_MISSING, "Send one or more images as multipart files.");
        }
        if (images.size() > config.maxImages()) {
            throw new ApiException(ErrorCode.TOO_MANY_IMAGES, "At most " + config.maxImages() + " images per request.");
        }
        return images;
    }

    private static Answer answer(String file, Pipeline p, Calibration c, LivenessCheck.Result r, boolean named) {
        String pipeline = named ? p.id() : null;
        String calibration = named ? c.name() : null;
        if (r.rejection() != null) {
            return new Answer(file, pipeline, calibration, null, null, null, null, r.rejection().message(),
                    r.rejection().name());
        }
        double probability = r.probability(c);
        return new Answer(file, pipeline, calibration, round(probability), round(r.quality()), round(r.score()),
                probability >= 0.5, null, null);
    }

    /** Records the answers; a failure to record is logged by the mapper, the caller still gets its answer. */
    private void record(Caller caller, List<Answer> answers) {
        List<CheckRecords.Row> rows = answers.stream().map(a -> new CheckRecords.Row(
                a.pipeline() == null ? "liveness" : a.pipeline(), a.calibration() == null ? "REGULAR" : a.calibration(),
                a.probability(), a.quality(), a.errorCode() != null ? "rejected" : a.pass() ? "live" : "spoof",
                a.errorCode())).toList();
        try {
            VertxContexts.await(() -> records.add(caller.tenantId(), rows));
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(LivenessResource.class).warnf("Could not record liveness checks: %s",
                    e.getMessage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
