package dev.facevitals.face;

import dev.facevitals.api.VertxContexts;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import dev.facevitals.face.FaceViews.CompareResponse;
import dev.facevitals.face.FaceViews.CompareThresholds;
import dev.facevitals.face.FaceViews.DetectResponse;
import dev.facevitals.face.FaceViews.IdentifyResponse;
import dev.facevitals.face.FaceViews.Match;
import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.EmbeddingIndex;
import dev.facevitals.vision.Embeddings;
import dev.facevitals.vision.FaceSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** Perse-style face detection with quality metrics, 1:1 comparison and 1:N identification. */
@Path("/v1/faces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
@RolesAllowed(Roles.FACES)
public class FaceResource {

    static final String CONSENT = "client_declaration_enduser_consent";

    private final FaceService faces;
    private final ImageUploads uploads;
    private final EnrollmentService enrollments;
    private final EnrollmentIndexes indexes;
    private final FacesConfig config;
    private final SecurityIdentity identity;

    public FaceResource(FaceService faces, ImageUploads uploads, EnrollmentService enrollments,
                        EnrollmentIndexes indexes, FacesConfig config, SecurityIdentity identity) {
        this.faces = faces;
        this.uploads = uploads;
        this.enrollments = enrollments;
        this.indexes = indexes;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/detect")
    @Blocking
    public DetectResponse detect(@RestForm("image_file") FileUpload image, @RestForm(CONSENT) String consent) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        Boolean declared = consent(consent);
        FaceService.Detected d = faces.detect(uploads.read(image, "image_file"));
        VertxContexts.await(() -> enrollments.recordOperation(caller.tenantId(), "detect", declared, d.faces().size()));
        return new DetectResponse(d.faces().size(),
                d.faces().stream().map(s -> FaceViews.face(s.face(), s.liveness())).toList(),
                FaceViews.thresholds(faces.settings().thresholds()), FaceViews.image(d.image()), FaceViews.seconds(t0));
    }

    @POST
    @Path("/compare")
    @Blocking
    public CompareResponse compare(@RestForm("image_file1") FileUpload image1, @RestForm("image_file2") FileUpload image2,
                                   @RestForm("image_file") FileUpload image, @RestForm("user_token") String userToken,
                                   @RestForm(CONSENT) String consent) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        Boolean declared = consent(consent);
        float[] a;
        float[] b;
        double liveness;
        if (userToken != null && !userToken.isBlank()) {
            java.util.UUID token = EnrollmentResource.token(userToken);
            Enrollment e = VertxContexts.await(() -> enrollments.find(caller.tenantId(), token));
            if (!e.embeddingModel.equals(faces.modelId())) {
                throw new ApiException(ErrorCode.CONFLICT, "This enrollment was made with another face model: update it.");
            }
            FaceService.Scored probe = faces.largest(uploads.read(image, "image_file"), "image_file");
            a = probe.face().embedding();
            b = Embeddings.fromBytes(e.embedding);
            liveness = probe.liveness();
        } else {
            if (image1 == null && image2 == null && image != null) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "Send image_file with a user_token, or image_file1 and image_file2.");
            }
            byte[] one = uploads.read(image1, "image_file1");
            byte[] two = uploads.read(image2, "image_file2");
            FaceService.Scored f1 = faces.largest(one, "image_file1");
            FaceService.Scored f2 = faces.largest(two, "image_file2");
            a = f1.face().embedding();
            b = f2.face().embedding();
            liveness = Math.min(f1.liveness(), f2.liveness());
        }
        double sim = Embeddings.cosine(a, b);
        VertxContexts.await(() -> enrollments.recordOperation(caller.tenantId(), "compare", declared, null));
        FaceSettings s = faces.settings();
        return new CompareResponse(FaceViews.r3(sim), sim >= s.matchThreshold(), FaceViews.r3(liveness),
                thresholds(), FaceViews.seconds(t0));
    }

    @POST
    @Path("/identify")
    @Blocking
    public IdentifyResponse identify(@RestForm("image_file") FileUpload image, @RestForm("top") Integer top,
                                     @RestForm(CONSENT) String consent) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        Boolean declared = consent(consent);
        int k = top == null ? 5 : top;
        if (k < 1 || k > config.maxIdentifyResults()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "top must be 1 to " + config.maxIdentifyResults() + ".");
        }
        AnalyzedFace probe = faces.largestEmbedded(uploads.read(image, "image_file"), "image_file");
        List<EmbeddingIndex.Hit> hits = indexes.search(caller.tenantId(), faces.modelId(), probe.embedding(), k);
        VertxContexts.await(() -> enrollments.recordOperation(caller.tenantId(), "identify", declared, null));
        double threshold = faces.settings().matchThreshold();
        List<Match> matches = hits.stream()
                .map(h -> new Match(h.key(), FaceViews.r3(h.similarity()), h.similarity() >= threshold)).toList();
        return new IdentifyResponse(matches, indexes.size(caller.tenantId(), faces.modelId()), thresholds(),
                FaceViews.seconds(t0));
    }

    private CompareThresholds thresholds() {
        FaceSettings s = faces.settings();
        return new CompareThresholds(s.matchThreshold(), s.thresholds().liveness());
    }

    static Boolean consent(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ApiException(ErrorCode.INVALID_PARAMETER, CONSENT + " must be true or false.");
        };
    }
}
