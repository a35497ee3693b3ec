package dev.facevitals.auth;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Short-lived bearer JWTs exchanged for Basic credentials (key id and key) at {@code POST /v1/auth/token},
 * accepted wherever an API key is, with that key's permissions. Each use re-checks that the key is still
 * active, so revoking a key ends its bearer tokens at once.
 */
@ApplicationScoped
public class BearerTokens {

    private final SignedJwt jwt;
    private final AuthConfig config;

    public BearerTokens(Secrets secrets, AuthConfig config) {
        this.jwt = new SignedJwt("bearer", secrets.bearerTokenKey());
        this.config = config;
    }

    public SignedJwt.Issued issue(ApiKey key) {
        return jwt.issue(key.tenantId, key.id.toString(), config.bearerTokenLifetime(), null);
    }

    public Duration lifetime() {
        return config.bearerTokenLifetime();
    }

    SignedJwt.Verified verify(String token) {
        return jwt.verify(token);
    }
}
