package dev.facevitals.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Credentials configuration. The bootstrap key and the token secret have no default outside local/test. */
@ConfigMapping(prefix = "facevitals.auth")
public interface AuthConfig {

    /** An API key that always works for the bootstrap tenant (stored hashed at start-up). Required. */
    String bootstrapKey();

    /** Tenant id the bootstrap key belongs to. */
    @WithDefault("default")
    String bootstrapTenant();

    /** Secret for action tokens and conditions signatures (at least 32 characters). Required. */
    String tokenSecret();

    /** Lifetime of an action token when the request does not say. */
    @WithDefault("PT6H")
    Duration actionTokenDefaultLifetime();

    /** Longest lifetime an action token may ask for. */
    @WithDefault("PT12H")
    Duration actionTokenMaxLifetime();

    /** Lifetime of a bearer token from {@code POST /v1/auth/token}. */
    @WithDefault("PT15M")
    Duration bearerTokenLifetime();

    /** How far a signed request's timestamp may be from the server's clock, either way. */
    @WithDefault("PT5M")
    Duration signatureWindow();

    /**
     * Key for the admin API ({@code x-admin-key}); the admin API answers 404 while none is configured.
     * Compared by hash in constant time.
     */
    java.util.Optional<String> adminKey();
}
