package dev.facevitals.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The credentials a request can carry, as Quarkus Security authentication requests. */
final class CredentialRequests {

    private CredentialRequests() {
    }

    /** {@code x-api-key: <key>} */
    static final class ApiKeyRequest extends BaseAuthenticationRequest {
        final String key;

        ApiKeyRequest(String key) {
            this.key = key;
        }
    }

    /** {@code Authorization: Token <action token>} */
    static final class ActionTokenRequest extends BaseAuthenticationRequest {
        final String token;

        ActionTokenRequest(String token) {
            this.token = token;
        }
    }
}
