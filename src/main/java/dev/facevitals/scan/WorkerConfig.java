package dev.facevitals.scan;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The worker role. */
@ConfigMapping(prefix = "facevitals.worker")
public interface WorkerConfig {

    /** Scans one worker process analyses at once (each takes one core while it runs). */
    @WithDefault("1")
    int concurrency();

    /** Where downloaded videos are spooled while they are analysed; the system temp folder by default. */
    Optional<Path> spoolDir();

    /** Download attempts before a scan fails with error 99. */
    @WithDefault("3")
    int downloadAttempts();
}
