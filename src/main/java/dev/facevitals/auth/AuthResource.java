package dev.facevitals.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;

/** Who am I, and action tokens for front-ends. */
@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Routes an action token may call. */
    static final List<String> ACTION_ROUTES = List.of(
            "POST /v1/videos/check-conditions",
            "POST /v1/videos/upload-url",
            "POST /v1/videos/process/{uuid}",
            "GET /v1/results/{uuid}",
            "GET /v1/results/wait/{uuid}");

    /** @param expireIn lifetime in seconds (default 6 h, at most 12 h) @param meta free-form, not confidential */
    public record ActionTokenRequest(Integer expireIn, Map<String, Object> meta) {
    }

    public record ActionTokenResponse(String token, Instant expiresAt) {
    }

    public record UserResponse(String tenant, String credentialId, String credential, List<String> allowedRoutes) {
    }

    private final ActionTokens tokens;
    private final AuthConfig config;
    private final SecurityIdentity identity;

    public AuthResource(ActionTokens tokens, AuthConfig config, SecurityIdentity identity) {
        this.tokens = tokens;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/action-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.API_KEY)
    public Response actionToken(ActionTokenRequest request) {
        Caller caller = Caller.of(identity);
        Duration lifetime = config.actionTokenDefaultLifetime();
        if (request != null && request.expireIn() != null) {
            long max = config.actionTokenMaxLifetime().toSeconds();
            if (request.expireIn() < 1 || request.expireIn() > max) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "expire_in must be between 1 and " + max + " seconds.");
            }
            lifetime = Duration.ofSeconds(request.expireIn());
        }
        ActionTokens.Issued issued = tokens.issue(caller.tenantId(), caller.credentialId(), lifetime,
                request == null ? null : request.meta());
        return Response.status(201).entity(new ActionTokenResponse(issued.token(), issued.expiresAt())).build();
    }

    @GET
    @Path("/user")
    @RolesAllowed({Roles.API_KEY, Roles.ACTION_TOKEN})
    public UserResponse user() {
        Caller caller = Caller.of(identity);
        List<String> routes = Roles.API_KEY.equals(caller.kind()) ? List.of("*") : ACTION_ROUTES;
        return new UserResponse(caller.tenantId(), caller.credentialId(), caller.kind(), routes);
    }
}
