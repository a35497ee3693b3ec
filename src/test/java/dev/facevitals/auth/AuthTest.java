package dev.facevitals.auth;

import static dev.facevitals.testing.Api.withKey;
import static dev.facevitals.testing.Api.withToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.Reactive;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** API keys and action tokens through the real HTTP stack and database. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuthTest {

    @Inject
    ActionTokens tokens;

    @Inject
    ApiKeyService keys;

    @Test
    void noCredentialIs401WithProblemJson() {
        given().when().get("/v1/auth/user").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("missing_credentials"))
                .body("status", equalTo(401))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongKeyIs401() {
        withKey("fv_not-a-key").when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("invalid_api_key"));
    }

    @Test
    void bootstrapKeyIdentifiesItsTenant() {
        withKey().when().get("/v1/auth/user").then()
                .statusCode(200)
                .body("tenant", equalTo("default"))
                .body("credential", equalTo("api-key"));
    }

    @Test
    void issuedKeysAreStoredHashedAndWork() {
        ApiKeyService.IssuedKey issued = Reactive.await(() -> keys.issue("tenant-auth-test", "test", null));
        assertThat(issued.key()).startsWith("fv_").hasSize(46);
        withKey(issued.key()).when().get("/v1/auth/user").then()
                .statusCode(200).body("tenant", equalTo("tenant-auth-test"));
        ApiKey stored = Reactive.await(() -> keys.findActive(issued.key()));
        assertThat(stored.keyHash).isEqualTo(ApiKeys.hash(issued.key())).isNotEqualTo(issued.key().getBytes());
    }

    @Test
    void actionTokenWorksOnActionRoutesOnly() {
        String token = withKey().contentType("application/json").body(Map.of("expire_in", 600, "meta", Map.of("a", 1)))
                .when().post("/v1/auth/action-token").then()
                .statusCode(201)
                .body("expires_at", not(equalTo(null)))
                .extract().path("token");
        withToken(token).when().get("/v1/auth/user").then()
                .statusCode(200).body("credential", equalTo("action-token")).body("tenant", equalTo("default"));
        // an action route: passes authentication, then the scan is simply unknown
        withToken(token).when().get("/v1/results/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).body("code", equalTo("scan_not_found"));
        // not an action route
        withToken(token).contentType("application/json").body("{}").when().post("/v1/auth/action-token").then()
                .statusCode(403).body("code", equalTo("route_not_allowed"));
        withToken(token).when().get("/v1/results/count").then()
                .statusCode(403).body("code", equalTo("route_not_allowed"));
    }

    @Test
    void actionTokenLifetimeIsBounded() {
        withKey().contentType("application/json").body(Map.of("expire_in", 43201))
                .when().post("/v1/auth/action-token").then()
                .statusCode(400).body("code", equalTo("invalid_parameter"));
        withKey().contentType("application/json").body(Map.of("expire_in", 0))
                .when().post("/v1/auth/action-token").then()
                .statusCode(400);
        Instant before = Instant.now();
        String expires = withKey().contentType("application/json").body("{}")
                .when().post("/v1/auth/action-token").then().statusCode(201).extract().path("expires_at");
        assertThat(Duration.between(before, Instant.parse(expires)).toMinutes()).isBetween(359L, 360L);
    }

    @Test
    void expiredAndTamperedTokensAreRefused() {
        String expired = tokens.issue("default", "k", Duration.ofSeconds(-60), null).token();
        withToken(expired).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_expired"));

        String good = tokens.issue("default", "k", Duration.ofMinutes(5), null).token();
        String[] parts = good.split("\\.");
        String otherTenant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"default\"", "\"other\"")
                        .getBytes());
        withToken(parts[0] + "." + otherTenant + "." + parts[2]).when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_invalid"));
        withToken("not.a.jwt").when().get("/v1/auth/user").then()
                .statusCode(401).body("code", equalTo("token_invalid"));
    }

    @Test
    void malformedJsonIs400() {
        withKey().contentType("application/json").body("{\"expire_in\": ").when().post("/v1/auth/action-token")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed_request"));
        withKey().contentType("application/json").body("{\"expire_in\": \"soon\"}").when().post("/v1/auth/action-token")
                .then().statusCode(400).body("code", equalTo("malformed_request"));
    }
}
