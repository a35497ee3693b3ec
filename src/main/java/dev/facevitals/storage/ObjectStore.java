package dev.facevitals.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facevitals.api.VertxContexts;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PostPolicy;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.smallrye.mutiny.Uni;

/**
 * The S3-compatible store behind the MinIO client. Videos go in by presigned POST straight from the client
 * (the store enforces the size limit through the policy's content-length-range) and come out by streaming.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    /** A presigned form upload: POST {@code url} as multipart with {@code fields} first, then the file. */
    public record PresignedUpload(String url, Map<String, String> fields, Instant expiresAt, long maxBytes) {
    }

    /** What the store knows of an object. */
    public record ObjectInfo(String key, long size, String contentType) {
    }

    private final StorageConfig config;
    private final MinioAsyncClient client;
    /** Signs with the endpoint clients use; signing is local, this client never connects. */
    private final MinioClient publicSigner;

    public ObjectStore(StorageConfig config) {
        this.config = config;
        this.client = MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
        this.publicSigner = MinioClient.builder()
                .endpoint(config.publicEndpoint().orElse(config.endpoint()))
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    public String bucket() {
        return config.bucket();
    }

    /** Creates the bucket when it is missing and configuration allows it. Blocking: start-up only. */
    public void ensureBucket() {
        try {
            boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build()).get();
            if (!exists) {
                if (!config.createBucket()) {
                    throw new IllegalStateException("Bucket " + config.bucket() + " does not exist");
                }
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build()).get();
                LOG.infof("Created bucket %s", config.bucket());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the bucket", e);
        } catch (ExecutionException | IOException | java.security.GeneralSecurityException
                 | io.minio.errors.MinioException e) {
            throw new IllegalStateException("Object store at " + config.endpoint() + " is not usable: "
                    + rootMessage(e), e);
        }
    }

    /** Presigned POST for one object key, at most {@code maxBytes}, valid for {@code ttl}. */
    public PresignedUpload presignUpload(String key, long maxBytes, Duration ttl) {
        ZonedDateTime expiry = ZonedDateTime.now(ZoneOffset.UTC).plus(ttl).withNano(0);
        PostPolicy policy = new PostPolicy(config.bucket(), expiry);
        policy.addEqualsCondition("key", key);
        policy.addContentLengthRangeCondition(1L, maxBytes);
        try {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("key", key);
            fields.putAll(publicSigner.getPresignedPostFormData(policy));
            String base = config.publicEndpoint().orElse(config.endpoint()).replaceAll("/+$", "");
            return new PresignedUpload(base + "/" + config.bucket(), fields, expiry.toInstant(), maxBytes);
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign an upload policy", e);
        }
    }

    /** The object's metadata, or empty when there is no such object. */
    public Uni<Optional<ObjectInfo>> stat(String key) {
        return VertxContexts.onCallerContext(Uni.createFrom().completionStage(() -> call(() ->
                        client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build())))
                .map(s -> Optional.of(new ObjectInfo(key, s.size(), s.contentType())))
                .onFailure(ObjectStore::isNoSuchObject).recoverWithItem(Optional.empty()));
    }

    /** Stores a small object (snapshots kept for debugging). */
    public Uni<Void> put(String key, byte[] bytes, String contentType) {
        return VertxContexts.onCallerContext(Uni.createFrom().completionStage(() -> call(() ->
                client.putObject(io.minio.PutObjectArgs.builder().bucket(config.bucket()).object(key)
                        .stream(new java.io.ByteArrayInputStream(bytes), bytes.length, -1)
                        .contentType(contentType).build()))).replaceWithVoid());
    }

    public Uni<Void> delete(String key) {
        return VertxContexts.onCallerContext(Uni.createFrom().completionStage(() -> call(() ->
                client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build()))));
    }

    /**
     * Streams the object into a local file (the decoder needs a seekable file: phone MP4s often keep their
     * index at the end). Blocking: call from a worker thread.
     *
     * @return bytes written
     */
    public long downloadTo(String key, Path target) throws IOException {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key).build())
                .get()) {
            return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + key, e);
        } catch (ExecutionException e) {
            if (isNoSuchObject(e.getCause())) {
                throw new MissingObjectException(key);
            }
            throw new IOException("Could not download " + key + ": " + rootMessage(e), e);
        } catch (java.security.GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new IOException("Could not download " + key + ": " + rootMessage(e), e);
        }
    }

    /** The object is not in the store (never uploaded, or deleted). */
    public static final class MissingObjectException extends IOException {
        public MissingObjectException(String key) {
            super("No object " + key);
        }
    }

    /** Readiness: the bucket answers. */
    public Uni<Boolean> reachable() {
        return Uni.createFrom().completionStage(() -> call(() ->
                client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())));
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (Exception e) {
            LOG.debug("Closing the MinIO client", e);
        }
    }

    private interface Call<T> {
        CompletableFuture<T> run() throws Exception;
    }

    private static <T> CompletableFuture<T> call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static boolean isNoSuchObject(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c instanceof ErrorResponseException ere
                && ("NoSuchKey".equals(ere.errorResponse().code()) || "NoSuchObject".equals(ere.errorResponse().code())
                || ere.response() != null && ere.response().code() == 404);
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
