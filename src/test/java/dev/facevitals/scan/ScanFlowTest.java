package dev.facevitals.scan;

import static dev.facevitals.testing.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facevitals.auth.ApiKeyService;
import dev.facevitals.auth.Secrets;
import dev.facevitals.testing.KafkaProbe;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.PresignedPost;
import dev.facevitals.testing.Reactive;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The scan flow around the analysis, through the real store, database and broker: signatures, presigned
 * upload with the store-enforced size limit, idempotent processing, tenant isolation, long-poll timeout.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ScanFlowTest {

    @Inject
    ConditionsSignatures signatures;

    @Inject
    Secrets secrets;

    @Inject
    UploadConfig uploadConfig;

    @Inject
    ApiKeyService keys;

    @TestHTTPResource("/")
    URL base;

    private String signature() {
        return signatures.issue("default", new byte[32]);
    }

    private JsonPath uploadUrl(String signature) {
        return withKey().contentType("application/json").body(Map.of("signature", signature))
                .when().post("/v1/videos/upload-url").then()
                .statusCode(201)
                .body("url", startsWith("http://127.0.0.1:"))
                .body("form_data_fields", hasKey("policy"))
                .body("form_data_fields", hasKey("x-amz-signature"))
                .body("max_bytes", equalTo((int) LocalStackResource.MAX_UPLOAD_BYTES))
                .extract().jsonPath();
    }

    private static int upload(JsonPath upload, byte[] bytes) throws Exception {
        return PresignedPost.upload(upload.getString("url"), upload.getMap("form_data_fields"), bytes, "scan.mp4")
                .statusCode();
    }

    @Test
    void checkConditionsRefusesWhatIsNotAUsableImage() {
        String route = "/v1/videos/check-conditions";
        withKey().multiPart("other", "x").when().post(route).then()
                .statusCode(400).body("code", equalTo("image_missing"));
        withKey().multiPart("image", "empty.jpg", new byte[0], "image/jpeg").when().post(route).then()
                .statusCode(400).body("code", equalTo("image_empty"));
        withKey().multiPart("image", "notes.txt", "not a picture".getBytes(), "text/plain").when().post(route).then()
                .statusCode(415).body("code", equalTo("unsupported_media_type"));
        // JPEG start-of-image marker and then nothing usable
        byte[] truncated = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        withKey().multiPart("image", "cut.jpg", truncated, "image/jpeg").when().post(route).then()
                .statusCode(422).body("code", equalTo("image_invalid")).body("$", org.hamcrest.Matchers.not(hasKey("trace")));
    }

    @Test
    void uploadUrlNeedsAValidUnusedSignature() {
        withKey().contentType("application/json").body("{}").when().post("/v1/videos/upload-url").then()
                .statusCode(403).body("code", equalTo("signature_invalid"));
        withKey().contentType("application/json").body(Map.of("signature", "v1.abc")).when()
                .post("/v1/videos/upload-url").then().statusCode(403).body("code", equalTo("signature_invalid"));
        String otherTenants = signatures.issue("someone-else", new byte[32]);
        withKey().contentType("application/json").body(Map.of("signature", otherTenants)).when()
                .post("/v1/videos/upload-url").then().statusCode(403).body("code", equalTo("signature_invalid"));
        Clock elevenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        String old = new ConditionsSignatures(secrets.conditionsKey(), uploadConfig, elevenMinutesAgo)
                .issue("default", new byte[32]);
        withKey().contentType("application/json").body(Map.of("signature", old)).when()
                .post("/v1/videos/upload-url").then().statusCode(403).body("code", equalTo("signature_expired"));

        String sig = signature();
        uploadUrl(sig);
        withKey().contentType("application/json").body(Map.of("signature", sig)).when()
                .post("/v1/videos/upload-url").then().statusCode(403).body("code", equalTo("signature_used"));
    }

    @Test
    void theStoreEnforcesTheSizeLimit() throws Exception {
        int max = (int) LocalStackResource.MAX_UPLOAD_BYTES;
        JsonPath tooBig = uploadUrl(signature());
        assertThat(upload(tooBig, new byte[max + 1])).isBetween(400, 499);
        withKey().queryParam("timezone", "Europe/Brussels")
                .when().post("/v1/videos/process/" + tooBig.getString("uuid")).then()
                .statusCode(422).body("code", equalTo("video_not_found"))
                .body("detail", equalTo("Video not found in upload storage."));

        JsonPath exact = uploadUrl(signature());
        assertThat(upload(exact, new byte[max])).isEqualTo(204);
    }

    @Test
    void processValidatesItsInput() throws Exception {
        JsonPath up = uploadUrl(signature());
        String uuid = up.getString("uuid");
        withKey().queryParam("timezone", "Europe/Brussels").when().post("/v1/videos/process/" + uuid).then()
                .statusCode(422).body("code", equalTo("video_not_found"));
        assertThat(upload(up, "not a video".getBytes())).isEqualTo(204);
        withKey().queryParam("timezone", "Mars/Olympus").when().post("/v1/videos/process/" + uuid).then()
                .statusCode(400).body("code", equalTo("invalid_timezone"))
                .body("detail", equalTo("Please provide a valid time zone string."));
        withKey().when().post("/v1/videos/process/" + uuid).then()
                .statusCode(400).body("code", equalTo("invalid_timezone"));
        withKey().queryParam("timezone", "BE").when().post("/v1/videos/process/not-a-uuid").then()
                .statusCode(404).body("code", equalTo("scan_not_found"));
        withKey().queryParam("timezone", "BE").when()
                .post("/v1/videos/process/6c1d1b8e-0000-4000-8000-000000000000").then()
                .statusCode(404).body("code", equalTo("scan_not_found"));
    }

    @Test
    void concurrentProcessCallsQueueOneRequestAndYieldOneResult() throws Exception {
        JsonPath up = uploadUrl(signature());
        String uuid = up.getString("uuid");
        assertThat(upload(up, "this is no video at all".getBytes())).isEqualTo(204);

        HttpClient http = HttpClient.newHttpClient();
        URI process = URI.create(base.toString() + "v1/videos/process/" + uuid
                + "?timezone=CET&performer-ref=nurse-1&patient-ref=patient-1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<HttpResponse<String>> call = () -> http.send(HttpRequest.newBuilder(process)
                    .header("x-api-key", "test-key").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            calls.add(pool.submit(call));
        }
        for (Future<HttpResponse<String>> f : calls) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(r.body()).contains(uuid);
        }
        pool.shutdown();

        JsonPath result = waitForFinal(uuid);
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getString("timezone")).isEqualTo("Europe/Brussels");
        assertThat(result.getString("performer_ref")).isEqualTo("nurse-1");
        assertThat(result.getString("patient_ref")).isEqualTo("patient-1");
        assertThat(result.getInt("error.error_code")).isIn(1, 99);

        // one more call after the end changes nothing
        withKey().queryParam("timezone", "CET").when().post("/v1/videos/process/" + uuid).then()
                .statusCode(202).body("status", equalTo("failed"));

        assertThat(KafkaProbe.valuesForKey("video-requests", uuid, Duration.ofSeconds(2))).hasSize(1);
        List<String> results = KafkaProbe.valuesForKey("scan-results", uuid, Duration.ofSeconds(2));
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).contains("\"uuid\":\"" + uuid + "\"").contains("\"error_code\":");
    }

    @Test
    void anotherTenantSeesNothing() throws Exception {
        JsonPath up = uploadUrl(signature());
        String uuid = up.getString("uuid");
        assertThat(upload(up, "x".getBytes())).isEqualTo(204);
        String otherKey = Reactive.await(() -> keys.issue("tenant-scan-isolation", "test", null)).key();
        withKey(otherKey).when().get("/v1/results/" + uuid).then().statusCode(404).body("code", equalTo("scan_not_found"));
        withKey(otherKey).when().get("/v1/results/wait/" + uuid).then().statusCode(404);
        withKey(otherKey).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + uuid).then()
                .statusCode(404).body("code", equalTo("scan_not_found"));
        withKey().when().get("/v1/results/" + uuid).then().statusCode(200).body("status", equalTo("awaiting_upload"));
    }

    @Test
    void waitAnswers204WhenTheResultIsNotFinalInTime() {
        String uuid = uploadUrl(signature()).getString("uuid");
        long t0 = System.nanoTime();
        withKey().when().get("/v1/results/wait/" + uuid).then().statusCode(204);
        // the test profile waits 3 s: the answer must not come back before the wait was over
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(uploadConfig.waitTimeout());
    }

    /** Long-polls until the scan is final (each call waits up to the test profile's 3 s). */
    static JsonPath waitForFinal(String uuid) {
        for (int i = 0; i < 60; i++) {
            var response = withKey().when().get("/v1/results/wait/" + uuid).then().extract();
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            assertThat(response.statusCode()).isEqualTo(204);
        }
        throw new AssertionError("scan " + uuid + " not final after 60 long-polls");
    }
}
