package dev.facevitals.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.facevitals.testing.Api;
import dev.facevitals.testing.AppProcess;
import dev.facevitals.testing.Clips;
import dev.facevitals.testing.KafkaProbe;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.PresignedPost;
import dev.facevitals.testing.Snapshots;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticTruth;
import io.restassured.response.Response;

/**
 * The packaged application as operators run it: one api-only process and worker-only processes, on the
 * real broker, database and store. A worker is killed (SIGKILL) in the middle of a scan; another worker
 * takes the request over and finishes the scan exactly once, and the api process's long-poll is woken by
 * the other process's result.
 */
class WorkerFailoverIT {

    private static final List<AppProcess> processes = new java.util.ArrayList<>();
    private static Map<String, String> stack;
    private static String api;

    @BeforeAll
    static void startApi() throws Exception {
        stack = LocalStackResource.startShared();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> c = config();
        c.put("facevitals.roles.worker", "false");
        c.put("quarkus.http.port", Integer.toString(port));
        // one long-poll longer than the whole takeover: only a cross-process notification can end it early
        c.put("facevitals.upload.wait-timeout", "PT180S");
        AppProcess p = AppProcess.start("it-api", c);
        processes.add(p);
        assertThat(p.awaitLog("started in", 180)).as("api process start: %s", p.log()).isTrue();
        api = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AppProcess p : processes) {
            p.close();
        }
    }

    private static Map<String, String> config() {
        Map<String, String> c = new HashMap<>(stack);
        c.put("quarkus.profile", "test");
        return c;
    }

    private static AppProcess startWorker(String name) throws Exception {
        Map<String, String> c = config();
        c.put("facevitals.roles.api", "false");
        c.put("quarkus.http.port", "0");
        AppProcess p = AppProcess.start(name, c);
        processes.add(p);
        assertThat(p.awaitLog("started in", 180)).as("%s start: %s", name, p.log()).isTrue();
        return p;
    }

    @Test
    void aWorkerKilledMidScanLeavesTheScanToAnotherWhichFinishesItOnce() throws Exception {
        // long and phone-compressed: small enough to upload, long enough to kill the worker inside it
        SyntheticTruth truth = Clips.clip("failover-60s", 72, 60, b -> b.codec(ClipEncoder.Codec.H264));
        Path video = Clips.path(truth);

        AppProcess workerA = startWorker("it-worker-a");
        String uuid = submit(video);

        String workerAId = awaitProcessing(uuid);
        workerA.kill();
        assertThat(workerAId).endsWith("/" + workerA.process().pid());
        assertThat(row(uuid).get("status")).as("killed before it could store a result").isEqualTo("processing");

        // a long-poll on the api process, begun while nobody works on the scan
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() ->
                given().baseUri(api).header("x-api-key", Api.TEST_KEY).when().get("/v1/results/wait/" + uuid));

        AppProcess workerB = startWorker("it-worker-b");
        Response result = waiting.get();
        assertThat(result.statusCode()).as(result.asString()).isEqualTo(200);
        assertThat(result.jsonPath().getString("status")).isIn("done", "failed");
        assertThat(result.jsonPath().getString("uuid")).isEqualTo(uuid);

        Map<String, Object> row = row(uuid);
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat((String) row.get("worker")).endsWith("/" + workerB.process().pid());
        assertThat(KafkaProbe.valuesForKey("video-requests", uuid, Duration.ofSeconds(2))).hasSize(1);
        assertThat(KafkaProbe.valuesForKey("scan-results", uuid, Duration.ofSeconds(2))).hasSize(1);
        assertThat(workerB.log()).contains("Scan " + uuid + ": processing (attempt 2");
    }

    /** check-conditions, upload-url, upload, process: all against the api process. */
    private static String submit(Path video) throws Exception {
        byte[] snapshot = Snapshots.firstFrameJpeg(video);
        String signature = given().baseUri(api).header("x-api-key", Api.TEST_KEY)
                .multiPart("image", "preview.jpg", snapshot, "image/jpeg")
                .when().post("/v1/videos/check-conditions").then().statusCode(200).extract().path("signature");
        assertThat(signature).as("snapshot conditions met").isNotNull();
        var upload = given().baseUri(api).header("x-api-key", Api.TEST_KEY).contentType("application/json")
                .body(Map.of("signature", signature)).when().post("/v1/videos/upload-url").then().statusCode(201)
                .extract().jsonPath();
        assertThat(PresignedPost.upload(upload.getString("url"), upload.getMap("form_data_fields"),
                Files.readAllBytes(video), "scan.mp4").statusCode()).isEqualTo(204);
        String uuid = upload.getString("uuid");
        given().baseUri(api).header("x-api-key", Api.TEST_KEY).queryParam("timezone", "UTC")
                .when().post("/v1/videos/process/" + uuid).then().statusCode(202);
        return uuid;
    }

    /** Polls the database until a worker has claimed the scan; returns that worker's id. */
    private static String awaitProcessing(String uuid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = row(uuid);
            if ("processing".equals(row.get("status"))) {
                return (String) row.get("worker");
            }
            assertThat(row.get("status")).as("scan finished before the worker could be killed").isEqualTo("queued");
            Thread.sleep(10);
        }
        throw new AssertionError("no worker claimed scan " + uuid);
    }

    private static Map<String, Object> row(String uuid) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.get("quarkus.datasource.jdbc.url"),
                stack.get("quarkus.datasource.username"), stack.get("quarkus.datasource.password"));
             PreparedStatement s = c.prepareStatement("select status, attempts, worker from scans where uuid = ?")) {
            s.setObject(1, UUID.fromString(uuid));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> m = new HashMap<>();
                m.put("status", rs.getString(1));
                m.put("attempts", rs.getInt(2));
                m.put("worker", rs.getString(3));
                return m;
            }
        }
    }
}
