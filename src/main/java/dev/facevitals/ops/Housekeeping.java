package dev.facevitals.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets single-use markers whose validity window has passed (used signatures of both kinds). */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> forgetExpiredSignatures() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from used_signatures where expires_at < now()").executeUpdate()
                        .chain(a -> s.createNativeQuery("delete from used_request_signatures where expires_at < now()")
                                .executeUpdate().map(b -> a + b)))
                .invoke(n -> LOG.debugf("Forgot %d expired signatures", n))
                .replaceWithVoid();
    }
}
