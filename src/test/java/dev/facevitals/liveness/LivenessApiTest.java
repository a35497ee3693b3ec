package dev.facevitals.liveness;

import static dev.facevitals.testing.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.facevitals.testing.FacePhotos;
import dev.facevitals.testing.LocalStackResource;
import dev.facevitals.vision.SpoofSimulator;
import dev.facevitals.vision.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Liveness routes through the real stack, and their rows in the BI report. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class LivenessApiTest {

    static byte[] genuine;
    static byte[] screen;
    static byte[] print;

    @BeforeAll
    static void images() {
        genuine = FacePhotos.jpeg(FacePhotos.personA());
        screen = FacePhotos.jpeg(SpoofSimulator.screen(FacePhotos.personA(), new Random(1)));
        print = FacePhotos.jpeg(SpoofSimulator.print(FacePhotos.personA(), new Random(2)));
    }

    static String[] tenant() {
        String tenant = "l-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("x-admin-key", "test-admin-key").contentType("application/json").body(Map.of("id", tenant))
                .when().post("/v1/admin/tenants").then().statusCode(201);
        String key = given().header("x-admin-key", "test-admin-key").contentType("application/json").body("{}")
                .when().post("/v1/admin/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("key");
        return new String[] {tenant, key};
    }

    static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status).contentType(containsString("application/problem+json")).body("code", equalTo(code));
    }

    @Test
    void aGenuineFaceScoresAboveItsScreenAndPrintRecaptures() {
        String key = tenant()[1];
        ValidatableResponse live = withKey(key).multiPart("image", "a.jpg", genuine, "image/jpeg")
                .when().post("/v1/liveness/check").then().statusCode(200)
                .body("error_code", nullValue()).body("quality", notNullValue()).body("score", notNullValue());
        float p = live.extract().path("probability");
        boolean pass = live.extract().path("pass");
        assertThat(pass).isEqualTo(p >= 0.5f);
        for (byte[] attack : List.of(screen, print)) {
            float q = withKey(key).multiPart("image", "x.jpg", attack, "image/jpeg")
                    .when().post("/v1/liveness/check").then().statusCode(200).extract().path("probability");
            assertThat(q).isLessThan(p);
        }
        // a series: one accumulated answer between its members; two images are too few to tell a blink
        float both = withKey(key).multiPart("image", "a.jpg", genuine, "image/jpeg")
                .multiPart("image", "b.jpg", screen, "image/jpeg")
                .when().post("/v1/liveness/check").then().statusCode(200).body("blink_detected", nullValue())
                .extract().path("probability");
        assertThat(both).isLessThan(p);
        // the same still picture three times: eyes never close
        withKey(key).multiPart("image", "1.jpg", genuine, "image/jpeg").multiPart("image", "2.jpg", genuine, "image/jpeg")
                .multiPart("image", "3.jpg", genuine, "image/jpeg")
                .when().post("/v1/liveness/check").then().statusCode(200).body("blink_detected", equalTo(false));
    }

    @Test
    void imageRequirementsAreAnsweredWithTheirErrorCodes() {
        String key = tenant()[1];
        withKey(key).multiPart("image", "blank.jpg", FacePhotos.jpeg(TestImages.solid(400, 400, 100, 120, 140)), "image/jpeg")
                .when().post("/v1/liveness/check").then().statusCode(200)
                .body("error_code", equalTo("FACE_NOT_FOUND")).body("probability", nullValue());
        withKey(key).multiPart("image", "group.jpg", FacePhotos.jpeg(FacePhotos.photo(1)), "image/jpeg")
                .when().post("/v1/liveness/check").then().statusCode(200).body("error_code", equalTo("TOO_MANY_FACES"));
        byte[] far = FacePhotos.jpeg(TestImages.scale(FacePhotos.personA(), 0.35));
        withKey(key).multiPart("image", "far.jpg", far, "image/jpeg")
                .when().post("/v1/liveness/check").then().log().ifValidationFails().statusCode(200).body("error_code", equalTo("FACE_TOO_SMALL"))
                .body("error", equalTo("Interpupillary distance is too small"));
        byte[] rolled = FacePhotos.jpeg(TestImages.rotate(FacePhotos.personA(), 50, 232, 236));
        withKey(key).multiPart("image", "rolled.jpg", rolled, "image/jpeg")
                .when().post("/v1/liveness/check").then().log().ifValidationFails().statusCode(200).body("error_code", equalTo("FACE_ANGLE_TOO_LARGE"));
    }

    @Test
    void batchAnswersPerFileEvenWhenOneIsBroken() {
        String key = tenant()[1];
        List<Map<String, Object>> out = withKey(key)
                .multiPart("image", "genuine.jpg", genuine, "image/jpeg")
                .multiPart("image", "screen.jpg", screen, "image/jpeg")
                .multiPart("image", "broken.jpg", Arrays.copyOf(genuine, 500), "image/jpeg")
                .when().post("/v1/liveness/check-batch").then().statusCode(200).body("$", hasSize(3))
                .extract().path("$");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        out.forEach(m -> byName.put((String) m.get("file_name"), m));
        assertThat(byName).containsKeys("genuine.jpg", "screen.jpg", "broken.jpg");
        assertThat(byName.get("broken.jpg")).containsEntry("error_code", "IMAGE_INVALID").doesNotContainKey("probability");
        assertThat(((Number) byName.get("genuine.jpg").get("probability")).doubleValue())
                .isGreaterThan(((Number) byName.get("screen.jpg").get("probability")).doubleValue());
    }

    @Test
    void imageCheckRunsSeveralPipelinesAndCalibrationsAndTheReportCountsThem() {
        String[] t = tenant();
        String data = "{\"domain\":\"GENERAL\",\"pipelines\":[{\"pipeline\":\"liveness\",\"calibration\":\"REGULAR\"},"
                + "{\"pipeline\":\"liveness\",\"calibration\":\"HARDENED\"},{\"pipeline\":\"liveness-model\"},"
                + "{\"pipeline\":\"liveness-texture\",\"calibration\":\"HARDENED\"}]}";
        ValidatableResponse r = withKey(t[1]).multiPart("image", "a.jpg", genuine, "image/jpeg").multiPart("data", data)
                .when().post("/v1/images/check").then().statusCode(200).body("results", hasSize(4))
                .body("server_version", notNullValue())
                .body("results.pipeline", equalTo(List.of("liveness", "liveness", "liveness-model", "liveness-texture")))
                .body("results.calibration", equalTo(List.of("REGULAR", "HARDENED", "REGULAR", "HARDENED")));
        float regular = r.extract().path("results[0].probability");
        float hardened = r.extract().path("results[1].probability");
        float rawRegular = r.extract().path("results[0].score");
        float rawHardened = r.extract().path("results[1].score");
        assertThat(hardened).isLessThan(regular);
        assertThat(rawHardened).isEqualTo(rawRegular); // same measurement, stricter reading
        problem(withKey(t[1]).multiPart("image", "a.jpg", genuine, "image/jpeg")
                .multiPart("data", "{\"pipelines\":[{\"pipeline\":\"dfd-1\"}]}")
                .when().post("/v1/images/check").then(), 400, "unsupported_pipeline");
        problem(withKey(t[1]).multiPart("image", "a.jpg", genuine, "image/jpeg").multiPart("data", "{not json")
                .when().post("/v1/images/check").then(), 400, "malformed_request");
        problem(withKey(t[1]).multiPart("image", "a.jpg", genuine, "image/jpeg")
                .when().post("/v1/liveness/check?calibration=SOFT").then(), 400, "invalid_parameter");
        problem(withKey(t[1]).multiPart("image", "a.txt", "text".getBytes(), "text/plain")
                .when().post("/v1/liveness/check").then(), 415, "unsupported_media_type");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> pipelines = withKey(t[1]).queryParam("date_from", today).queryParam("date_to", today)
                .when().get("/v1/reports/bi").then().statusCode(200).extract().path("pipelines");
        Map<String, Object> liveness = pipelines.stream().filter(p -> "liveness".equals(p.get("pipeline")))
                .findFirst().orElseThrow();
        assertThat(((Number) liveness.get("total")).intValue()).isEqualTo(2);
        assertThat(pipelines).extracting(p -> p.get("pipeline")).contains("liveness-model", "liveness-texture");
    }

    @Test
    void versionListsTheLivenessPipelinesAndFaceModels() {
        given().when().get("/v1/version").then().statusCode(200)
                .body("pipelines.name", org.hamcrest.Matchers.hasItems("liveness", "liveness-texture", "liveness-model"))
                .body("models.name", org.hamcrest.Matchers.hasItems("face-embedding", "face-liveness"));
    }

    @Test
    void livenessRoutesNeedTheLivenessGroup() {
        String t = tenant()[0];
        String facesOnly = given().header("x-admin-key", "test-admin-key").contentType("application/json")
                .body(Map.of("permissions", List.of("faces"))).when().post("/v1/admin/tenants/" + t + "/keys")
                .then().statusCode(201).extract().path("key");
        withKey(facesOnly).multiPart("image", "a.jpg", genuine, "image/jpeg").when().post("/v1/liveness/check")
                .then().statusCode(403);
        given().multiPart("image", "a.jpg", genuine, "image/jpeg").when().post("/v1/images/check").then().statusCode(401);
    }
}
