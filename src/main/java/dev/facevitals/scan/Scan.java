package dev.facevitals.scan;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One health scan, from the upload URL to its final result. Never sent as an API body (see ScanResult). */
@Entity
@Table(name = "scans")
public class Scan {

    @Id
    public UUID uuid;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** Wire form of {@link ScanStatus}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(name = "upload_expires_at", nullable = false)
    public OffsetDateTime uploadExpiresAt;

    public String timezone;

    @Column(name = "performer_ref")
    public String performerRef;

    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "queued_at")
    public OffsetDateTime queuedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public int attempts;

    public String worker;

    @Column(name = "video_duration_s")
    public Double videoDurationS;
    @Column(name = "video_fps")
    public Double videoFps;
    @Column(name = "video_width")
    public Integer videoWidth;
    @Column(name = "video_height")
    public Integer videoHeight;
    @Column(name = "video_frames")
    public Integer videoFrames;
    @Column(name = "video_bitrate_mbps")
    public Double videoBitrateMbps;
    @Column(name = "video_hdr")
    public String videoHdr;

    @Column(name = "heart_rate_bpm")
    public Double heartRateBpm;
    @Column(name = "respiratory_rate_bpm")
    public Double respiratoryRateBpm;
    @Column(name = "hrv_sdnn_ms")
    public Double hrvSdnnMs;
    @Column(name = "hrv_rmssd_ms")
    public Double hrvRmssdMs;
    @Column(name = "hrv_pnn50_pct")
    public Double hrvPnn50Pct;
    @Column(name = "stress_index")
    public Double stressIndex;

    @Column(name = "pulse_snr_db")
    public Double pulseSnrDb;
    @Column(name = "face_coverage")
    public Double faceCoverage;
    /** Why the breathing rate of a done scan is null (a {@code VitalsResult.Withheld} code); else null. */
    @Column(name = "respiration_withheld")
    public String respirationWithheld;
    /** Why the HRV values of a done scan are null; else null. */
    @Column(name = "hrv_withheld")
    public String hrvWithheld;
    @Column(name = "pulse_detected")
    public Boolean pulseDetected;
    @Column(name = "liveness_score")
    public Double livenessScore;

    @Column(name = "error_code")
    public Integer errorCode;
    @Column(name = "error_type")
    public String errorType;
    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "result_published_at")
    public OffsetDateTime resultPublishedAt;

    public ScanStatus statusEnum() {
        return ScanStatus.fromWire(status);
    }
}
