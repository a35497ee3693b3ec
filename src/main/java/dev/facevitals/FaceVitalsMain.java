package dev.facevitals;

import dev.facevitals.local.LocalRun;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. In the {@code local} profile the embedded Kafka, PostgreSQL and S3 store start first, so one
 * command runs the whole system; in every other profile this is plain Quarkus.
 */
@QuarkusMain
public final class FaceVitalsMain {

    private FaceVitalsMain() {
    }

    public static void main(String... args) {
        LocalRun.startIfLocalProfile();
        Quarkus.run(args);
    }
}
