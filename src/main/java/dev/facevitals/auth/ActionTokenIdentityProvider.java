package dev.facevitals.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a valid action token into an identity that only the action routes accept. */
@ApplicationScoped
public class ActionTokenIdentityProvider implements IdentityProvider<CredentialRequests.ActionTokenRequest> {

    private final ActionTokens tokens;

    public ActionTokenIdentityProvider(ActionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<CredentialRequests.ActionTokenRequest> getRequestType() {
        return CredentialRequests.ActionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequests.ActionTokenRequest request,
                                              AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> {
            ActionTokens.Verified token = tokens.verify(request.token);
            return Caller.identity(token.tenantId(), token.keyId(), Roles.ACTION_TOKEN, Roles.ACTION_GROUPS);
        });
    }
}
