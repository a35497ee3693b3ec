package dev.facevitals.auth;

import static dev.facevitals.testing.Api.withKey;
import static dev.facevitals.testing.Api.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.facevitals.scan.ConditionsSignatures;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.Scans;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every credential kind through the real stack: keys issued by the admin API, revoked keys, bearer tokens
 * from Basic credentials (expired, tampered, revoked), action tokens off their routes, signed requests
 * (wrong body, path, query, time, replay), permissions per route group, and a second tenant trying every
 * id-bearing route of the first.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SecurityTest {

    static final String ADMIN = "test-admin-key";

    @Inject
    ConditionsSignatures signatures;

    @Inject
    Secrets secrets;

    record Issued(String id, String key, String secret, String tenant) {
    }

    private Issued tenantA;
    private Issued tenantB;

    @BeforeEach
    void tenants() {
        tenantA = tenantWithKey(null);
        tenantB = tenantWithKey(null);
    }

    static Issued tenantWithKey(List<String> permissions) {
        String tenant = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().header("x-admin-key", ADMIN).contentType("application/json").body(Map.of("id", tenant))
                .when().post("/v1/admin/tenants").then().statusCode(201);
        return issue(tenant, permissions);
    }

    static Issued issue(String tenant, List<String> permissions) {
        Map<String, Object> body = permissions == null ? Map.of("name", "k") : Map.of("name", "k", "permissions", permissions);
        JsonPath k = given().header("x-admin-key", ADMIN).contentType("application/json").body(body)
                .when().post("/v1/admin/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath();
        return new Issued(k.getString("id"), k.getString("key"), k.getString("signing_secret"), tenant);
    }

    // --- API keys and the admin API --------------------------------------------------------------------------

    @Test
    void adminApiNeedsTheAdminKey() {
        given().when().get("/v1/admin/tenants").then().statusCode(401).body("code", equalTo("missing_credentials"));
        given().header("x-admin-key", "guess").when().get("/v1/admin/tenants").then()
                .statusCode(401).body("code", equalTo("invalid_admin_key"));
        withKey(tenantA.key()).when().get("/v1/admin/tenants").then().statusCode(403);
        given().header("x-admin-key", ADMIN).when().get("/v1/admin/tenants/" + tenantA.tenant() + "/keys").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].prefix", equalTo(tenantA.key().substring(0, 8)))
                .body("[0].key", equalTo(null));
    }

    @Test
    void revokedAndRotatedKeysStopWorking() {
        withKey(tenantA.key()).when().get("/v1/auth/user").then().statusCode(200);
        given().header("x-admin-key", ADMIN).when()
                .delete("/v1/admin/tenants/" + tenantA.tenant() + "/keys/" + tenantA.id()).then().statusCode(204);
        withKey(tenantA.key()).when().get("/v1/auth/user").then().statusCode(401).body("code", equalTo("invalid_api_key"));

        String rotated = given().header("x-admin-key", ADMIN).when()
                .post("/v1/admin/tenants/" + tenantB.tenant() + "/keys/" + tenantB.id() + "/rotate").then()
                .statusCode(201).extract().path("key");
        withKey(tenantB.key()).when().get("/v1/auth/user").then().statusCode(401);
        withKey(rotated).when().get("/v1/auth/user").then().statusCode(200).body("tenant", equalTo(tenantB.tenant()));
    }

    @Test
    void permissionsLimitAKeyToItsRouteGroups() {
        Issued resultsOnly = issue(tenantA.tenant(), List.of("results"));
        withKey(resultsOnly.key()).when().get("/v1/auth/user").then().statusCode(200)
                .body("allowed_groups", equalTo(List.of("results")));
        withKey(resultsOnly.key()).contentType("application/json").body(Map.of("signature", "x"))
                .when().post("/v1/videos/upload-url").then().statusCode(403).body("code", equalTo("route_not_allowed"));
        withKey(resultsOnly.key()).when().get("/v1/account/quota").then().statusCode(403);
        withKey(resultsOnly.key()).when().get("/v1/results/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404);
        given().header("x-admin-key", ADMIN).contentType("application/json")
                .body(Map.of("permissions", List.of("scans", "teleport"))).when()
                .post("/v1/admin/tenants/" + tenantA.tenant() + "/keys").then()
                .statusCode(400).body("code", equalTo("invalid_parameter"));
    }

    // --- Bearer tokens from Basic credentials -----------------------------------------------------------------

    private static String basic(String id, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsGiveABearerTokenThatWorksWhereTheKeyWorks() {
        String jwt = given().header("Authorization", basic(tenantA.id(), tenantA.key())).when()
                .post("/v1/auth/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .extract().path("access_token");
        given().header("Authorization", "Bearer " + jwt).when().get("/v1/auth/user").then().statusCode(200)
                .body("tenant", equalTo(tenantA.tenant())).body("credential", equalTo("bearer"));
        given().header("Authorization", "Bearer " + jwt).when().get("/v1/account/quota").then().statusCode(200);

        given().header("Authorization", basic(tenantA.id(), "fv_wrong")).when().post("/v1/auth/token").then()
                .statusCode(401).body("code", equalTo("invalid_basic_credentials"));
        given().header("Authorization", basic(tenantB.id(), tenantA.key())).when().post("/v1/auth/token").then()
                .statusCode(401).body("code", equalTo("invalid_basic_credentials"));
        given().header("Authorization", "Basic !!!").when().post("/v1/auth/token").then().statusCode(401);
        given().when().post("/v1/auth/token").then().statusCode(401).body("code", equalTo("missing_credentials"));

        // tampered: another tenant's name in a validly shaped token
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(tenantA.tenant(), tenantB.tenant());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_invalid"));
        // an action token is not a bearer token, and the other way round
        String action = withKey(tenantA.key()).contentType("application/json").body("{}").when()
                .post("/v1/auth/action-token").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + action).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_invalid"));
        withToken(jwt).when().get("/v1/auth/user").then().statusCode(401).body("code", equalTo("token_invalid"));

        // revoking the key ends its bearer tokens at once
        given().header("x-admin-key", ADMIN).when()
                .delete("/v1/admin/tenants/" + tenantA.tenant() + "/keys/" + tenantA.id()).then().statusCode(204);
        given().header("Authorization", "Bearer " + jwt).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_invalid"));
    }

    @Test
    void expiredBearerTokensAreRefused() {
        // signed with the service's own bearer key, but already expired
        SignedJwt jwt = new SignedJwt("bearer", secrets.bearerTokenKey());
        String expired = jwt.issue(tenantA.tenant(), tenantA.id(), Duration.ofSeconds(-60), null).token();
        given().header("Authorization", "Bearer " + expired).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_expired"));
    }

    // --- Signed requests --------------------------------------------------------------------------------------

    private RequestSpecification signed(Issued k, String method, String path, String query, String body, long ts) {
        String canonical = RequestSignatures.canonical(method, path, query, Long.toString(ts),
                body.getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getEncoder().encodeToString(Secrets.hmac(Base64.getDecoder().decode(k.secret()),
                canonical.getBytes(StandardCharsets.UTF_8)));
        return given().header("X-Signature-Key", k.id()).header("X-Signature-Timestamp", Long.toString(ts))
                .header("X-Signature", sig);
    }

    @Test
    void signedRequestsAreCheckedAndAcceptedOnce() {
        long now = Instant.now().getEpochSecond();
        String body = "{\"expire_in\":600}";
        // a good one, with a JSON body the route then reads
        RequestSpecification good = signed(tenantA, "POST", "/v1/auth/action-token", null, body, now);
        good.contentType("application/json").body(body).when().post("/v1/auth/action-token").then()
                .statusCode(201).body("token", org.hamcrest.Matchers.notNullValue());
        // the same request again: a replay
        signed(tenantA, "POST", "/v1/auth/action-token", null, body, now).contentType("application/json").body(body)
                .when().post("/v1/auth/action-token").then()
                .statusCode(401).body("code", equalTo("request_signature_replayed"));
        // signed for another body
        signed(tenantA, "POST", "/v1/auth/action-token", null, "{\"expire_in\":60}", now + 1)
                .contentType("application/json").body(body).when().post("/v1/auth/action-token").then()
                .statusCode(401).body("code", equalTo("request_signature_invalid"));
        // signed for another path
        signed(tenantA, "GET", "/v1/account/quota", null, "", now + 2).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("request_signature_invalid"));
        // signed for another query
        signed(tenantA, "GET", "/v1/results/count", "patient-ref=p1", "", now + 3)
                .queryParam("patient-ref", "p2").when().get("/v1/results/count").then()
                .statusCode(401).body("code", equalTo("request_signature_invalid"));
        // query parameters in another order are the same request
        signed(tenantA, "GET", "/v1/results/count", "patient-ref=p1&performer-ref=x", "", now + 4)
                .queryParam("performer-ref", "x").queryParam("patient-ref", "p1").when().get("/v1/results/count")
                .then().statusCode(200);
        // outside the window
        signed(tenantA, "GET", "/v1/auth/user", null, "", now - 3600).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("request_signature_expired"));
        // someone else's secret
        signed(new Issued(tenantA.id(), null, tenantB.secret(), null), "GET", "/v1/auth/user", null, "", now + 5)
                .when().get("/v1/auth/user").then().statusCode(401).body("code", equalTo("request_signature_invalid"));
        // a good GET
        signed(tenantA, "GET", "/v1/auth/user", null, "", now + 6).when().get("/v1/auth/user").then()
                .statusCode(200).body("credential", equalTo("signed-request")).body("tenant", equalTo(tenantA.tenant()));
    }

    // --- Tenant isolation -------------------------------------------------------------------------------------

    @Test
    void anotherTenantCanReachNoneOfTheFirstTenantsRecords() throws Exception {
        String sig = signatures.issue(tenantA.tenant(), new byte[32]);
        String uuid = Scans.uploaded(tenantA.key(), sig, "not a video".getBytes());
        withKey(tenantA.key()).queryParam("timezone", "UTC").queryParam("patient-ref", "alice")
                .when().post("/v1/videos/process/" + uuid).then().statusCode(202);

        String unknown = "6c1d1b8e-0000-4000-8000-000000000000";
        assertSameAsUnknown(withKey(tenantB.key()).when().get("/v1/results/" + uuid).then().extract(),
                withKey(tenantB.key()).when().get("/v1/results/" + unknown).then().extract());
        assertSameAsUnknown(withKey(tenantB.key()).when().get("/v1/results/wait/" + uuid).then().extract(),
                withKey(tenantB.key()).when().get("/v1/results/wait/" + unknown).then().extract());
        assertSameAsUnknown(withKey(tenantB.key()).queryParam("timezone", "UTC").when()
                        .post("/v1/videos/process/" + uuid).then().extract(),
                withKey(tenantB.key()).queryParam("timezone", "UTC").when()
                        .post("/v1/videos/process/" + unknown).then().extract());
        // a signature is bound to its tenant
        withKey(tenantB.key()).contentType("application/json").body(Map.of("signature", signatures.issue(
                tenantA.tenant(), new byte[32]))).when().post("/v1/videos/upload-url").then().statusCode(403);
        // history and erasure see only the caller's own patients
        withKey(tenantB.key()).when().get("/v1/patients/alice/results").then().statusCode(200)
                .body("total", equalTo(0));
        withKey(tenantB.key()).when().delete("/v1/patients/alice/results").then().statusCode(200)
                .body("deleted", equalTo(0));
        withKey(tenantB.key()).queryParam("patient-ref", "alice").when().get("/v1/results/count").then()
                .statusCode(200).body("count", equalTo(0));
        withKey(tenantA.key()).when().get("/v1/patients/alice/results").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].uuid", equalTo(uuid));
        // reports of B hold nothing of A
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        withKey(tenantB.key()).queryParam("date_from", today).queryParam("date_to", today)
                .when().get("/v1/reports/records").then().statusCode(200).body("size()", equalTo(0));
    }

    private static void assertSameAsUnknown(ExtractableResponse<Response> other, ExtractableResponse<Response> unknown) {
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body().asString()).isEqualTo(unknown.body().asString());
    }
}
