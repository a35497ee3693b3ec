package dev.facevitals.auth;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.ops.AuditLog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tenants, their contract limits and their keys, as the operator manages them. Every change is audited. */
@ApplicationScoped
public class AdminService {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String ACTOR = "admin";

    private final TenantRepository tenants;
    private final ApiKeyRepository keys;
    private final ApiKeyService keyService;
    private final AuditLog audit;

    public AdminService(TenantRepository tenants, ApiKeyRepository keys, ApiKeyService keyService, AuditLog audit) {
        this.tenants = tenants;
        this.keys = keys;
        this.keyService = keyService;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Tenant> createTenant(String id, String name, Integer scanLimit, String limitPeriod) {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER,
                    "id must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        }
        checkLimits(scanLimit, limitPeriod);
        return tenants.findById(id).chain(existing -> {
            if (existing != null) {
                throw new ApiException(ErrorCode.CONFLICT, "Tenant " + id + " exists.");
            }
            Tenant t = new Tenant();
            t.id = id;
            t.name = name == null || name.isBlank() ? id : name;
            t.createdAt = ApiKeyService.now();
            t.scanLimit = scanLimit;
            t.limitPeriod = limitPeriod == null ? "month" : limitPeriod;
            return tenants.persist(t).call(() -> audit.record(id, ACTOR, "tenant.create", id, limits(t)));
        });
    }

    @WithSession
    public Uni<List<Tenant>> tenants() {
        return tenants.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @WithSession
    public Uni<Tenant> tenant(String id) {
        return tenants.findById(id).map(AdminService::found);
    }

    @WithTransaction
    public Uni<Tenant> setLimits(String id, Integer scanLimit, String limitPeriod) {
        checkLimits(scanLimit, limitPeriod);
        return tenants.findById(id).map(AdminService::found).call(t -> {
            t.scanLimit = scanLimit;
            t.limitPeriod = limitPeriod == null ? t.limitPeriod : limitPeriod;
            return audit.record(id, ACTOR, "tenant.limits", id, limits(t));
        });
    }

    /** Whether enrollment images of the tenant are kept in object storage (off by default). */
    @WithTransaction
    public Uni<Boolean> setEnrollmentImages(String id, boolean enabled) {
        return tenants.findById(id).map(AdminService::found)
                .call(t -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                                "update tenants set keep_enrollment_images = ?1 where id = ?2")
                        .setParameter(1, enabled).setParameter(2, id).executeUpdate()))
                .call(t -> audit.record(id, ACTOR, "tenant.enrollment-images", id, "enabled=" + enabled))
                .replaceWith(enabled);
    }

    @WithTransaction
    public Uni<ApiKeyService.IssuedKey> issueKey(String tenantId, String name, List<String> permissions) {
        List<String> groups = groups(permissions);
        return tenants.findById(tenantId).map(AdminService::found)
                .chain(t -> keyService.newKey(tenantId, name, null, groups))
                .call(k -> audit.record(tenantId, ACTOR, "key.issue", k.id().toString(), "groups=" + k.permissions()));
    }

    @WithSession
    public Uni<List<ApiKey>> keys(String tenantId) {
        return tenants.findById(tenantId).map(AdminService::found)
                .chain(t -> keys.list("tenantId = ?1 order by createdAt", tenantId));
    }

    /** Revokes a key and issues a new one with the same name and permissions. */
    @WithTransaction
    public Uni<ApiKeyService.IssuedKey> rotateKey(String tenantId, UUID keyId) {
        return activeKey(tenantId, keyId).chain(old -> {
            old.revokedAt = ApiKeyService.now();
            List<String> groups = old.permissions == null ? null : List.of(old.permissions.split(","));
            return keyService.newKey(tenantId, old.name, null, groups)
                    .call(k -> audit.record(tenantId, ACTOR, "key.rotate", keyId.toString(), "new=" + k.id()));
        });
    }

    @WithTransaction
    public Uni<Void> revokeKey(String tenantId, UUID keyId) {
        return activeKey(tenantId, keyId).call(k -> {
            k.revokedAt = ApiKeyService.now();
            return audit.record(tenantId, ACTOR, "key.revoke", keyId.toString(), null);
        }).replaceWithVoid();
    }

    private Uni<ApiKey> activeKey(String tenantId, UUID keyId) {
        return keys.find("id = ?1 and tenantId = ?2 and revokedAt is null", keyId, tenantId).firstResult()
                .map(k -> {
                    if (k == null) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "No active key " + keyId + " for tenant " + tenantId + ".");
                    }
                    return k;
                });
    }

    private static List<String> groups(List<String> permissions) {
        if (permissions == null) {
            return null;
        }
        try {
            return Roles.parse(permissions);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, e.getMessage() + ".");
        }
    }

    private static void checkLimits(Integer scanLimit, String limitPeriod) {
        if (scanLimit != null && scanLimit < 0) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "scan_limit must be 0 or more (null = unlimited).");
        }
        if (limitPeriod != null && !limitPeriod.equals("month") && !limitPeriod.equals("total")) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "limit_period must be 'month' or 'total'.");
        }
    }

    private static String limits(Tenant t) {
        return "scan_limit=" + t.scanLimit + " period=" + t.limitPeriod;
    }

    private static Tenant found(Tenant t) {
        if (t == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such tenant.");
        }
        return t;
    }
}
