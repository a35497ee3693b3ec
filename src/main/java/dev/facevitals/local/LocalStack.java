package dev.facevitals.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

/**
 * The single-machine default: a real Kafka broker, a real PostgreSQL and an S3-compatible store, started by
 * the project itself with all their data under one folder. Used by the local run (see
 * {@code dev.facevitals.FaceVitalsMain}) and by the integration tests. A service whose connection is
 * configured from outside is not started: the external one is used instead.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    /** Well-known development credentials of the embedded store (local profile only, like minioadmin). */
    public static final String DEV_ACCESS_KEY = "facevitals-local";
    public static final String DEV_SECRET_KEY = "facevitals-local-secret";

    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> config = Collections.synchronizedMap(new LinkedHashMap<>());

    private LocalStack() {
    }

    /**
     * What to start and where.
     *
     * @param dataDir        folder for all embedded data (created if missing)
     * @param kafkaPort      broker port, 0 for any free port
     * @param postgresPort   PostgreSQL port, 0 for any free port
     * @param s3Port         S3 port, 0 for any free port
     * @param s3proxyJar     the S3Proxy jar-with-dependencies
     * @param maxUploadBytes largest object a client may upload (the store must accept it)
     * @param startKafka     false when an external broker is configured
     * @param startPostgres  false when an external database is configured
     * @param startS3        false when an external store is configured
     */
    public record Settings(Path dataDir, int kafkaPort, int postgresPort, int s3Port, Path s3proxyJar,
                           long maxUploadBytes, boolean startKafka, boolean startPostgres, boolean startS3) {
    }

    /** Starts the requested services in parallel; on failure stops whatever did start. */
    public static LocalStack start(Settings s) {
        LocalStack stack = new LocalStack();
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(s.dataDir());
            List<CompletableFuture<Void>> jobs = new ArrayList<>();
            if (s.startPostgres()) {
                jobs.add(CompletableFuture.runAsync(() -> stack.startPostgres(s)));
            }
            if (s.startS3()) {
                jobs.add(CompletableFuture.runAsync(() -> stack.startS3(s)));
            }
            if (s.startKafka()) {
                jobs.add(CompletableFuture.runAsync(() -> stack.startKafka(s)));
            }
            CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).join();
        } catch (IOException | CompletionException e) {
            stack.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Embedded services failed to start: " + cause.getMessage(), cause);
        }
        LOG.infof("Embedded stack ready in %d ms, data in %s", (System.nanoTime() - t0) / 1_000_000,
                s.dataDir().toAbsolutePath());
        return stack;
    }

    /** Configuration properties that point the application at the started services. */
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    private void startPostgres(Settings s) {
        try {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(s.dataDir().resolve("postgres"),
                    port(s.postgresPort()));
            started.add(pg);
            config.put("quarkus.datasource.reactive.url", pg.reactiveUrl());
            config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            config.put("quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startS3(Settings s) {
        try {
            EmbeddedS3Proxy s3 = EmbeddedS3Proxy.start(s.dataDir().resolve("s3"), s.s3proxyJar(), port(s.s3Port()),
                    DEV_ACCESS_KEY, DEV_SECRET_KEY, s.maxUploadBytes());
            started.add(s3);
            config.put("facevitals.storage.endpoint", s3.endpoint());
            config.put("facevitals.storage.access-key", DEV_ACCESS_KEY);
            config.put("facevitals.storage.secret-key", DEV_SECRET_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startKafka(Settings s) {
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(s.dataDir().resolve("kafka"), port(s.kafkaPort()), port(0), 4);
            started.add(kafka);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(int requested) throws IOException {
        if (requested > 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Stops the services in reverse start order. */
    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(toStop);
        for (AutoCloseable c : toStop) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warnf("Stopping %s: %s", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
