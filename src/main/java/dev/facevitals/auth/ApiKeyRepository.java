package dev.facevitals.auth;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** The active (not revoked) key with this hash. */
    public Uni<ApiKey> findActiveByHash(byte[] hash) {
        return find("keyHash = ?1 and revokedAt is null", (Object) hash).firstResult();
    }
}
