package dev.facevitals.scan;

import dev.facevitals.api.VertxContexts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.api.ImageUploadReader;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import dev.facevitals.storage.DebugStore;
import dev.facevitals.vision.ConditionsReport;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.opencv.OpenCvVision;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Step 1 of a health scan: is this camera snapshot good enough to record? Face detection, landmarks and
 * the quality checks behind codes 0-9; a signature for the upload URL when the score is at least 5.
 */
@Path("/v1/videos/check-conditions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCANS)
public class ConditionsResource {

    private static final Logger LOG = Logger.getLogger(ConditionsResource.class);

    /** @param debugKey where the snapshot was kept when the request asked {@code debug=true}, else null */
    public record Response(double qualityScore, int qualityErrorCode, String prompt, String signature,
                           FaceInfo face, String debugKey) {
    }

    /** The face judged: box and keypoints in image pixels, head pose in degrees. */
    public record FaceInfo(BoundingBox boundingBox, double score, List<double[]> keypoints, Pose pose) {
    }

    public record BoundingBox(double x, double y, double width, double height) {
    }

    public record Pose(double yaw, double pitch, double roll) {
    }

    private final OpenCvVision vision;
    private final DebugStore debugStore;
    private final ConditionsSignatures signatures;
    private final UploadConfig config;
    private final SecurityIdentity identity;

    public ConditionsResource(OpenCvVision vision, DebugStore debugStore, ConditionsSignatures signatures,
                              UploadConfig config, SecurityIdentity identity) {
        this.vision = vision;
        this.debugStore = debugStore;
        this.signatures = signatures;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response check(@RestForm("image") FileUpload image, @QueryParam("debug") boolean debug) {
        Caller caller = Caller.of(identity);
        byte[] bytes = ImageUploadReader.read(image, "image", config.maxImageBytes());
        String debugKey = debug ? keepForDebugging(caller, bytes, image.contentType()) : null;
        ConditionsReport report;
        try {
            report = vision.checkConditions(bytes);
        } catch (ImageRejectedException e) {
            throw new ApiException(ErrorCode.IMAGE_INVALID, e.getMessage());
        }
        String signature = report.conditionsMet() ? signatures.issue(caller.tenantId(), sha256(bytes)) : null;
        LOG.debugf("check-conditions for %s: code %d, score %.1f", caller.tenantId(), report.errorCode(),
                report.qualityScore());
        return new Response(report.qualityScore(), report.errorCode(), report.prompt(), signature, face(report),
                debugKey);
    }

    /** The store and its table are reactive; this route is blocking: run them on a Vert.x context and wait. */
    private String keepForDebugging(Caller caller, byte[] bytes, String contentType) {
        try {
            return VertxContexts.await(
                    () -> debugStore.keep(caller.tenantId(), "check-conditions", bytes, contentType));
        } catch (RuntimeException e) {
            LOG.warnf("Could not keep a debug snapshot for %s: %s", caller.tenantId(), e.getMessage());
            return null;
        }
    }

    private static FaceInfo face(ConditionsReport report) {
        ConditionsReport.FaceSummary f = report.face();
        if (f == null) {
            return null;
        }
        List<double[]> keypoints = f.keypoints().stream().map(p -> new double[] {round(p.x()), round(p.y())}).toList();
        Pose pose = f.pose() == null ? null
                : new Pose(round(f.pose().yaw()), round(f.pose().pitch()), round(f.pose().roll()));
        return new FaceInfo(new BoundingBox(round(f.box().x()), round(f.box().y()), round(f.box().width()),
                round(f.box().height())), round(f.score()), keypoints, pose);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
