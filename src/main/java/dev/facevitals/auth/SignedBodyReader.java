package dev.facevitals.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.facevitals.api.ErrorCode;
import dev.facevitals.api.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * A signed request's body is part of what it signs, so it must be read before the credential is checked.
 * This route handler, ahead of authentication, reads the body of requests that carry
 * {@code X-Signature-Key} (at most 1 MiB: signed requests are JSON calls, not uploads) and keeps it on the
 * routing context, where both the check and the REST layer find the same bytes.
 */
@ApplicationScoped
public class SignedBodyReader {

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (rc.request().getHeader(ApiAuthMechanism.SIGNATURE_KEY_HEADER) == null) {
            rc.next();
            return;
        }
        String length = rc.request().getHeader("Content-Length");
        long declared = length == null ? 0 : parse(length);
        if (declared > ApiAuthMechanism.MAX_SIGNED_BODY) {
            rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(Problem.of(ErrorCode.PAYLOAD_TOO_LARGE,
                            "A signed request's body may be at most 1 MiB.")));
            return;
        }
        rc.request().body().onSuccess(body -> {
            ((RoutingContextInternal) rc).setBody(body == null ? Buffer.buffer() : body);
            rc.next();
        }).onFailure(rc::fail);
        // Quarkus pauses requests until a handler asks for the body
        rc.request().resume();
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
