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
}
