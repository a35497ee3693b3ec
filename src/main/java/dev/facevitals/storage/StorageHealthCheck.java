package dev.facevitals.storage;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Readiness of the object store: its bucket answers within two seconds. */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements AsyncHealthCheck {

    private final ObjectStore store;

    public StorageHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.reachable()
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(ok -> HealthCheckResponse.named("object-store").status(ok).withData("bucket", store.bucket()).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("object-store").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
