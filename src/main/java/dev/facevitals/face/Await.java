package dev.facevitals.face;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs a reactive (Hibernate Reactive, object store) step from a blocking route and waits for it. */
final class Await {

    private Await() {
    }

    static <T> T on(java.util.function.Supplier<Uni<T>> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(uni::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
