package dev.facevitals.testing;

import static dev.facevitals.testing.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Scans created through the API with a given key, for tests of what surrounds the analysis. */
public final class Scans {

    private Scans() {
    }

    /** upload-url with {@code signature} and {@code key}; uploads {@code bytes} unless null. Returns the uuid. */
    public static String uploaded(String key, String signature, byte[] bytes) throws Exception {
        JsonPath up = withKey(key).contentType("application/json").body(Map.of("signature", signature))
                .when().post("/v1/videos/upload-url").then().statusCode(201).extract().jsonPath();
        if (bytes != null) {
            int status = PresignedPost.upload(up.getString("url"), up.getMap("form_data_fields"), bytes, "v.mp4")
                    .statusCode();
            assertThat(status).isEqualTo(204);
        }
        return up.getString("uuid");
    }
}
