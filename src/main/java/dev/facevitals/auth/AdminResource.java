package dev.facevitals.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * The operator's admin API ({@code x-admin-key}): tenants, contract limits, API keys. New keys and their
 * signing secrets are shown once, in the answer that creates them.
 */
@Path("/v1/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    /** @param scanLimit scans allowed per period, null = unlimited @param limitPeriod month or total */
    public record TenantRequest(String id, String name, Integer scanLimit, String limitPeriod) {
    }

    public record EnrollmentImages(Boolean enabled) {
    }

    public record LimitsRequest(Integer scanLimit, String limitPeriod) {
    }

    public record TenantView(String id, String name, Integer scanLimit, String limitPeriod, OffsetDateTime createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id, t.name, t.scanLimit, t.limitPeriod, t.createdAt);
        }
    }

    /** @param permissions route groups (see docs/security.md); absent = all */
    public record KeyRequest(String name, List<String> permissions) {
    }

    public record IssuedKeyView(UUID id, String tenant, String key, String signingSecret, Set<String> permissions) {
        static IssuedKeyView of(ApiKeyService.IssuedKey k) {
            return new IssuedKeyView(k.id(), k.tenantId(), k.key(), k.signingSecret(), k.permissions());
        }
    }

    public record KeyView(UUID id, String prefix, String name, Set<String> permissions, OffsetDateTime createdAt,
                          OffsetDateTime revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.prefix, k.name, Roles.groupsOf(k.permissions), k.createdAt, k.revokedAt);
        }
    }

    private final AdminService admin;

    public AdminResource(AdminService admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(TenantRequest r) {
        if (r == null) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A JSON body with the tenant id is required.");
        }
        return admin.createTenant(r.id(), r.name(), r.scanLimit(), r.limitPeriod())
                .map(t -> Response.status(201).entity(TenantView.of(t)).build());
    }

    @GET
    public Uni<List<TenantView>> list() {
        return admin.tenants().map(l -> l.stream().map(TenantView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<TenantView> get(@PathParam("id") String id) {
        return admin.tenant(id).map(TenantView::of);
    }

    @PUT
    @Path("/{id}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TenantView> limits(@PathParam("id") String id, LimitsRequest r) {
        return admin.setLimits(id, r == null ? null : r.scanLimit(), r == null ? null : r.limitPeriod())
                .map(TenantView::of);
    }

    /** Keep enrollment images in object storage for this tenant: {@code {"enabled": true|false}}. */
    @PUT
    @Path("/{id}/enrollment-images")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EnrollmentImages> enrollmentImages(@PathParam("id") String id, EnrollmentImages r) {
        if (r == null || r.enabled() == null) {
            throw new dev.facevitals.api.ApiException(dev.facevitals.api.ErrorCode.INVALID_PARAMETER,
                    "Send {\"enabled\": true} or {\"enabled\": false}.");
        }
        return admin.setEnrollmentImages(id, r.enabled()).map(EnrollmentImages::new);
    }

    @POST
    @Path("/{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(@PathParam("id") String id, KeyRequest r) {
        return admin.issueKey(id, r == null ? null : r.name(), r == null ? null : r.permissions())
                .map(k -> Response.status(201).entity(IssuedKeyView.of(k)).build());
    }

    @GET
    @Path("/{id}/keys")
    public Uni<List<KeyView>> keys(@PathParam("id") String id) {
        return admin.keys(id).map(l -> l.stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/{id}/keys/{key}/rotate")
    public Uni<Response> rotate(@PathParam("id") String id, @PathParam("key") String key) {
        return admin.rotateKey(id, keyId(key)).map(k -> Response.status(201).entity(IssuedKeyView.of(k)).build());
    }

    @DELETE
    @Path("/{id}/keys/{key}")
    public Uni<Response> revoke(@PathParam("id") String id, @PathParam("key") String key) {
        return admin.revokeKey(id, keyId(key)).map(v -> Response.noContent().build());
    }

    private static UUID keyId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such key.");
        }
    }
}
