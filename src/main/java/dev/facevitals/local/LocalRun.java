package dev.facevitals.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;

/**
 * Starts the embedded stack before Quarkus boots when the {@code local} profile is active, and points the
 * application at it through system properties. Settings are read from system properties or the
 * environment (they are needed before Quarkus configuration exists):
 *
 * <ul>
 * <li>{@code facevitals.embedded.data-dir} / {@code FACEVITALS_EMBEDDED_DATA_DIR}: default {@code facevitals-data}</li>
 * <li>{@code facevitals.embedded.kafka-port}, {@code .postgres-port}, {@code .s3-port}: 19092, 15432, 19000</li>
 * <li>{@code facevitals.embedded.s3proxy-jar}: default {@code target/embedded/s3proxy.jar}</li>
 * </ul>
 * A service whose connection is configured explicitly ({@code kafka.bootstrap.servers},
 * {@code quarkus.datasource.reactive.url}, {@code facevitals.storage.endpoint}) is not started.
 */
public final class LocalRun {

    private static final Logger LOG = Logger.getLogger(LocalRun.class);
    private static final long DEFAULT_MAX_UPLOAD = 157_286_400L;

    private LocalRun() {
    }

    public static boolean localProfileActive() {
        String profile = setting("quarkus.profile", "");
        for (String p : profile.split(",")) {
            if (p.trim().equals("local")) {
                return true;
            }
        }
        return false;
    }

    /** Starts what the local profile needs and registers its shutdown after the application's. */
    public static void startIfLocalProfile() {
        if (!localProfileActive()) {
            return;
        }
        LocalStack.Settings settings = new LocalStack.Settings(
                Path.of(setting("facevitals.embedded.data-dir", "facevitals-data")),
                Integer.parseInt(setting("facevitals.embedded.kafka-port", "19092")),
                Integer.parseInt(setting("facevitals.embedded.postgres-port", "15432")),
                Integer.parseInt(setting("facevitals.embedded.s3-port", "19000")),
                s3proxyJar(),
                Long.parseLong(setting("facevitals.upload.max-bytes", Long.toString(DEFAULT_MAX_UPLOAD))),
                !configured("kafka.bootstrap.servers"),
                !configured("quarkus.datasource.reactive.url"),
                !configured("facevitals.storage.endpoint"));
        LocalStack stack = LocalStack.start(settings);
        for (Map.Entry<String, String> e : stack.config().entrySet()) {
            System.setProperty(e.getKey(), e.getValue());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterApplication(stack), "embedded-stack-stop"));
    }

    /** JVM shutdown hooks run concurrently: let Quarkus close its consumers and pools before the servers go. */
    private static void stopAfterApplication(LocalStack stack) {
        Application app = Application.currentApplication();
        if (app != null) {
            Thread waiter = new Thread(app::awaitShutdown, "await-app-shutdown");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("Stopping embedded stack");
        stack.close();
    }

    private static Path s3proxyJar() {
        List<Path> candidates = new ArrayList<>();
        String explicit = setting("facevitals.embedded.s3proxy-jar", "");
        if (!explicit.isBlank()) {
            return Path.of(explicit);
        }
        candidates.add(Path.of("target", "embedded", "s3proxy.jar"));
        try {
            // target/quarkus-app/app/<app>.jar -> target/embedded/s3proxy.jar
            Path code = Path.of(LocalRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.getParent(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("embedded").resolve("s3proxy.jar"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a file: fall through to the local Maven repository
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "4.1.0",
                "s3proxy-4.1.0-jar-with-dependencies.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0));
    }

    private static boolean configured(String key) {
        return !setting(key, "").isBlank();
    }

    /** A system property, else its environment form (dots and dashes to underscores, upper case). */
    static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.replaceAll("[.\\-\"]", "_").toUpperCase(Locale.ROOT));
        }
        return v == null ? fallback : v;
    }
}
