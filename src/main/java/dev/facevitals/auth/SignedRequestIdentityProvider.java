package dev.facevitals.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Signed requests: the timestamp must be within the window, the HMAC-SHA256 of the canonical request under
 * the key's signing secret must match (constant-time), and the signature must not have been accepted
 * before (its digest is kept until the window has passed).
 */
@ApplicationScoped
public class SignedRequestIdentityProvider implements IdentityProvider<CredentialRequests.SignedRequest> {

    private final ApiKeyService keys;
    private final SigningSecrets secrets;
    private final AuthConfig config;

    public SignedRequestIdentityProvider(ApiKeyService keys, SigningSecrets secrets, AuthConfig config) {
        this.keys = keys;
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public Class<CredentialRequests.SignedRequest> getRequestType() {
        return CredentialRequests.SignedRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CredentialRequests.SignedRequest request,
                                              AuthenticationRequestContext context) {
        long ts;
        try {
            ts = Long.parseLong(request.timestamp);
        } catch (NumberFormatException e) {
            return refused(ErrorCode.REQUEST_SIGNATURE_EXPIRED);
        }
        long window = config.signatureWindow().toSeconds();
        if (Math.abs(Instant.now().getEpochSecond() - ts) > window) {
            return refused(ErrorCode.REQUEST_SIGNATURE_EXPIRED);
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(request.signature);
        } catch (IllegalArgumentException e) {
            return refused(ErrorCode.REQUEST_SIGNATURE_INVALID);
        }
        return keys.findActiveById(BearerIdentityProvider.parse(request.keyId)).chain(key -> {
            if (key == null || key.signingSecret == null) {
                return refused(ErrorCode.REQUEST_SIGNATURE_INVALID);
            }
            byte[] secret;
            try {
                secret = secrets.open(key.signingSecret);
            } catch (IllegalStateException e) {
                // sealed under an earlier token secret: this key's signing secret must be re-issued (rotate)
                return refused(ErrorCode.REQUEST_SIGNATURE_INVALID);
            }
            byte[] expected = Secrets.hmac(secret, request.canonical.getBytes(StandardCharsets.UTF_8));
            if (!MessageDigest.isEqual(expected, given)) {
                return refused(ErrorCode.REQUEST_SIGNATURE_INVALID);
            }
            byte[] digest = ApiKeys.hash(request.keyId + "\n" + request.signature);
            return keys.recordSignature(digest, Instant.ofEpochSecond(ts + window + 1)).map(first -> {
                if (!first) {
                    throw CredentialException.refused(ErrorCode.REQUEST_SIGNATURE_REPLAYED);
                }
                return Caller.identity(key.tenantId, key.id.toString(), Roles.SIGNED,
                        Roles.groupsOf(key.permissions));
            });
        });
    }

    private static Uni<SecurityIdentity> refused(ErrorCode code) {
        return Uni.createFrom().failure(CredentialException.refused(code));
    }
}
