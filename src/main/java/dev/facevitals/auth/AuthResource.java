package dev.facevitals.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Who am I, action tokens for front-ends, bearer tokens for Basic credentials. */
@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** @param expireIn lifetime in seconds (default 6 h, at most 12 h) @param meta free-form, not confidential */
    public record ActionTokenRequest(Integer expireIn, Map<String, Object> meta) {
    }

    public record ActionTokenResponse(String token, Instant expiresAt) {
    }

    public record BearerTokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {
    }

    /** @param allowedGroups the route groups this credential may call (docs/security.md) */
    public record UserResponse(String tenant, String credentialId, String credential, List<String> allowedGroups) {
    }

    private final ActionTokens tokens;
    private final BearerTokens bearerTokens;
    private final ApiKeyService keys;
    private final AuthConfig config;
    private final SecurityIdentity identity;

    public AuthResource(ActionTokens tokens, BearerTokens bearerTokens, ApiKeyService keys, AuthConfig config,
                        SecurityIdentity identity) {
        this.tokens = tokens;
        this.bearerTokens = bearerTokens;
        this.keys = keys;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Path("/action-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT)
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

    /**
     * {@code Authorization: Basic base64(key id:key)} -> a short-lived bearer token with that key's rights
     * (Biointellic style). The credentials are checked here, not by the authentication mechanism.
     */
    @POST
    @Path("/token")
    @PermitAll
    public Uni<Response> token(@HeaderParam("Authorization") String authorization) {
        String[] idAndKey = basic(authorization);
        return keys.findActive(idAndKey[1]).map(key -> {
            if (key == null || !key.id.toString().equalsIgnoreCase(idAndKey[0])) {
                return refused();
            }
            SignedJwt.Issued t = bearerTokens.issue(key);
            return Response.ok(new BearerTokenResponse(t.token(), "Bearer", bearerTokens.lifetime().toSeconds(),
                    t.expiresAt())).build();
        });
    }

    @GET
    @Path("/user")
    @RolesAllowed({Roles.API_KEY, Roles.ACTION_TOKEN, Roles.BEARER, Roles.SIGNED})
    public UserResponse user() {
        Caller caller = Caller.of(identity);
        List<String> groups = Roles.GROUPS.stream().filter(identity::hasRole).toList();
        return new UserResponse(caller.tenantId(), caller.credentialId(), caller.kind(), groups);
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(ErrorCode.MISSING_CREDENTIALS, "Send Authorization: Basic base64(key id:key).");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_BASIC_CREDENTIALS);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new ApiException(ErrorCode.INVALID_BASIC_CREDENTIALS);
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static Response refused() {
        throw new ApiException(ErrorCode.INVALID_BASIC_CREDENTIALS);
    }
}
