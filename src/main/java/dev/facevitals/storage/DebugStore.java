package dev.facevitals.storage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Images a tenant asked us to keep for debugging ({@code debug=true} on an image route, off by default):
 * stored under {@code debug/<tenant>/<date>/<id>} in the object store, listed in {@code debug_images}, and
 * deleted after the retention period by an hourly sweep.
 */
@ApplicationScoped
public class DebugStore {

    private static final Logger LOG = Logger.getLogger(DebugStore.class);

    private final ObjectStore store;
    private final Duration retention;

    public DebugStore(ObjectStore store,
                      @ConfigProperty(name = "facevitals.debug.retention", defaultValue = "P7D") Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** Keeps the image; returns its key (told to the client so it can name it when asking for help). */
    public Uni<String> keep(String tenantId, String route, byte[] image, String contentType) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String key = "debug/" + tenantId + "/" + LocalDate.now(ZoneOffset.UTC) + "/" + UUID.randomUUID();
        return store.put(key, image, contentType == null ? "application/octet-stream" : contentType)
                .call(() -> record(key, tenantId, route, now, now.plus(retention)))
                .replaceWith(key);
    }

    @WithTransaction
    Uni<Void> record(String key, String tenantId, String route, OffsetDateTime created, OffsetDateTime expires) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into debug_images (object_key, tenant_id, route, created_at, expires_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, key).setParameter(2, tenantId).setParameter(3, route)
                .setParameter(4, created).setParameter(5, expires).executeUpdate()).replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return expired().chain(keys -> keys.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(keys.stream()
                        .map(k -> store.delete(k).onFailure().recoverWithNull().call(() -> forget(k)))
                        .toList()).usingConcurrencyOf(4).andCollectFailures()
                .invoke(done -> {
                    if (!keys.isEmpty()) {
                        LOG.infof("Deleted %d expired debug images", keys.size());
                    }
                })
                .replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("Debug image sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @WithSession
    Uni<java.util.List<String>> expired() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select object_key from debug_images where expires_at < now() limit 1000", String.class)
                .getResultList());
    }

    @WithTransaction
    Uni<Void> forget(String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from debug_images where object_key = ?1")
                .setParameter(1, key).executeUpdate()).replaceWithVoid();
    }
}
