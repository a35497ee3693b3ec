package dev.facevitals.scan;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the health-scan flow. */
@ConfigMapping(prefix = "facevitals.upload")
public interface UploadConfig {

    /** Largest video a client may upload, bytes (150 MiB); enforced by the store through the POST policy. */
    @WithDefault("157286400")
    long maxBytes();

    /** How long a presigned upload stays valid. */
    @WithDefault("PT300S")
    Duration urlTtl();

    /** How long a check-conditions signature may be exchanged for an upload URL. */
    @WithDefault("PT10M")
    Duration signatureTtl();

    /** Largest snapshot accepted by check-conditions, bytes. */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Longest a GET /v1/results/wait call waits for the result. */
    @WithDefault("PT20S")
    Duration waitTimeout();
}
