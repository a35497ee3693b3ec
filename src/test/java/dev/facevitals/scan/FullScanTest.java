package dev.facevitals.scan;

import static dev.facevitals.testing.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.facevitals.scan.analysis.ScanFailure;
import dev.facevitals.testing.Clips;
import dev.facevitals.testing.KafkaProbe;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.PresignedPost;
import dev.facevitals.testing.Snapshots;
import dev.facevitals.video.PatternClip;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Whole health scans as a client does them (check-conditions, upload-url, upload, process, wait) on
 * generated face videos with a known pulse, through the real store, broker, database and JavaCV pipeline.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class FullScanTest {

    /** The brief's bar for the spine: each generated pulse comes back within 3 bpm. */
    private static final double HR_TOLERANCE_BPM = 3.0;

    @Test
    void slowPulseIsMeasured() throws Exception {
        assertHeartRate(Clips.clip("spine-hr55", 55, 22, b -> b.pulseAmplitude(0.005).condition(SyntheticClip.Condition.SENSOR_NOISE)));
    }

    @Test
    void fastPulseIsMeasured() throws Exception {
        assertHeartRate(Clips.clip("spine-hr110", 110, 22, b -> b.pulseAmplitude(0.005).condition(SyntheticClip.Condition.SENSOR_NOISE)));
    }

    @Test
    void aShortVideoFailsWithError2() throws Exception {
        SyntheticTruth truth = Clips.clip("spine-short", 70, 8, b -> b);
        JsonPath result = scan(Clips.path(truth));
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getInt("error.error_code")).isEqualTo(2);
        assertThat(result.getString("error.error_type")).isEqualTo("VideoError");
        // a failed scan has no biomarkers to explain (ScanResultTest: nor reasons): its error says why
        assertThat(result.getMap("")).containsKey("biomarkers");
        assertThat(result.<Object>get("biomarkers")).isNull();
        assertThat(result.getDouble("video.duration_s")).isCloseTo(8.0, within(0.2));
    }

    /**
     * A faint pulse through FFmpeg's MPEG-4 encoder asked for 0.15 Mbit/s (at its coarsest quantiser the file
     * comes out at about 0.8 Mbit/s, 0.087 bits per pixel of each frame): the quality error says how far the file
     * was compressed and what to record at, and the result carries the bit rate.
     */
    @Test
    void aQualityErrorOnAHeavilyCompressedVideoSaysSo() throws Exception {
        SyntheticTruth truth = Clips.clip("spine-150k", 70, 22, b -> b.pulseAmplitude(0.001)
                .condition(SyntheticClip.Condition.SENSOR_NOISE).codec(ClipEncoder.Codec.MPEG4_RATE).bitrate(150_000));
        Path file = Clips.path(truth);
        JsonPath result = scan(file);
        assertThat(result.getString("status")).as(result.prettify()).isEqualTo("failed");
        assertThat(result.getString("error.error_type")).isEqualTo("QualityError");
        assertThat(result.getString("error.message")).contains("The video is compressed to")
                .contains("at 640x480 and 30 frames/s, record at 1.0 Mbit/s or more.");
        double mbps = result.getDouble("video.bitrate_mbps");
        assertVideoBitrate(result, file);
        assertThat(mbps * 1e6 / (640 * 480 * result.getDouble("video.fps"))).isLessThan(ScanFailure.LOW_BITS_PER_PIXEL);
    }

    @Test
    void aFaceLeavingTheFrameFailsWithError5() throws Exception {
        SyntheticTruth truth = Clips.clip("spine-face-exit", 70, 22,
                b -> b.condition(SyntheticClip.Condition.FACE_EXIT));
        JsonPath result = scan(Clips.path(truth));
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getInt("error.error_code")).isEqualTo(5);
    }

    @Test
    void aVideoWithoutAFaceFailsWithError3() throws Exception {
        Path file = Path.of("target", "clips", "no-face.mp4");
        Files.createDirectories(file.getParent());
        PatternClip.write(file, ClipEncoder.Codec.H264, 640, 480, PatternClip.cfr(22 * 30, 30), 0, true);
        byte[] snapshot = Snapshots.firstFrameJpeg(Clips.path(Clips.clip("snapshot-2s", 70, 2, b -> b)));
        JsonPath result = scan(file, snapshot);
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getInt("error.error_code")).isEqualTo(3);
        assertThat(result.getString("error.error_type")).isEqualTo("VideoError");
    }

    @Test
    void aCorruptVideoFailsWithError1() throws Exception {
        SyntheticTruth truth = Clips.clip("spine-hr55", 55, 22, b -> b.pulseAmplitude(0.005).condition(SyntheticClip.Condition.SENSOR_NOISE));
        byte[] bytes = Files.readAllBytes(Clips.path(truth));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 4096);
        Path file = Files.createTempFile(Path.of("target"), "truncated", ".mp4");
        Files.write(file, truncated);
        JsonPath result = scan(file, Snapshots.firstFrameJpeg(Clips.path(truth)));
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getInt("error.error_code")).isEqualTo(1);
    }

    /** The video track's bit rate: under the whole file's (its container's overhead), not far under. */
    private static void assertVideoBitrate(JsonPath result, Path file) throws IOException {
        double fileMbps = Files.size(file) * 8 / result.getDouble("video.duration_s") / 1e6;
        assertThat(result.getDouble("video.bitrate_mbps")).isBetween(0.9 * fileMbps, fileMbps);
    }

    private static void assertHeartRate(SyntheticTruth truth) throws Exception {
        JsonPath result = scan(Clips.path(truth));
        assertThat(result.getString("status")).as(result.prettify()).isEqualTo("done");
        double hr = result.getDouble("biomarkers.heart_rate_bpm");
        System.out.printf("Generated clip %s: truth %.1f bpm, measured %.1f bpm, pulse SNR %s dB%n",
                truth.clip(), truth.heartRateBpm(), hr, result.getString("quality.pulse_snr_db"));
        assertThat(hr).isCloseTo(truth.heartRateBpm(), within(HR_TOLERANCE_BPM));
        assertThat(result.getBoolean("liveness.pulse_detected")).isTrue();
        // the face in the middle frame is judged: a score, not null (its value is the image cues' business)
        Object live = result.get("liveness.score");
        System.out.printf("Generated clip %s: liveness score %s%n", truth.clip(), live);
        assertThat(live).isInstanceOf(Number.class);
        assertThat(((Number) live).doubleValue()).isBetween(0.0, 1.0);
        // what the signal cannot support is an explicit null, not a missing field
        assertThat(result.getMap("biomarkers")).containsKeys("hrv_sdnn_ms", "hrv_rmssd_ms", "hrv_pnn50_pct",
                "stress_index", "respiratory_rate_bpm");
        assertThat(result.getInt("video.frames")).isEqualTo(truth.frameCount());
        assertVideoBitrate(result, Clips.path(truth));
        assertThat(result.getDouble("quality.face_coverage")).isGreaterThan(0.9);
        // each null group says why, each reported one has no reason; these clips are shorter than HRV's 30 s
        assertThat(result.getMap("quality.withheld")).containsOnlyKeys("respiratory_rate", "hrv");
        assertThat(truth.durationSec()).isLessThan(30);
        assertThat(result.getString("quality.withheld.hrv")).isEqualTo("scan_too_short");
        assertThat(result.getString("quality.withheld.respiratory_rate") == null)
                .isEqualTo(result.get("biomarkers.respiratory_rate_bpm") != null);
        // Kafka consumers of the result get the same reasons
        String uuid = result.getString("uuid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> records = KafkaProbe.valuesForKey("scan-results", uuid, Duration.ofSeconds(2));
            assertThat(records).hasSize(1);
            assertThat(new JsonPath(records.get(0)).getString("quality.withheld.hrv")).isEqualTo("scan_too_short");
        });
        // and the worker counts it for operators (after storing the result, so it may come a moment later)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(RestAssured.get("/q/metrics").asString())
                        .contains("facevitals_scans_withheld_total{reason=\"scan_too_short\",value=\"hrv\"}")
                        // and the video's bits per pixel: the demo clip's all-intra H.264 is well over 0.1
                        .contains("facevitals_scans_video_bits_per_pixel_bucket{hdr=\"none\",le=\"0.1\"}")
                        .containsPattern("facevitals_scans_video_bits_per_pixel_count\\{hdr=\"none\"} [1-9]"));
    }

    static JsonPath scan(Path video) throws Exception {
        return scan(video, Snapshots.firstFrameJpeg(video));
    }

    /** The client's side of a scan, from the snapshot check to the long-polled result. */
    static JsonPath scan(Path video, byte[] snapshot) throws Exception {
        String signature = withKey().multiPart("image", "preview.jpg", snapshot, "image/jpeg")
                .when().post("/v1/videos/check-conditions").then()
                .statusCode(200)
                .body("quality_error_code", equalTo(0))
                .body("quality_score", greaterThanOrEqualTo(5.0f))
                .body("signature", notNullValue())
                .extract().path("signature");
        JsonPath upload = withKey().contentType("application/json").body(Map.of("signature", signature))
                .when().post("/v1/videos/upload-url").then().statusCode(201).extract().jsonPath();
        int stored = PresignedPost.upload(upload.getString("url"), upload.getMap("form_data_fields"),
                Files.readAllBytes(video), video.getFileName().toString()).statusCode();
        assertThat(stored).isEqualTo(204);
        String uuid = upload.getString("uuid");
        withKey().queryParam("timezone", "Europe/Brussels").when().post("/v1/videos/process/" + uuid).then()
                .statusCode(202).body("status", equalTo("queued"));
        return ScanFlowTest.waitForFinal(uuid);
    }
}
