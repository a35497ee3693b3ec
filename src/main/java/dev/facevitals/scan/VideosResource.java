package dev.facevitals.scan;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import dev.facevitals.storage.ObjectStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Steps 2 and 3 of a health scan: an upload URL for the video, then the request to process it. */
@Path("/v1/videos")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCANS)
public class VideosResource {

    private static final Logger LOG = Logger.getLogger(VideosResource.class);

    public record UploadUrlRequest(String signature) {
    }

    public record UploadUrlResponse(UUID uuid, String url, Map<String, String> formDataFields, Instant expiresAt,
                                    long maxBytes) {
    }

    public record ProcessResponse(UUID uuid, String status) {
    }

    private final ScanService scans;
    private final ConditionsSignatures signatures;
    private final ObjectStore store;
    private final UploadConfig config;
    private final SecurityIdentity identity;

    public VideosResource(ScanService scans, ConditionsSignatures signatures, ObjectStore store, UploadConfig config,
                          SecurityIdentity identity) {
        this.scans = scans;
        this.signatures = signatures;
        this.store = store;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/upload-url")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> uploadUrl(UploadUrlRequest request) {
        Caller caller = Caller.of(identity);
        ConditionsSignatures.Verified signature = signatures.verify(request == null ? null : request.signature(),
                caller.tenantId());
        return scans.createUpload(caller, signature).map(scan -> {
            ObjectStore.PresignedUpload upload = store.presignUpload(scan.objectKey, config.maxBytes(), config.urlTtl());
            LOG.infof("Scan %s: upload URL issued (tenant %s)", scan.uuid, scan.tenantId);
            return Response.status(201).entity(new UploadUrlResponse(scan.uuid, upload.url(), upload.fields(),
                    upload.expiresAt(), upload.maxBytes())).build();
        });
    }

    @POST
    @Path("/process/{uuid}")
    public Uni<Response> process(@PathParam("uuid") String uuidText, @QueryParam("timezone") String timezone,
                                 @QueryParam("performer-ref") String performerRef,
                                 @QueryParam("patient-ref") String patientRef) {
        Caller caller = Caller.of(identity);
        UUID uuid = ScanIds.parse(uuidText);
        String zone = Timezones.resolve(timezone).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TIMEZONE));
        checkRef("performer-ref", performerRef);
        checkRef("patient-ref", patientRef);
        return scans.find(caller, uuid).chain(scan -> {
            if (scan.statusEnum() != ScanStatus.AWAITING_UPLOAD) {
                return Uni.createFrom().item(scan);
            }
            return store.stat(scan.objectKey).chain(info -> {
                if (info.isEmpty()) {
                    throw new ApiException(ErrorCode.VIDEO_NOT_FOUND);
                }
                if (info.get().size() > config.maxBytes()) {
                    throw new ApiException(ErrorCode.VIDEO_TOO_LARGE);
                }
                return scans.queue(caller, uuid, zone, performerRef, patientRef);
            });
        }).map(scan -> Response.accepted(new ProcessResponse(scan.uuid, scan.status)).build());
    }

    private static void checkRef(String name, String value) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be 1 to 200 characters.");
        }
    }
}
