package dev.facevitals.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the credential of a request: {@code x-api-key} for servers, {@code Authorization: Token ...} for
 * action tokens. A request without one stays anonymous; the route's roles then decide (401).
 */
@ApplicationScoped
public class ApiAuthMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = "x-api-key";
    private static final String TOKEN_SCHEME = "Token ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        String key = context.request().getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return identityProviders.authenticate(new CredentialRequests.ApiKeyRequest(key.trim()));
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, TOKEN_SCHEME, 0, TOKEN_SCHEME.length())) {
            String token = authorization.substring(TOKEN_SCHEME.length()).trim();
            return identityProviders.authenticate(new CredentialRequests.ActionTokenRequest(token));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CredentialRequests.ApiKeyRequest.class, CredentialRequests.ActionTokenRequest.class);
    }
}
