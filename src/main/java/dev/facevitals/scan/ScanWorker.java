package dev.facevitals.scan;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.facevitals.scan.analysis.AnalysisOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;

/**
 * The worker role: takes scan requests from {@code video-requests}, analyses the video off the event loop,
 * stores the result once and publishes it on {@code scan-results}. The returned Uni completes only after
 * the result is stored, and only then is the record acknowledged and its offset committed: a worker killed
 * mid-scan leaves the record to the next member of the consumer group, which redoes the scan.
 */
@ApplicationScoped
@Startup // register its gauges and timer before the first scan, so dashboards see zeros, not gaps
public class ScanWorker {

    private static final Logger LOG = Logger.getLogger(ScanWorker.class);

    private final ScanService scans;
    private final ScanProcessor processor;
    private final ScanResultProducer results;
    private final WorkerExecutor executor;
    private final MeterRegistry registry;
    private final Timer processingTime;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String workerId;

    public ScanWorker(ScanService scans, ScanProcessor processor, ScanResultProducer results, Vertx vertx,
                      WorkerConfig config, MeterRegistry registry) {
        this.scans = scans;
        this.processor = processor;
        this.results = results;
        this.registry = registry;
        // a pool of its own so long analyses never starve the Vert.x worker pool that blocking REST calls use
        this.executor = vertx.createSharedWorkerExecutor("scan-analysis", config.concurrency(), 30, TimeUnit.MINUTES);
        this.processingTime = Timer.builder("facevitals.scans.processing.time")
                .description("Wall time of one scan analysis, download included")
                .publishPercentileHistogram()
                .register(registry);
        registry.gauge("facevitals.scans.processing", inFlight);
        this.workerId = hostName() + "/" + ProcessHandle.current().pid();
    }

    @Incoming("video-requests")
    public Uni<Void> onRequest(ScanRequestEvent request) {
        return scans.claim(request.uuid(), workerId).chain(claim -> {
            if (claim == null) {
                LOG.warnf("Scan %s: request for an unknown scan, skipped", request.uuid());
                return Uni.createFrom().voidItem();
            }
            if (claim.alreadyFinal()) {
                LOG.infof("Scan %s: already final (redelivered request)", request.uuid());
                return claim.resultPublished() ? Uni.createFrom().voidItem() : publish(claim.finalResult());
            }
            LOG.infof("Scan %s: processing (attempt %d, worker %s)", claim.uuid(), claim.attempt(), workerId);
            return analyse(claim).chain(outcome -> store(claim, outcome));
        });
    }

    private Uni<AnalysisOutcome> analyse(ScanService.Claim claim) {
        return executor.executeBlocking(Uni.createFrom().item(() -> {
            inFlight.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                return processor.process(claim.uuid(), claim.objectKey());
            } finally {
                processingTime.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                inFlight.decrementAndGet();
            }
        }), false);
    }

    private Uni<Void> store(ScanService.Claim claim, AnalysisOutcome outcome) {
        return scans.complete(claim.uuid(), outcome)
                // a database hiccup must not lose a finished analysis; past this the record is redelivered
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .chain(result -> {
                    if (result == null) {
                        LOG.infof("Scan %s: another attempt stored the result first", claim.uuid());
                        return Uni.createFrom().voidItem();
                    }
                    count(result);
                    countVideo(result.video());
                    if (result.error() == null) {
                        ScanResult.Biomarkers b = result.biomarkers();
                        ScanResult.Withheld w = withheld(result);
                        countWithheld("respiratory_rate", w.respiratoryRate());
                        countWithheld("hrv", w.hrv());
                        LOG.infof("Scan %s: done, heart rate %s, pulse SNR %s, breathing %s, SDNN %s, RMSSD %s",
                                claim.uuid(), withUnit(b.heartRateBpm(), "bpm", null),
                                withUnit(result.quality() == null ? null : result.quality().pulseSnrDb(), "dB", null),
                                withUnit(b.respiratoryRateBpm(), "/min", w.respiratoryRate()),
                                withUnit(b.hrvSdnnMs(), "ms", w.hrv()), withUnit(b.hrvRmssdMs(), "ms", w.hrv()));
                    } else {
                        LOG.infof("Scan %s: failed with error %d (%s)", claim.uuid(), result.error().errorCode(),
                                result.error().message());
                    }
                    return publish(result);
                });
    }

    private Uni<Void> publish(ScanResult result) {
        return results.send(result)
                .chain(() -> scans.markPublished(result.uuid()))
                .onFailure().invoke(e -> LOG.errorf("Scan %s: result stored but not published: %s", result.uuid(),
                        e.getMessage()));
    }

    private void count(ScanResult result) {
        String code = result.error() == null ? "none" : Integer.toString(result.error().errorCode());
        Counter.builder("facevitals.scans.completed")
                .description("Scans that reached a final state")
                .tag("status", result.status())
                .tag("error_code", code)
                .register(registry)
                .increment();
    }

    /**
     * The bits per pixel of a finished scan's video (its bit rate over pixels a second), by HDR transfer: how
     * many clients upload under the 0.1 that docs/api.md advises ("Recording a scan"), and how many record HDR.
     * Nothing for a video whose size or bit rate is unknown (one that could not be read).
     */
    private void countVideo(ScanResult.Video video) {
        if (video == null || video.bitrateMbps() == null || video.width() == null || video.height() == null
                || video.fps() == null || !(video.fps() > 0) || !Double.isFinite(video.bitrateMbps())) {
            return;
        }
        double bitsPerPixel = video.bitrateMbps() * 1e6 / ((double) video.width() * video.height() * video.fps());
        DistributionSummary.builder("facevitals.scans.video.bits.per.pixel")
                .description("Coded bits per pixel of each frame of finished scans' videos, by HDR transfer")
                .tag("hdr", video.hdr() == null ? "none" : video.hdr())
                .serviceLevelObjectives(0.025, 0.05, 0.1, 0.2, 0.5)
                .register(registry)
                .record(bitsPerPixel);
    }

    /** One more done scan whose {@code value} was withheld for {@code reason} (nothing when it was not). */
    private void countWithheld(String value, String reason) {
        if (reason == null) {
            return;
        }
        Counter.builder("facevitals.scans.withheld")
                .description("Done scans with a biomarker withheld, by value and reason")
                .tag("value", value)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private static ScanResult.Withheld withheld(ScanResult result) {
        ScanResult.Withheld w = result.quality() == null ? null : result.quality().withheld();
        return w == null ? new ScanResult.Withheld(null, null) : w;
    }

    @PreDestroy
    void close() {
        executor.close().await().indefinitely();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "worker";
        }
    }

    /** A value with its unit for the log, or "withheld" where the engine reported none. */
    private static String withUnit(Double v, String unit, String reason) {
        return v != null ? v + " " + unit : reason == null ? "withheld" : "withheld (" + reason + ")";
    }
}
