package dev.facevitals.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Action tokens: HS256 JWTs that a server (holding an API key) hands to a front-end. They name the tenant
 * and the issuing key, live at most 12 hours, and are accepted only on the action routes.
 */
@ApplicationScoped
public class ActionTokens {

    /** A token as issued. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** What a valid token says. */
    public record Verified(String tenantId, String keyId, String tokenId, Instant expiresAt) {
    }

    private final SignedJwt jwt;

    public ActionTokens(Secrets secrets) {
        this.jwt = new SignedJwt("action", secrets.actionTokenKey());
    }

    public Issued issue(String tenantId, String keyId, Duration lifetime, Map<String, Object> meta) {
        SignedJwt.Issued i = jwt.issue(tenantId, keyId, lifetime,
                meta == null || meta.isEmpty() ? null : Map.of("meta", meta));
        return new Issued(i.token(), i.expiresAt());
    }

    /** Checks signature, issuer, type and expiry. */
    public Verified verify(String token) {
        SignedJwt.Verified v = jwt.verify(token);
        return new Verified(v.tenantId(), v.keyId(), v.tokenId(), v.expiresAt());
    }
}
