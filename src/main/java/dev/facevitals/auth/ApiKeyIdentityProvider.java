package dev.facevitals.auth;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns an {@code x-api-key} into the identity of its tenant with the key's route groups, or refuses it. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<CredentialRequests.ApiKeyRequest> {

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<CredentialRequests.ApiKeyRequest> getRequestType() {
        return CredentialRequests.ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequests.ApiKeyRequest request,
                                              AuthenticationRequestContext context) {
        return keys.findActive(request.key).map(key -> {
            if (key == null) {
                throw CredentialException.refused(ErrorCode.INVALID_API_KEY);
            }
            return Caller.identity(key.tenantId, key.id.toString(), Roles.API_KEY, Roles.groupsOf(key.permissions));
        });
    }
}
