package dev.facevitals.api;

import java.util.UUID;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become HTTP responses: always {@code application/problem+json} with a
 * stable code, never a stack trace. Unexpected failures are logged with an id that the client also gets.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    public static Response response(ErrorCode code, String detail) {
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail))
                .build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return response(e.code(), e.detail());
    }

    @ServerExceptionMapper
    public Response authentication(AuthenticationFailedException e) {
        return response(CredentialException.codeOf(e), null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return response(ErrorCode.MISSING_CREDENTIALS, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ErrorCode.ROUTE_NOT_ALLOWED, null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return response(ErrorCode.MALFORMED_REQUEST, "The JSON body could not be read" + where + ".");
    }

    /** Wrong JSON types (a string where a number belongs): more specific than Quarkus's own mapper for it. */
    @ServerExceptionMapper
    public Response jsonMismatch(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String field = e.getPath() == null || e.getPath().isEmpty() ? null
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return response(ErrorCode.MALFORMED_REQUEST, field == null ? "The JSON body could not be read."
                : "The JSON field '" + field + "' has the wrong type.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return response(ErrorCode.NOT_FOUND, null);
        }
        if (e instanceof NotAllowedException) {
            return response(ErrorCode.METHOD_NOT_ALLOWED, null);
        }
        if (e instanceof NotSupportedException) {
            return response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
        }
        if (e instanceof NotAcceptableException) {
            return response(ErrorCode.NOT_ACCEPTABLE, null);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 413) {
            return response(ErrorCode.PAYLOAD_TOO_LARGE, null);
        }
        if (status >= 400 && status < 500) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
            return response(ErrorCode.MALFORMED_REQUEST, null);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (e instanceof io.vertx.core.http.HttpClosedException) {
            // the client went away mid-request: nothing to answer, nothing to alarm anyone about
            LOG.debugf("Client closed the connection: %s", e.getMessage());
            return response(ErrorCode.SERVICE_UNAVAILABLE, "The connection was closed.");
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", id);
        return response(ErrorCode.INTERNAL_ERROR, "Unexpected error (reference " + id + ").");
    }
}
