package dev.facevitals.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.facevitals.testing.AppProcess;

/** The packaged application in its default (prod) profile has no built-in key and refuses to start without one. */
class ProductionProfileIT {

    @Test
    void refusesToStartWithoutABootstrapKey() throws Exception {
        try (AppProcess app = AppProcess.start("prod-without-key", Map.of("quarkus.http.port", "0"))) {
            assertThat(app.process().waitFor(120, TimeUnit.SECONDS)).as("process should exit").isTrue();
            assertThat(app.process().exitValue()).isNotZero();
            assertThat(app.log()).contains("facevitals.auth.bootstrap-key");
        }
    }
}
