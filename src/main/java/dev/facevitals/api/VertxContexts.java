package dev.facevitals.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Keeping reactive chains on the Vert.x context of the request that started them. */
public final class VertxContexts {

    private VertxContexts() {
    }

    /**
     * Hibernate Reactive insists that a session is used on the context that opened it, but Kafka acks,
     * object-store calls, PostgreSQL notifications and timeouts complete on other threads: hop back before
     * the chain goes on.
     */
    public static <T> Uni<T> onCallerContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return uni;
        }
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
