package dev.facevitals.storage;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The S3-compatible object store holding uploaded videos. No credentials by default outside local/test. */
@ConfigMapping(prefix = "facevitals.storage")
public interface StorageConfig {

    /** Endpoint the service talks to, e.g. {@code http://minio.storage:9000}. */
    String endpoint();

    /**
     * Endpoint put into presigned upload URLs, when clients reach the store under another name than the
     * service does (ingress, public DNS). Defaults to {@link #endpoint()}.
     */
    Optional<String> publicEndpoint();

    String accessKey();

    String secretKey();

    @WithDefault("us-east-1")
    String region();

    @WithDefault("facevitals-videos")
    String bucket();

    /** Create the bucket at start-up when missing (turn off where the service may not create buckets). */
    @WithDefault("true")
    boolean createBucket();
}
