package dev.facevitals.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facevitals.scan.analysis.AnalysisOutcome;
import dev.facevitals.scan.analysis.ScanFailure;
import dev.facevitals.scan.analysis.VideoAnalyzer;
import dev.facevitals.storage.ObjectStore;

/**
 * The blocking part of a scan: spool the video from the store to local disk, analyse it, clean up.
 * Every failure becomes an outcome with an error code; nothing here throws for a bad video.
 */
@ApplicationScoped
public class ScanProcessor {

    private static final Logger LOG = Logger.getLogger(ScanProcessor.class);
    private static final long PROGRESS_LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final ObjectStore store;
    private final VideoAnalyzer analyzer;
    private final WorkerConfig config;

    public ScanProcessor(ObjectStore store, VideoAnalyzer analyzer, WorkerConfig config) {
        this.store = store;
        this.analyzer = analyzer;
        this.config = config;
    }

    public AnalysisOutcome process(UUID uuid, String objectKey) {
        Path file = null;
        try {
            Path dir = config.spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "scan-" + uuid + "-", ".video");
            long t0 = System.nanoTime();
            long bytes = download(uuid, objectKey, file);
            if (bytes == -2) {
                return AnalysisOutcome.failed(null, ScanFailure.unreadable("the video is not in upload storage"));
            }
            if (bytes < 0) {
                return AnalysisOutcome.failed(null, ScanFailure.unexpected());
            }
            LOG.infof("Scan %s: downloaded %.1f MB in %d ms", uuid, bytes / 1e6, (System.nanoTime() - t0) / 1_000_000);
            if (bytes == 0) {
                return AnalysisOutcome.failed(null, ScanFailure.unreadable("the uploaded file is empty"));
            }
            return analyzer.analyze(file, progressLogger(uuid));
        } catch (IOException e) {
            LOG.errorf(e, "Scan %s: could not spool the video", uuid);
            return AnalysisOutcome.failed(null, ScanFailure.unexpected());
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Scan %s: analysis failed unexpectedly", uuid);
            return AnalysisOutcome.failed(null, ScanFailure.unexpected());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Scan %s: could not delete %s", uuid, file);
                }
            }
        }
    }

    /** Bytes written, -1 when the store kept failing, -2 when the object is gone. */
    private long download(UUID uuid, String objectKey, Path file) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.downloadTo(objectKey, file);
            } catch (ObjectStore.MissingObjectException e) {
                return -2;
            } catch (IOException e) {
                if (attempt >= config.downloadAttempts()) {
                    LOG.errorf("Scan %s: download failed %d times, giving up: %s", uuid, attempt, e.getMessage());
                    return -1;
                }
                LOG.warnf("Scan %s: download attempt %d failed (%s), retrying", uuid, attempt, e.getMessage());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
    }

    private static VideoAnalyzer.Progress progressLogger(UUID uuid) {
        return new VideoAnalyzer.Progress() {
            private long last = System.nanoTime();

            @Override
            public void frames(int frames, long estimate) {
                long now = System.nanoTime();
                if (now - last >= PROGRESS_LOG_INTERVAL_NANOS) {
                    last = now;
                    if (estimate > 0) {
                        LOG.infof("Scan %s: %d of ~%d frames analysed", uuid, frames, estimate);
                    } else {
                        LOG.infof("Scan %s: %d frames analysed", uuid, frames);
                    }
                }
            }

            @Override
            public void step(String what) {
                LOG.infof("Scan %s: %s", uuid, what);
            }
        };
    }
}
