package dev.facevitals.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * S3Proxy (a real S3 API server, filesystem backend) as a child process: its self-contained jar would clash
 * with our classpath, so it gets its own JVM. It checks request signatures and POST policies
 * (content-length-range), which is what lets the size limit of uploads be enforced by the store.
 */
final class EmbeddedS3Proxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedS3Proxy.class);

    private final Process process;
    private final Path pidFile;
    private final String endpoint;

    private EmbeddedS3Proxy(Process process, Path pidFile, String endpoint) {
        this.process = process;
        this.pidFile = pidFile;
        this.endpoint = endpoint;
    }

    /**
     * @param jar           the s3proxy jar-with-dependencies
     * @param maxUploadSize largest single (non-chunked) request body S3Proxy accepts, bytes
     */
    static EmbeddedS3Proxy start(Path dir, Path jar, int port, String accessKey, String secretKey,
                                 long maxUploadSize) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("S3Proxy jar not found at " + jar.toAbsolutePath()
                    + " (the Maven build puts it in target/embedded; set facevitals.embedded.s3proxy-jar)");
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path pidFile = dir.resolve("s3proxy.pid");
        ProcessReaper.stopRecorded(pidFile, "s3proxy", "stale S3Proxy");

        String endpoint = "http://127.0.0.1:" + port;
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                // S3Proxy buffers a non-chunked body in memory up to this size; the heap below follows it
                "s3proxy.v4-max-non-chunked-request-size=" + (maxUploadSize + 1024 * 1024),
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                ""));
        // a browser-form upload (the presigned POST the API hands out) is read whole into a String by S3Proxy's
        // form handler, whose builder doubles as it grows and is then turned back into bytes: about six times
        // the body at the peak. With twice the body, an 81 MB video failed with OutOfMemoryError (HTTP 500).
        long heapMb = Math.max(256, 6 * maxUploadSize / (1024 * 1024) + 128);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMb + "m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add("--properties");
        cmd.add(conf.toAbsolutePath().toString());
        Process process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
                .start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        EmbeddedS3Proxy proxy = new EmbeddedS3Proxy(process, pidFile, endpoint);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!portOpen(port)) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + "; see " + dir.resolve("s3proxy.log"));
            }
            if (System.nanoTime() > deadline) {
                proxy.close();
                throw new IOException("S3Proxy did not open port " + port + " within 60 s");
            }
            sleep(100);
        }
        LOG.infof("Embedded S3Proxy up on %s (objects in %s)", endpoint, data);
        return proxy;
    }

    String endpoint() {
        return endpoint;
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the reaper checks the command line before it acts on a leftover pid file
        }
    }
}
