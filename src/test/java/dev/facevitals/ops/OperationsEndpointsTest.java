package dev.facevitals.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import dev.facevitals.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators and client developers read off a running instance. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessCoversDatabaseKafkaAndStore() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-store", "Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void openApiDescribesThePublicRoutes() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/videos/process/{uuid}"))
                .body(containsString("/v1/results/wait/{uuid}"))
                .body(containsString("/v1/videos/check-conditions"));
    }

    @Test
    void metricsIncludeTheServicesOwnSeries() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("facevitals_results_waiting"))
                .body(containsString("facevitals_scans_processing"));
    }
}
