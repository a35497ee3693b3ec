package dev.facevitals.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.scan.analysis.AnalysisOutcome;
import dev.facevitals.scan.analysis.ScanFailure;
import dev.facevitals.ops.AuditLog;
import dev.facevitals.storage.ObjectStore;
import dev.facevitals.vitals.VitalsResult;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The scan lifecycle in the database: every state change is one transaction here. */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    private final ScanRepository scans;
    private final ScanRequestProducer requests;
    private final UploadConfig config;
    private final ObjectStore store;
    private final AuditLog audit;

    public ScanService(ScanRepository scans, ScanRequestProducer requests, UploadConfig config, ObjectStore store,
                       AuditLog audit) {
        this.scans = scans;
        this.requests = requests;
        this.config = config;
        this.store = store;
        this.audit = audit;
    }

    /** Spends the signature (once only) and creates the scan that the upload URL will be for. */
    @WithTransaction
    public Uni<Scan> createUpload(Caller caller, ConditionsSignatures.Verified signature) {
        Instant forgetAfter = signature.issuedAt().plus(config.signatureTtl()).plusSeconds(60);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into used_signatures (nonce, expires_at) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, signature.nonce())
                        .setParameter(2, OffsetDateTime.ofInstant(forgetAfter, ZoneOffset.UTC))
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        throw new ApiException(ErrorCode.SIGNATURE_USED);
                    }
                    Scan scan = new Scan();
                    scan.uuid = UUID.randomUUID();
                    scan.tenantId = caller.tenantId();
                    scan.status = ScanStatus.AWAITING_UPLOAD.wire();
                    scan.objectKey = objectKey(caller.tenantId(), scan.uuid);
                    scan.createdAt = now();
                    scan.uploadExpiresAt = scan.createdAt.plus(config.urlTtl());
                    return scans.persist(scan);
                });
    }

    /** The tenant's scan, or 404. */
    @WithSession
    public Uni<Scan> find(Caller caller, UUID uuid) {
        return scans.findForTenant(uuid, caller.tenantId()).map(scan -> {
            if (scan == null) {
                throw new ApiException(ErrorCode.SCAN_NOT_FOUND);
            }
            return scan;
        });
    }

    /**
     * Queues the scan once: under a row lock, only a scan still awaiting its upload moves to queued, and
     * the request record is on the broker before the transaction commits (a failed send rolls it back).
     * Repeated or concurrent calls find it queued and publish nothing.
     */
    @WithTransaction
    public Uni<Scan> queue(Caller caller, UUID uuid, String timezone, String performerRef, String patientRef) {
        return scans.lockForTenant(uuid, caller.tenantId()).chain(scan -> {
            if (scan == null) {
                throw new ApiException(ErrorCode.SCAN_NOT_FOUND);
            }
            if (scan.statusEnum() != ScanStatus.AWAITING_UPLOAD) {
                return Uni.createFrom().item(scan);
            }
            // the tenant row lock serialises the quota check with the tenant's other process calls
            return quota(caller.tenantId(), true).chain(q -> {
                if (q.remaining() != null && q.remaining() <= 0) {
                    throw new ApiException(ErrorCode.QUOTA_EXHAUSTED, "The contract allows " + q.allowed()
                            + " scans per " + q.period() + "; all are used. Nothing was queued.");
                }
                return enqueue(scan, timezone, performerRef, patientRef);
            });
        });
    }

    /** Marks the (locked) scan queued and puts its request on the broker before the transaction commits. */
    private Uni<Scan> enqueue(Scan scan, String timezone, String performerRef, String patientRef) {
        scan.status = ScanStatus.QUEUED.wire();
        scan.timezone = timezone;
        scan.performerRef = performerRef;
        scan.patientRef = patientRef;
        scan.queuedAt = now();
        ScanRequestEvent event = new ScanRequestEvent(scan.uuid, scan.tenantId, scan.objectKey,
                scan.queuedAt.toInstant());
        return requests.send(event)
                .onFailure().transform(e -> {
                    LOG.errorf("Could not publish the request for scan %s: %s", scan.uuid, e.getMessage());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE);
                })
                .invoke(() -> LOG.infof("Scan %s queued (tenant %s)", scan.uuid, scan.tenantId))
                .replaceWith(scan);
    }

    /**
     * A tenant's contract use.
     *
     * @param allowed     scans allowed per period, null = unlimited
     * @param used        scans queued in the period
     * @param remaining   allowed minus used (not below 0), null = unlimited
     * @param period      {@code month} or {@code total}
     * @param periodStart start of the current period (null for total)
     * @param periodEnd   end of the current period, exclusive (null for total)
     */
    public record Quota(Integer allowed, long used, Integer remaining, String period, OffsetDateTime periodStart,
                        OffsetDateTime periodEnd) {
    }

    @WithSession
    public Uni<Quota> quota(String tenantId) {
        return quota(tenantId, false);
    }

    private Uni<Quota> quota(String tenantId, boolean lock) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select scan_limit, limit_period from tenants where id = ?1" + (lock ? " for update" : ""),
                        Object[].class)
                .setParameter(1, tenantId).getSingleResult()
                .chain(row -> {
                    Integer allowed = row[0] == null ? null : ((Number) row[0]).intValue();
                    String period = (String) row[1];
                    OffsetDateTime start = null;
                    OffsetDateTime end = null;
                    if ("month".equals(period)) {
                        start = now().withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
                        end = start.plusMonths(1);
                    }
                    OffsetDateTime from = start;
                    OffsetDateTime to = end;
                    return session.createNativeQuery("select count(*) from scans where tenant_id = ?1 and queued_at is not null"
                                    + (from == null ? "" : " and queued_at >= ?2 and queued_at < ?3"), Long.class)
                            .setParameter(1, tenantId)
                            .setParameter(2, from == null ? now() : from)
                            .setParameter(3, to == null ? now() : to)
                            .getSingleResult()
                            .map(used -> new Quota(allowed, used,
                                    allowed == null ? null : (int) Math.max(0, allowed - used), period, from, to));
                }));
    }

    /** One page of a patient's results, newest first. */
    public record Page(List<ScanResult> items, int page, int size, long total) {
    }

    @WithSession
    public Uni<Page> history(Caller caller, String patientRef, int page, int size) {
        return scans.find("tenantId = ?1 and patientRef = ?2", Sort.descending("createdAt"), caller.tenantId(), patientRef)
                .page(page, size).list()
                .chain(list -> scans.count("tenantId = ?1 and patientRef = ?2", caller.tenantId(), patientRef)
                        .map(total -> new Page(list.stream().map(ScanResult::of).toList(), page, size, total)));
    }

    /**
     * Erases a patient: the stored videos first (a video must not outlive its result), then the results, with an
     * audit record naming who asked. Returns how many scans were erased.
     */
    public Uni<Integer> erasePatient(Caller caller, String patientRef) {
        return objectKeys(caller.tenantId(), patientRef)
                .chain(keys -> keys.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(keys.stream().map(store::delete).toList()).usingConcurrencyOf(8)
                        .andFailFast().replaceWithVoid())
                .chain(() -> deleteRows(caller, patientRef));
    }

    @WithSession
    Uni<List<String>> objectKeys(String tenantId, String patientRef) {
        return scans.find("tenantId = ?1 and patientRef = ?2", tenantId, patientRef).project(ObjectKeyOnly.class).list()
                .map(l -> l.stream().map(ObjectKeyOnly::objectKey).toList());
    }

    /** Projection of a scan to its object key. */
    public record ObjectKeyOnly(String objectKey) {
    }

    @WithTransaction
    Uni<Integer> deleteRows(Caller caller, String patientRef) {
        return scans.delete("tenantId = ?1 and patientRef = ?2", caller.tenantId(), patientRef)
                .call(n -> audit.record(caller.tenantId(), caller.credentialId(), "patient.erase", patientRef,
                        "scans=" + n))
                .map(Long::intValue);
    }

    /** What a worker gets when it claims a scan. */
    public record Claim(UUID uuid, String tenantId, String objectKey, int attempt, boolean alreadyFinal,
                        boolean resultPublished, ScanResult finalResult) {
    }

    /**
     * Marks the scan as being processed by {@code worker}, unless it is already final (a redelivered or
     * duplicate request): then the caller only makes sure the result went out. Null for an unknown uuid.
     */
    @WithTransaction
    public Uni<Claim> claim(UUID uuid, String worker) {
        return scans.lock(uuid).map(scan -> {
            if (scan == null) {
                return null;
            }
            if (scan.statusEnum().isFinal()) {
                return new Claim(uuid, scan.tenantId, scan.objectKey, scan.attempts, true,
                        scan.resultPublishedAt != null, ScanResult.of(scan));
            }
            scan.status = ScanStatus.PROCESSING.wire();
            scan.startedAt = now();
            scan.attempts++;
            scan.worker = worker;
            return new Claim(uuid, scan.tenantId, scan.objectKey, scan.attempts, false, false, null);
        });
    }

    /**
     * Stores the outcome once and announces it to long-polling api instances (NOTIFY is delivered on
     * commit). Null when another attempt already stored a result.
     */
    @WithTransaction
    public Uni<ScanResult> complete(UUID uuid, AnalysisOutcome outcome) {
        return scans.lock(uuid).chain(scan -> {
            if (scan == null || scan.statusEnum().isFinal()) {
                return Uni.createFrom().nullItem();
            }
            apply(scan, outcome);
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery("select pg_notify(?1, ?2)")
                            .setParameter(1, ResultNotifier.CHANNEL)
                            .setParameter(2, uuid.toString())
                            .getSingleResult())
                    .replaceWith(() -> ScanResult.of(scan));
        });
    }

    @WithTransaction
    public Uni<Void> markPublished(UUID uuid) {
        return scans.update("resultPublishedAt = ?1 where uuid = ?2", now(), uuid).replaceWithVoid();
    }

    @WithSession
    public Uni<Long> countDone(Caller caller, String performerRef, String patientRef) {
        return scans.countDone(caller.tenantId(), performerRef, patientRef);
    }

    static void apply(Scan scan, AnalysisOutcome outcome) {
        scan.finishedAt = now();
        if (outcome.video() != null) {
            scan.videoDurationS = round(outcome.video().durationS(), 2);
            scan.videoFps = round(outcome.video().fps(), 2);
            scan.videoWidth = outcome.video().width();
            scan.videoHeight = outcome.video().height();
            scan.videoFrames = outcome.video().frames();
            scan.videoBitrateMbps = round(outcome.video().bitrateMbps(), 3);
            scan.videoHdr = outcome.video().hdr();
        }
        scan.faceCoverage = outcome.faceCoverage() == null ? null : round(outcome.faceCoverage(), 3);
        VitalsResult v = outcome.vitals();
        if (v != null) {
            scan.pulseSnrDb = Double.isFinite(v.pulseSnrDb()) ? round(v.pulseSnrDb(), 2) : null;
            scan.pulseDetected = v.heartRateBpm() != null;
            scan.livenessScore = outcome.livenessScore() == null ? null : round(outcome.livenessScore(), 3);
        }
        ScanFailure failure = outcome.failure();
        if (failure == null) {
            scan.status = ScanStatus.DONE.wire();
            scan.heartRateBpm = round(v.heartRateBpm(), 1);
            scan.respiratoryRateBpm = round(v.respiratoryRateBpm(), 1);
            scan.hrvSdnnMs = round(v.sdnnMs(), 1);
            scan.hrvRmssdMs = round(v.rmssdMs(), 1);
            scan.hrvPnn50Pct = round(v.pnn50Pct(), 1);
            scan.stressIndex = round(v.stressIndex(), 1);
            scan.respirationWithheld = code(v.respirationWithheld());
            scan.hrvWithheld = code(v.hrvWithheld());
            scan.errorCode = null;
            scan.errorType = null;
            scan.errorMessage = null;
        } else {
            scan.status = ScanStatus.FAILED.wire();
            scan.respirationWithheld = null;
            scan.hrvWithheld = null;
            scan.errorCode = failure.code();
            scan.errorType = failure.type();
            scan.errorMessage = failure.message().length() > 500 ? failure.message().substring(0, 500)
                    : failure.message();
        }
    }

    private static String code(VitalsResult.Withheld w) {
        return w == null ? null : w.code();
    }

    static String objectKey(String tenantId, UUID uuid) {
        return "videos/" + tenantId + "/" + uuid;
    }

    private static Double round(Double v, int decimals) {
        if (v == null || !Double.isFinite(v)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
