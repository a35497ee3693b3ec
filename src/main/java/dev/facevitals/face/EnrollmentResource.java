package dev.facevitals.face;

import dev.facevitals.api.VertxContexts;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import dev.facevitals.face.FaceViews.Deleted;
import dev.facevitals.face.FaceViews.EnrollmentList;
import dev.facevitals.face.FaceViews.EnrollmentResponse;
import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.FaceQuality;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Perse-style enrollment: the largest face's identity vector under a new {@code user_token}; faces that are
 * under- or overexposed beyond the thresholds are refused (image_underexposed, image_overexposed).
 */
@Path("/v1/enrollments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FACES)
public class EnrollmentResource {

    private static final int MAX_PAGE = 1000;

    private final FaceService faces;
    private final ImageUploads uploads;
    private final EnrollmentService enrollments;
    private final EnrollmentIndexes indexes;
    private final SecurityIdentity identity;

    public EnrollmentResource(FaceService faces, ImageUploads uploads, EnrollmentService enrollments,
                              EnrollmentIndexes indexes, SecurityIdentity identity) {
        this.faces = faces;
        this.uploads = uploads;
        this.enrollments = enrollments;
        this.indexes = indexes;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response create(@RestForm("image_file") FileUpload image, @RestForm(FaceResource.CONSENT) String consent) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        Boolean declared = FaceResource.consent(consent);
        byte[] bytes = uploads.read(image, "image_file");
        float[] v = enrollable(bytes);
        Enrollment e = VertxContexts.await(() -> enrollments.create(caller.tenantId(), v, faces.modelId(), declared,
                new EnrollmentService.Image(bytes, image.contentType())));
        VertxContexts.await(() -> enrollments.recordOperation(caller.tenantId(), "enroll", declared, 1));
        return Response.status(201).entity(new EnrollmentResponse(e.userToken.toString(), FaceViews.seconds(t0)))
                .build();
    }

    @PUT
    @Path("/{user_token}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public EnrollmentResponse update(@PathParam("user_token") String userToken, @RestForm("image_file") FileUpload image,
                                     @RestForm(FaceResource.CONSENT) String consent) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        UUID token = token(userToken);
        Boolean declared = FaceResource.consent(consent);
        VertxContexts.await(() -> enrollments.find(caller.tenantId(), token)); // 404 before any work
        byte[] bytes = uploads.read(image, "image_file");
        float[] v = enrollable(bytes);
        VertxContexts.await(() -> enrollments.update(caller.tenantId(), token, v, faces.modelId(), declared,
                new EnrollmentService.Image(bytes, image.contentType())));
        VertxContexts.await(() -> enrollments.recordOperation(caller.tenantId(), "enroll-update", declared, 1));
        return new EnrollmentResponse(token.toString(), FaceViews.seconds(t0));
    }

    @DELETE
    @Path("/{user_token}")
    @Blocking
    public Deleted delete(@PathParam("user_token") String userToken) {
        long t0 = System.nanoTime();
        Caller caller = Caller.of(identity);
        UUID token = token(userToken);
        VertxContexts.await(() -> enrollments.delete(caller.tenantId(), token));
        indexes.removed(caller.tenantId(), faces.modelId(), token);
        return new Deleted(FaceViews.seconds(t0));
    }

    @GET
    @Blocking
    public EnrollmentList list(@QueryParam("offset") @DefaultValue("0") int offset,
                               @QueryParam("limit") @DefaultValue("1000") int limit) {
        long t0 = System.nanoTime();
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "offset >= 0 and limit 1 to " + MAX_PAGE + ".");
        }
        String tenant = Caller.of(identity).tenantId();
        List<UUID> tokens = VertxContexts.await(() -> enrollments.tokens(tenant, offset, limit));
        long total = VertxContexts.await(() -> enrollments.count(tenant));
        return new EnrollmentList(tokens.stream().map(UUID::toString).toList(), total, FaceViews.seconds(t0));
    }

    private float[] enrollable(byte[] bytes) {
        AnalyzedFace face = faces.largestEmbedded(bytes, "image_file");
        FaceQuality q = face.quality();
        var t = faces.settings().thresholds();
        if (q.underexposure() > t.underexposure()) {
            throw new ApiException(ErrorCode.IMAGE_UNDEREXPOSED, String.format(java.util.Locale.ROOT,
                    "underexposure %.2f is above the threshold %.2f", q.underexposure(), t.underexposure()));
        }
        if (q.overexposure() > t.overexposure()) {
            throw new ApiException(ErrorCode.IMAGE_OVEREXPOSED, String.format(java.util.Locale.ROOT,
                    "overexposure %.2f is above the threshold %.2f", q.overexposure(), t.overexposure()));
        }
        return face.embedding();
    }

    /** A user_token that is not a UUID names no enrollment: 404, like another tenant's. */
    static UUID token(String s) {
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.ENROLLMENT_NOT_FOUND, "No enrollment " + s + ".");
        }
    }
}
