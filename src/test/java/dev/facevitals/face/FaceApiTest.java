package dev.facevitals.face;

import static dev.facevitals.testing.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.facevitals.storage.ObjectStore;
import dev.facevitals.testing.FacePhotos;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.testing.Reactive;
import dev.facevitals.vision.TestImages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Face detection, comparison, enrollment and identification through the real database and object store. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class FaceApiTest {

    static final String ADMIN = "test-admin-key";

    static byte[] a;
    static byte[] aWide;
    static byte[] b;
    static byte[] group;

    @BeforeAll
    static void images() {
        a = FacePhotos.jpeg(FacePhotos.personA());
        aWide = FacePhotos.png(FacePhotos.personAWide());
        b = FacePhotos.jpeg(FacePhotos.personB());
        group = FacePhotos.jpeg(FacePhotos.photo(1));
    }

    /** A fresh tenant and its key. */
    static String[] tenant() {
        String tenant = "f-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("x-admin-key", ADMIN).contentType("application/json").body(Map.of("id", tenant))
                .when().post("/v1/admin/tenants").then().statusCode(201);
        String key = given().header("x-admin-key", ADMIN).contentType("application/json").body("{}")
                .when().post("/v1/admin/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("key");
        return new String[] {tenant, key};
    }

    static RequestSpecification image(RequestSpecification r, String field, byte[] bytes, String type) {
        return r.multiPart(field, field + (type.endsWith("png") ? ".png" : ".jpg"), bytes, type);
    }

    static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status).contentType(containsString("application/problem+json")).body("code", equalTo(code));
    }

    @Test
    void detectFindsEveryFaceWithLandmarksMetricsAndThresholds() {
        ValidatableResponse r = image(withKey(), "image_file", group, "image/jpeg")
                .multiPart("client_declaration_enduser_consent", "true")
                .when().post("/v1/faces/detect").then().statusCode(200)
                .body("total_faces", equalTo(3)).body("faces", hasSize(3))
                .body("faces[0].bounding_box", hasSize(6))
                .body("faces[0].landmarks.right_eye", hasSize(2))
                .body("default_thresholds.liveness", equalTo(0.5f));
        List<List<Float>> boxes = r.extract().path("faces.bounding_box");
        // largest first: width at index 4
        assertThat(boxes.get(0).get(4)).isGreaterThanOrEqualTo(boxes.get(1).get(4));
        assertThat(boxes.get(0).get(2) - boxes.get(0).get(0)).isCloseTo(boxes.get(0).get(4),
                org.assertj.core.api.Assertions.within(0.2f));
        Map<String, Float> m = r.extract().path("faces[0].face_metrics");
        assertThat(m).containsKeys("underexposure", "overexposure", "sharpness", "color", "rotation");
        assertThat(m.get("sharpness")).isBetween(0f, 1f);
        Float imageSharp = r.extract().path("image_metrics.sharpness");
        assertThat(imageSharp).isBetween(0f, 1f);
        Float took = r.extract().path("time_taken");
        assertThat(took).isPositive();
        // a background crop: no face, and that is a 200 with zero faces, not an error
        image(withKey(), "image_file", FacePhotos.jpeg(TestImages.crop(FacePhotos.photo(1), 0, 0, 300, 200)), "image/jpeg")
                .when().post("/v1/faces/detect").then().statusCode(200).body("total_faces", equalTo(0));
    }

    @Test
    void compareMatchesTheSamePersonAndNotAnother() {
        float same = image(image(withKey(), "image_file1", a, "image/jpeg"), "image_file2", aWide, "image/png")
                .when().post("/v1/faces/compare").then().statusCode(200)
                .body("match", equalTo(true)).body("default_thresholds.similarity", equalTo(0.4f))
                .extract().path("similarity");
        float other = image(image(withKey(), "image_file1", a, "image/jpeg"), "image_file2", b, "image/jpeg")
                .when().post("/v1/faces/compare").then().statusCode(200)
                .body("match", equalTo(false)).extract().path("similarity");
        assertThat(same).isGreaterThan(0.7f);
        assertThat(other).isLessThan(0.3f);
        // a missing second image and a faceless one
        problem(image(withKey(), "image_file1", a, "image/jpeg").when().post("/v1/faces/compare").then(),
                400, "image_missing");
        problem(image(image(withKey(), "image_file1", a, "image/jpeg"), "image_file2",
                FacePhotos.jpeg(TestImages.solid(400, 400, 90, 120, 150)), "image/jpeg")
                .when().post("/v1/faces/compare").then(), 422, "face_not_found");
    }

    @Test
    void enrollIdentifyUpdateListDeleteWithinOneTenant() {
        String[] t = tenant();
        String tokenA = image(withKey(t[1]), "image_file", a, "image/jpeg")
                .multiPart("client_declaration_enduser_consent", "true")
                .when().post("/v1/enrollments").then().statusCode(201).extract().path("user_token");
        String tokenB = image(withKey(t[1]), "image_file", b, "image/jpeg")
                .when().post("/v1/enrollments").then().statusCode(201).extract().path("user_token");
        withKey(t[1]).when().get("/v1/enrollments").then().statusCode(200).body("total_users", equalTo(2))
                .body("user_tokens", hasSize(2));

        // 1:N: the other picture of A finds A first
        image(withKey(t[1]), "image_file", aWide, "image/png").multiPart("top", "2")
                .when().post("/v1/faces/identify").then().statusCode(200)
                .body("matches", hasSize(2)).body("matches[0].user_token", equalTo(tokenA))
                .body("matches[0].match", equalTo(true)).body("matches[1].user_token", equalTo(tokenB))
                .body("matches[1].match", equalTo(false));
        // 1:1 against the enrollment
        image(withKey(t[1]), "image_file", aWide, "image/png").multiPart("user_token", tokenA)
                .when().post("/v1/faces/compare").then().statusCode(200).body("match", equalTo(true));

        // A's enrollment now holds B's face
        image(withKey(t[1]), "image_file", b, "image/jpeg").when().put("/v1/enrollments/" + tokenA)
                .then().statusCode(200).body("user_token", equalTo(tokenA));
        image(withKey(t[1]), "image_file", aWide, "image/png").multiPart("user_token", tokenA)
                .when().post("/v1/faces/compare").then().statusCode(200).body("match", equalTo(false));

        withKey(t[1]).when().delete("/v1/enrollments/" + tokenB).then().statusCode(200);
        withKey(t[1]).when().get("/v1/enrollments").then().body("user_tokens", equalTo(List.of(tokenA)));
        image(withKey(t[1]), "image_file", b, "image/jpeg")
                .when().post("/v1/faces/identify").then().statusCode(200)
                .body("matches", hasSize(1)).body("matches[0].user_token", equalTo(tokenA));

        // consent as declared was recorded with the operation; nothing kept in the store (images are off)
        Long consented = Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select count(*) from face_operations where tenant_id = ?1 and operation = 'enroll' and consent",
                Long.class).setParameter(1, t[0]).getSingleResult())));
        assertThat(consented).isEqualTo(1L);
        Long images = Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select count(*) from enrollments where tenant_id = ?1 and image_key is not null", Long.class)
                .setParameter(1, t[0]).getSingleResult())));
        assertThat(images).isZero();
    }

    @Inject
    ObjectStore store;

    @Test
    void enrollmentImagesAreKeptOnlyWhenTheTenantTurnsThemOn() {
        String[] t = tenant();
        given().header("x-admin-key", ADMIN).contentType("application/json").body(Map.of("enabled", true))
                .when().put("/v1/admin/tenants/" + t[0] + "/enrollment-images").then().statusCode(200)
                .body("enabled", equalTo(true));
        String token = image(withKey(t[1]), "image_file", a, "image/jpeg")
                .when().post("/v1/enrollments").then().statusCode(201).extract().path("user_token");
        String key = "enrollments/" + t[0] + "/" + token;
        assertThat(Reactive.await(() -> store.stat(key))).get().extracting(ObjectStore.ObjectInfo::size)
                .isEqualTo((long) a.length);
        withKey(t[1]).when().delete("/v1/enrollments/" + token).then().statusCode(200);
        assertThat(Reactive.await(() -> store.stat(key))).isEmpty();
    }

    @Test
    void anotherTenantsEnrollmentIsNotFound() {
        String[] owner = tenant();
        String[] other = tenant();
        String token = image(withKey(owner[1]), "image_file", a, "image/jpeg")
                .when().post("/v1/enrollments").then().statusCode(201).extract().path("user_token");
        problem(image(withKey(other[1]), "image_file", a, "image/jpeg").multiPart("user_token", token)
                .when().post("/v1/faces/compare").then(), 404, "enrollment_not_found");
        problem(withKey(other[1]).when().delete("/v1/enrollments/" + token).then(), 404, "enrollment_not_found");
        problem(image(withKey(other[1]), "image_file", a, "image/jpeg").when().put("/v1/enrollments/" + token).then(),
                404, "enrollment_not_found");
        withKey(other[1]).when().get("/v1/enrollments").then().body("total_users", equalTo(0));
        image(withKey(other[1]), "image_file", a, "image/jpeg").when().post("/v1/faces/identify").then()
                .statusCode(200).body("matches", hasSize(0));
        problem(withKey(owner[1]).when().delete("/v1/enrollments/not-a-token").then(), 404, "enrollment_not_found");
        // still there for its owner
        withKey(owner[1]).when().get("/v1/enrollments").then().body("user_tokens", equalTo(List.of(token)));
    }

    @Test
    void enrollmentRefusesDarkBrightAndFacelessImages() {
        String[] t = tenant();
        problem(image(withKey(t[1]), "image_file", FacePhotos.jpeg(TestImages.gain(FacePhotos.personA(), 0.12, 0.12)),
                "image/jpeg").when().post("/v1/enrollments").then(), 422, "image_underexposed");
        problem(image(withKey(t[1]), "image_file", FacePhotos.jpeg(TestImages.gain(FacePhotos.personA(), 2.2, 2.2)),
                "image/jpeg").when().post("/v1/enrollments").then(), 422, "image_overexposed");
        problem(image(withKey(t[1]), "image_file", FacePhotos.jpeg(TestImages.solid(300, 300, 200, 180, 160)),
                "image/jpeg").when().post("/v1/enrollments").then(), 422, "face_not_found");
        withKey(t[1]).when().get("/v1/enrollments").then().body("total_users", equalTo(0));
    }

    @Test
    void badImagesGetTheirErrorCodes() {
        byte[] truncated = Arrays.copyOf(a, 600);
        problem(image(withKey(), "image_file", truncated, "image/jpeg").when().post("/v1/faces/detect").then(),
                422, "image_invalid");
        problem(image(withKey(), "image_file", FacePhotos.pngHeader(100_000, 100_000), "image/png")
                .when().post("/v1/faces/detect").then(), 413, "image_too_large");
        problem(image(withKey(), "image_file", new byte[0], "image/jpeg").when().post("/v1/faces/detect").then(),
                400, "image_empty");
        problem(withKey().multiPart("image_file", "notes.txt", "hello, not a picture".getBytes(), "text/plain")
                .when().post("/v1/faces/detect").then(), 415, "unsupported_media_type");
        problem(image(withKey(), "image_file", "hello, not a picture".getBytes(), "image/jpeg")
                .when().post("/v1/faces/detect").then(), 422, "image_invalid");
        problem(image(withKey(), "image_file", FacePhotos.jpeg(TestImages.solid(100, 120, 128, 128, 128)), "image/jpeg")
                .when().post("/v1/faces/detect").then(), 422, "image_too_small");
        problem(withKey().multiPart("other", "x").when().post("/v1/faces/detect").then(), 400, "image_missing");
        problem(image(withKey(), "image_file", a, "image/jpeg").multiPart("client_declaration_enduser_consent", "maybe")
                .when().post("/v1/faces/detect").then(), 400, "invalid_parameter");
        // many faces: enrollment takes the largest, like compare
        image(withKey(tenant()[1]), "image_file", group, "image/jpeg").when().post("/v1/enrollments").then().log().ifValidationFails().statusCode(201);
    }

    @Test
    void faceRoutesNeedCredentialsAndTheFacesGroup() {
        given().multiPart("image_file", "a.jpg", a, "image/jpeg").when().post("/v1/faces/detect").then().statusCode(401);
        String t = tenant()[0];
        String scansOnly = given().header("x-admin-key", ADMIN).contentType("application/json")
                .body(Map.of("permissions", List.of("scans"))).when().post("/v1/admin/tenants/" + t + "/keys")
                .then().statusCode(201).extract().path("key");
        image(withKey(scansOnly), "image_file", a, "image/jpeg").when().post("/v1/faces/detect").then().statusCode(403);
        withKey(scansOnly).when().get("/v1/enrollments").then().statusCode(403);
    }
}
