package dev.facevitals.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import dev.facevitals.api.VertxContexts;

/** Installs the configured bootstrap key at start-up, after the schema migrations. */
@ApplicationScoped
public class BootstrapKey {

    private final ApiKeyService keys;
    private final AuthConfig config;

    // Secrets is taken here only so that a too-short token secret stops start-up instead of the first request.
    public BootstrapKey(ApiKeyService keys, AuthConfig config, Secrets secrets) {
        this.keys = keys;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        VertxContexts.await(
                () -> keys.ensureBootstrap(config.bootstrapTenant(), config.bootstrapKey()));
    }
}
