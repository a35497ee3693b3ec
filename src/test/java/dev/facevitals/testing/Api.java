package dev.facevitals.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the test tenant's clients make them. */
public final class Api {

    /** The bootstrap key of the test profile (application.properties, %test). */
    public static final String TEST_KEY = "test-key";

    private Api() {
    }

    public static RequestSpecification withKey() {
        return withKey(TEST_KEY);
    }

    public static RequestSpecification withKey(String key) {
        return given().header("x-api-key", key);
    }

    public static RequestSpecification withToken(String actionToken) {
        return given().header("Authorization", "Token " + actionToken);
    }
}
