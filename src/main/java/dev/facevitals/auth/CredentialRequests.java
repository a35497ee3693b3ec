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

    /** {@code Authorization: Bearer <jwt from /v1/auth/token>} */
    static final class BearerRequest extends BaseAuthenticationRequest {
        final String token;

        BearerRequest(String token) {
            this.token = token;
        }
    }

    /** {@code X-Signature-Key}, {@code X-Signature-Timestamp}, {@code X-Signature} and what they sign. */
    static final class SignedRequest extends BaseAuthenticationRequest {
        final String keyId;
        final String timestamp;
        final String signature;
        final String canonical;

        SignedRequest(String keyId, String timestamp, String signature, String canonical) {
            this.keyId = keyId;
            this.timestamp = timestamp;
            this.signature = signature;
            this.canonical = canonical;
        }
    }

    /** {@code x-admin-key: <key>} */
    static final class AdminRequest extends BaseAuthenticationRequest {
        final String key;

        AdminRequest(String key) {
            this.key = key;
        }
    }
}
