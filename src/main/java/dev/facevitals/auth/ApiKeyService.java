package dev.facevitals.auth;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tenants and their API keys. */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    static final String BOOTSTRAP_KEY_NAME = "bootstrap";

    /** A key as issued: the only moment the plain key exists outside the client. */
    public record IssuedKey(UUID id, String tenantId, String key) {
    }

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;

    public ApiKeyService(ApiKeyRepository keys, TenantRepository tenants) {
        this.keys = keys;
        this.tenants = tenants;
    }

    /** The active key matching this plain key, or null. */
    @WithSession
    public Uni<ApiKey> findActive(String plainKey) {
        return keys.findActiveByHash(ApiKeys.hash(plainKey));
    }

    /** Creates the tenant if needed and issues a key for it; a null {@code plainKey} generates one. */
    @WithTransaction
    public Uni<IssuedKey> issue(String tenantId, String name, String plainKey) {
        String key = plainKey == null ? ApiKeys.generate() : plainKey;
        return ensureTenant(tenantId).chain(t -> {
            ApiKey k = new ApiKey();
            k.id = UUID.randomUUID();
            k.tenantId = tenantId;
            k.keyHash = ApiKeys.hash(key);
            k.prefix = ApiKeys.prefix(key);
            k.name = name;
            k.createdAt = now();
            return keys.persist(k).replaceWith(new IssuedKey(k.id, tenantId, key));
        });
    }

    /**
     * Makes the configured bootstrap key the one active bootstrap key of its tenant: a changed key in the
     * configuration revokes the previous one.
     */
    @WithTransaction
    public Uni<Void> ensureBootstrap(String tenantId, String plainKey) {
        byte[] hash = ApiKeys.hash(plainKey);
        return ensureTenant(tenantId)
                .chain(t -> keys.list("tenantId = ?1 and name = ?2 and revokedAt is null", tenantId, BOOTSTRAP_KEY_NAME))
                .chain(existing -> {
                    boolean present = false;
                    for (ApiKey k : existing) {
                        if (Arrays.equals(k.keyHash, hash)) {
                            present = true;
                        } else {
                            k.revokedAt = now();
                            LOG.infof("Revoked the previous bootstrap key %s of tenant %s", k.prefix, tenantId);
                        }
                    }
                    if (present) {
                        return Uni.createFrom().voidItem();
                    }
                    ApiKey k = new ApiKey();
                    k.id = UUID.randomUUID();
                    k.tenantId = tenantId;
                    k.keyHash = hash;
                    k.prefix = ApiKeys.prefix(plainKey);
                    k.name = BOOTSTRAP_KEY_NAME;
                    k.createdAt = now();
                    LOG.infof("Installed the bootstrap API key for tenant %s", tenantId);
                    return keys.persist(k).replaceWithVoid();
                });
    }

    private Uni<Tenant> ensureTenant(String tenantId) {
        return tenants.findById(tenantId).chain(t -> {
            if (t != null) {
                return Uni.createFrom().item(t);
            }
            Tenant n = new Tenant();
            n.id = tenantId;
            n.name = tenantId;
            n.createdAt = now();
            return tenants.persist(n);
        });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
