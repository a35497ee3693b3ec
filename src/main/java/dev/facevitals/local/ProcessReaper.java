package dev.facevitals.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Stops servers left running by an earlier run that was killed before it could stop them, so a restart
 * does not fail on a busy port or a locked data folder.
 */
final class ProcessReaper {

    private static final Logger LOG = Logger.getLogger(ProcessReaper.class);

    private ProcessReaper() {
    }

    /** A postmaster whose pid file is still in the cluster folder and whose process still runs. */
    static void stopStalePostgres(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty()) {
                stop(parse(lines.get(0)), "postgres", "stale PostgreSQL");
            }
        }
    }

    /** A process whose pid this project wrote to {@code pidFile}, if its command line still matches. */
    static void stopRecorded(Path pidFile, String commandFragment, String what) throws IOException {
        if (Files.isRegularFile(pidFile)) {
            stop(parse(Files.readString(pidFile)), commandFragment, what);
            Files.deleteIfExists(pidFile);
        }
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void stop(long pid, String commandFragment, String what) {
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String cmd = handle.get().info().commandLine().orElse("");
        if (!cmd.contains(commandFragment)) {
            return;
        }
        LOG.warnf("Stopping %s left by an earlier run (pid %d)", what, pid);
        handle.get().destroy();
        try {
            handle.get().onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }
}
