package dev.facevitals.scan;

import dev.facevitals.api.VertxContexts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.facevitals.ops.ServiceRoles;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Wakes long-polling clients when their result lands, whichever process stored it: the worker's
 * transaction runs {@code pg_notify('scan_results', uuid)}, PostgreSQL delivers it on commit to every api
 * instance listening here, and each completes its waiters for that uuid. Waiting costs no thread: a
 * waiter is a future in a map until the notification or its timeout.
 */
@ApplicationScoped
public class ResultNotifier {

    private static final Logger LOG = Logger.getLogger(ResultNotifier.class);
    static final String CHANNEL = "scan_results";

    private final Map<UUID, CopyOnWriteArrayList<CompletableFuture<Boolean>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Vertx vertx;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public ResultNotifier(Vertx vertx, MeterRegistry registry,
                          @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
        registry.gauge("facevitals.results.waiting", waiting);
    }

    void onStart(@Observes StartupEvent event, ServiceRoles roles) {
        if (!roles.api()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(this::onNotification);
        subscriber.connect().await().atMost(Duration.ofSeconds(30));
        LOG.debugf("Listening for %s notifications", CHANNEL);
    }

    private void onNotification(String payload) {
        try {
            complete(UUID.fromString(payload.trim()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignoring a %s notification that is not a uuid", CHANNEL);
        }
    }

    /** Completes every waiter of this scan in this process. */
    void complete(UUID uuid) {
        CopyOnWriteArrayList<CompletableFuture<Boolean>> list = waiters.remove(uuid);
        if (list != null) {
            list.forEach(f -> f.complete(Boolean.TRUE));
        }
    }

    /**
     * Registers interest in the result of {@code uuid}. Register before reading the database, so that no
     * announcement can slip in between; cancel when done.
     */
    public Waiter register(UUID uuid) {
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        waiters.computeIfAbsent(uuid, k -> new CopyOnWriteArrayList<>()).add(future);
        waiting.incrementAndGet();
        return new Waiter(uuid, future);
    }

    /** One long-polling request's interest in one result. */
    public final class Waiter {
        private final UUID uuid;
        private final CompletableFuture<Boolean> future;
        private final java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();

        private Waiter(UUID uuid, CompletableFuture<Boolean> future) {
            this.uuid = uuid;
            this.future = future;
        }

        /** Emits true when the result is announced, false after {@code timeout}; on the caller's context. */
        public Uni<Boolean> await(Duration timeout) {
            return VertxContexts.onCallerContext(Uni.createFrom().completionStage(future)
                    .ifNoItem().after(timeout).recoverWithItem(Boolean.FALSE));
        }

        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                waiters.computeIfPresent(uuid, (k, list) -> {
                    list.remove(future);
                    return list.isEmpty() ? null : list;
                });
            }
        }
    }

    @PreDestroy
    void stop() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
