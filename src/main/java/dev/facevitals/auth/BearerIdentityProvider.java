package dev.facevitals.auth;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A bearer token is as good as the key it was exchanged for, while that key stays active. */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<CredentialRequests.BearerRequest> {

    private final BearerTokens tokens;
    private final ApiKeyService keys;

    public BearerIdentityProvider(BearerTokens tokens, ApiKeyService keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    @Override
    public Class<CredentialRequests.BearerRequest> getRequestType() {
        return CredentialRequests.BearerRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequests.BearerRequest request,
                                              AuthenticationRequestContext context) {
        SignedJwt.Verified token;
        try {
            token = tokens.verify(request.token);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return keys.findActiveById(parse(token.keyId())).map(key -> {
            if (key == null || !key.tenantId.equals(token.tenantId())) {
                throw CredentialException.refused(ErrorCode.TOKEN_INVALID);
            }
            return Caller.identity(key.tenantId, key.id.toString(), Roles.BEARER, Roles.groupsOf(key.permissions));
        });
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
