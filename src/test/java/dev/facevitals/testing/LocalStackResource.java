package dev.facevitals.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.facevitals.local.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real Kafka broker, PostgreSQL and S3 store for the test suite: the same embedded stack as the local
 * run, on free ports, with its data in a fresh folder under target/. One stack per test JVM, shared by every
 * test class (and by worker processes that tests start beside the application).
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Upload limit of the test profile. Large enough that the size-limit test's uploads of max and max+1 bytes
     * exercise the embedded S3Proxy's heap (its form handler holds the whole body as a String; with a heap of
     * twice the limit this test got HTTP 500 from an OutOfMemoryError), small enough to stay quick.
     */
    public static final long MAX_UPLOAD_BYTES = 96L * 1024 * 1024;

    private static LocalStack stack;
    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        return startShared();
    }

    /** Starts the stack once per JVM and returns the properties that point an application at it. */
    public static synchronized Map<String, String> startShared() {
        if (stack == null) {
            Path dir;
            try {
                Files.createDirectories(Path.of("target"));
                dir = Files.createTempDirectory(Path.of("target"), "test-stack-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stack = LocalStack.start(new LocalStack.Settings(dir, 0, 0, 0, Path.of("target", "embedded", "s3proxy.jar"),
                    MAX_UPLOAD_BYTES, true, true, true));
            Map<String, String> c = new HashMap<>(stack.config());
            c.put("facevitals.upload.max-bytes", Long.toString(MAX_UPLOAD_BYTES));
            config = Map.copyOf(c);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.close(), "test-stack-stop"));
        }
        return config;
    }

    public static synchronized Map<String, String> config() {
        return startShared();
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: stopped by the shutdown hook
    }
}
