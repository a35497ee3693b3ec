package dev.facevitals.scan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scan as clients see it: the body of {@code GET /v1/results/{uuid}} and the value of each
 * {@code scan-results} Kafka record (snake_case JSON; see docs/api.md). Nulls are written out: a biomarker
 * the signal cannot support is an explicit null, not a missing field.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScanResult(UUID uuid, String status, OffsetDateTime createdAt, OffsetDateTime finishedAt,
                         String timezone, String performerRef, String patientRef, Video video,
                         Biomarkers biomarkers, Quality quality, Liveness liveness, Error error) {

    /**
     * @param bitrateMbps the video track's coded size over its duration (audio not counted), Mbit/s
     * @param hdr         the HDR transfer the video was recorded with, {@code hlg} or {@code pq} (its frames were
     *                    mapped to SDR for the analysis); null for SDR video
     */
    public record Video(Double durationS, Double fps, Integer width, Integer height, Integer frames,
                        Double bitrateMbps, String hdr) {
    }

    public record Biomarkers(Double heartRateBpm, Double respiratoryRateBpm, Double hrvSdnnMs, Double hrvRmssdMs,
                             Double hrvPnn50Pct, Double stressIndex) {
    }

    /**
     * @param withheld on a done scan, why each group of biomarkers that is null was withheld; null on a scan
     *                 that is not done
     */
    public record Quality(Double pulseSnrDb, Double faceCoverage, Withheld withheld) {
    }

    /**
     * Codes of {@code dev.facevitals.vitals.VitalsResult.Withheld}, null where the value was reported.
     *
     * @param respiratoryRate why {@code respiratory_rate_bpm} is null
     * @param hrv             why {@code hrv_sdnn_ms}, {@code hrv_rmssd_ms}, {@code hrv_pnn50_pct} and
     *                        {@code stress_index} are null
     */
    public record Withheld(String respiratoryRate, String hrv) {
    }

    public record Liveness(Boolean pulseDetected, Double score) {
    }

    /** IntelliProve's error: code, type (VideoError, QualityError, UnexpectedError) and message. */
    public record Error(int errorCode, String errorType, String message) {
    }

    public static ScanResult of(Scan s) {
        boolean finished = s.statusEnum().isFinal();
        Video video = s.videoFrames == null ? null
                : new Video(s.videoDurationS, s.videoFps, s.videoWidth, s.videoHeight, s.videoFrames,
                s.videoBitrateMbps, s.videoHdr);
        Biomarkers biomarkers = s.statusEnum() == ScanStatus.DONE
                ? new Biomarkers(s.heartRateBpm, s.respiratoryRateBpm, s.hrvSdnnMs, s.hrvRmssdMs, s.hrvPnn50Pct,
                s.stressIndex)
                : null;
        Withheld withheld = s.statusEnum() == ScanStatus.DONE ? new Withheld(s.respirationWithheld, s.hrvWithheld)
                : null;
        Quality quality = finished && (s.pulseSnrDb != null || s.faceCoverage != null)
                ? new Quality(s.pulseSnrDb, s.faceCoverage, withheld) : null;
        Liveness liveness = finished && s.pulseDetected != null ? new Liveness(s.pulseDetected, s.livenessScore) : null;
        Error error = s.errorCode == null ? null : new Error(s.errorCode, s.errorType, s.errorMessage);
        return new ScanResult(s.uuid, s.status, utc(s.createdAt), utc(s.finishedAt), s.timezone, s.performerRef,
                s.patientRef, video, biomarkers, quality, liveness, error);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
