package dev.facevitals.api;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

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

    /**
     * Runs a reactive step (Hibernate Reactive, the object store) from a blocking route or a start-up hook on
     * a Vert.x context and waits for its item. Its failure is rethrown as is when unchecked.
     */
    public static <T> T await(Supplier<Uni<T>> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(uni::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
