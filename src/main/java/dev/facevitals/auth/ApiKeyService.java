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

    /**
     * A key as issued: the only moment the plain key and its signing secret exist outside the client.
     *
     * @param signingSecret base64 secret for signed requests
     * @param permissions   route groups the key may call
     */
    public record IssuedKey(UUID id, String tenantId, String key, String signingSecret, java.util.Set<String> permissions) {
    }

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final SigningSecrets signingSecrets;

    public ApiKeyService(ApiKeyRepository keys, TenantRepository tenants, SigningSecrets signingSecrets) {
        this.keys = keys;
        this.tenants = tenants;
        this.signingSecrets = signingSecrets;
    }

    /** The active key matching this plain key, or null. */
    @WithSession
    public Uni<ApiKey> findActive(String plainKey) {
        return keys.findActiveByHash(ApiKeys.hash(plainKey));
    }

    @WithSession
    public Uni<ApiKey> findActiveById(UUID id) {
        return keys.find("id = ?1 and revokedAt is null", id).firstResult();
    }

    /** Remembers an accepted request signature; false when it was accepted before (a replay). */
    @WithTransaction
    public Uni<Boolean> recordSignature(byte[] digest, java.time.Instant forgetAfter) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "insert into used_request_signatures (digest, expires_at) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, digest)
                        .setParameter(2, OffsetDateTime.ofInstant(forgetAfter, ZoneOffset.UTC))
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** Creates the tenant if needed and issues a key with every permission. */
    @WithTransaction
    public Uni<IssuedKey> issue(String tenantId, String name, String plainKey) {
        return ensureTenant(tenantId).chain(t -> newKey(tenantId, name, plainKey, null));
    }

    /**
     * Issues a key for an existing tenant (in the caller's transaction).
     *
     * @param plainKey    null to generate one
     * @param permissions route groups, null for all
     */
    public Uni<IssuedKey> newKey(String tenantId, String name, String plainKey, java.util.List<String> permissions) {
        String key = plainKey == null ? ApiKeys.generate() : plainKey;
        byte[] secret = SigningSecrets.generate();
        ApiKey k = new ApiKey();
        k.id = UUID.randomUUID();
        k.tenantId = tenantId;
        k.keyHash = ApiKeys.hash(key);
        k.prefix = ApiKeys.prefix(key);
        k.name = name;
        k.createdAt = now();
        k.permissions = permissions == null || permissions.isEmpty() ? null : String.join(",", Roles.parse(permissions));
        k.signingSecret = signingSecrets.seal(secret);
        return keys.persist(k).replaceWith(new IssuedKey(k.id, tenantId, key, SigningSecrets.display(secret),
                Roles.groupsOf(k.permissions)));
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
                    // the bootstrap key signs requests too; its secret is shown nowhere, so rotate it via the admin API
                    k.signingSecret = signingSecrets.seal(SigningSecrets.generate());
                    LOG.infof("Installed the bootstrap API key for tenant %s", tenantId);
                    return keys.persist(k).replaceWithVoid();
                });
    }

    Uni<Tenant> ensureTenant(String tenantId) {
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

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
