package dev.facevitals.ops;

import static dev.facevitals.testing.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facevitals.scan.ConditionsSignatures;
import dev.facevitals.storage.ObjectStore;
import dev.facevitals.testing.Clips;
import dev.facevitals.testing.KafkaProbe;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.Reactive;
import dev.facevitals.testing.Scans;
import dev.facevitals.testing.Snapshots;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Contract limits, patient history and erasure, reports, version and debug snapshots through the real stack. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AccountAndReportsTest {

    static final String ADMIN = "test-admin-key";

    @Inject
    ConditionsSignatures signatures;

    @Inject
    ObjectStore store;

    private static String[] tenant(Integer limit) {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = limit == null ? Map.of("id", tenant) : Map.of("id", tenant, "scan_limit", limit);
        given().header("x-admin-key", ADMIN).contentType("application/json").body(body)
                .when().post("/v1/admin/tenants").then().statusCode(201);
        String key = given().header("x-admin-key", ADMIN).contentType("application/json").body("{}")
                .when().post("/v1/admin/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("key");
        return new String[] {tenant, key};
    }

    private String uploaded(String[] t) throws Exception {
        return Scans.uploaded(t[1], signatures.issue(t[0], new byte[32]), "not a video".getBytes());
    }

    @Test
    void theQuotaStopsProcessingWhenUsedUpAndQueuesNothing() throws Exception {
        String[] t = tenant(1);
        withKey(t[1]).when().get("/v1/account/quota").then().statusCode(200)
                .body("allowed", equalTo(1)).body("used", equalTo(0)).body("remaining", equalTo(1))
                .body("period", equalTo("month")).body("period_start", notNullValue());
        String first = uploaded(t);
        String second = uploaded(t);
        withKey(t[1]).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + first).then().statusCode(202);
        withKey(t[1]).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + second).then()
                .statusCode(429).body("code", equalTo("quota_exhausted"));
        // repeating the first one is not a new scan
        withKey(t[1]).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + first).then().statusCode(202);
        withKey(t[1]).when().get("/v1/results/" + second).then().statusCode(200)
                .body("status", equalTo("awaiting_upload"));
        assertThat(KafkaProbe.valuesForKey("video-requests", second, Duration.ofSeconds(2))).isEmpty();
        withKey(t[1]).when().get("/v1/account/quota").then().body("used", equalTo(1)).body("remaining", equalTo(0));
        withKey(t[1]).when().get("/v1/results/count").then().statusCode(200).body("allowed", equalTo(1));

        // the operator raises the limit: processing works again
        given().header("x-admin-key", ADMIN).contentType("application/json").body(Map.of("scan_limit", 5))
                .when().put("/v1/admin/tenants/" + t[0] + "/limits").then().statusCode(200).body("scan_limit", equalTo(5));
        withKey(t[1]).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + second).then().statusCode(202);
    }

    @Test
    void patientHistoryIsPagedNewestFirstAndErasureRemovesResultsAndVideos() throws Exception {
        String[] t = tenant(null);
        String[] uuids = new String[3];
        for (int i = 0; i < 3; i++) {
            uuids[i] = uploaded(t);
            withKey(t[1]).queryParam("timezone", "UTC").queryParam("patient-ref", "bob")
                    .when().post("/v1/videos/process/" + uuids[i]).then().statusCode(202);
        }
        withKey(t[1]).queryParam("size", 2).when().get("/v1/patients/bob/results").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2))
                .body("items[0].uuid", equalTo(uuids[2])).body("items[1].uuid", equalTo(uuids[1]));
        withKey(t[1]).queryParam("size", 2).queryParam("page", 1).when().get("/v1/patients/bob/results").then()
                .body("items.size()", equalTo(1)).body("items[0].uuid", equalTo(uuids[0]));
        withKey(t[1]).queryParam("size", 0).when().get("/v1/patients/bob/results").then().statusCode(400);

        String key = "videos/" + t[0] + "/" + uuids[0];
        assertThat(Reactive.await(() -> store.stat(key))).isPresent();
        withKey(t[1]).when().delete("/v1/patients/bob/results").then().statusCode(200).body("deleted", equalTo(3));
        assertThat(Reactive.await(() -> store.stat(key))).isEmpty();
        withKey(t[1]).when().get("/v1/patients/bob/results").then().body("total", equalTo(0));
        withKey(t[1]).when().get("/v1/results/" + uuids[0]).then().statusCode(404);
        Long audits = Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select count(*) from audit_log where tenant_id = ?1 and action = 'patient.erase' and target = 'bob'",
                Long.class).setParameter(1, t[0]).getSingleResult())));
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void reportsCountOutcomesAndListRecords() throws Exception {
        String[] t = tenant(null);
        String uuid = uploaded(t);
        withKey(t[1]).queryParam("timezone", "UTC").when().post("/v1/videos/process/" + uuid).then().statusCode(202);
        for (int i = 0; i < 60; i++) {
            if (withKey(t[1]).when().get("/v1/results/wait/" + uuid).then().extract().statusCode() == 200) {
                break;
            }
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        withKey(t[1]).queryParam("date_from", today).queryParam("date_to", today).when().get("/v1/reports/bi").then()
                .statusCode(200)
                .body("pipelines[0].pipeline", equalTo("health-scan"))
                .body("pipelines[0].total", equalTo(1))
                .body("pipelines[0].outcomes.'failed:1'", equalTo(1))
                .body("pipelines[0].quality.size()", equalTo(10));
        withKey(t[1]).queryParam("date_from", today).queryParam("date_to", today).when().get("/v1/reports/records")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(uuid))
                .body("[0].error_code", equalTo("1"));
        String csv = withKey(t[1]).queryParam("date_from", today).queryParam("date_to", today)
                .queryParam("format", "csv").when().get("/v1/reports/records").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).contains(uuid).contains(",failed,1,");
        withKey(t[1]).queryParam("date_from", "yesterday").queryParam("date_to", today).when().get("/v1/reports/bi")
                .then().statusCode(400).body("code", equalTo("invalid_parameter"));
    }

    @Test
    void versionNamesTheProductPipelinesAndModels() {
        given().when().get("/v1/version").then().statusCode(200)
                .body("product", equalTo("FaceVitals"))
                .body("version", notNullValue())
                .body("pipelines.name", hasItem("health-scan"))
                .body("models.sha256", hasItem("3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633"));
    }

    @Test
    void debugKeepsTheSnapshotOnlyWhenAsked() throws Exception {
        byte[] snapshot = Snapshots.firstFrameJpeg(Clips.path(Clips.clip("snapshot-2s", 70, 2, b -> b)));
        withKey().multiPart("image", "p.jpg", snapshot, "image/jpeg").when().post("/v1/videos/check-conditions")
                .then().statusCode(200).body("debug_key", equalTo(null));
        String key = withKey().queryParam("debug", true).multiPart("image", "p.jpg", snapshot, "image/jpeg")
                .when().post("/v1/videos/check-conditions").then().statusCode(200)
                .body("debug_key", startsWith("debug/default/")).extract().path("debug_key");
        assertThat(Reactive.await(() -> store.stat(key))).get().extracting(ObjectStore.ObjectInfo::size)
                .isEqualTo((long) snapshot.length);
        List<?> rows = Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select object_key from debug_images where object_key = ?1 and expires_at > now()")
                .setParameter(1, key).getResultList())));
        assertThat(rows).hasSize(1);
    }
}
