package dev.facevitals.auth;

import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The operator's admin key: compared by SHA-256 digest in constant time. Without a configured key the
 * admin API does not exist (404), so a default can never open it.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<CredentialRequests.AdminRequest> {

    private final byte[] expected;

    public AdminIdentityProvider(AuthConfig config) {
        this.expected = config.adminKey().filter(k -> !k.isBlank()).map(ApiKeys::hash).orElse(null);
    }

    @Override
    public Class<CredentialRequests.AdminRequest> getRequestType() {
        return CredentialRequests.AdminRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequests.AdminRequest request,
                                              AuthenticationRequestContext context) {
        if (expected == null) {
            return Uni.createFrom().failure(CredentialException.refused(ErrorCode.NOT_FOUND));
        }
        if (!MessageDigest.isEqual(expected, ApiKeys.hash(request.key))) {
            return Uni.createFrom().failure(CredentialException.refused(ErrorCode.INVALID_ADMIN_KEY));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("admin"))
                .addRole(Roles.ADMIN)
                .build());
    }
}
