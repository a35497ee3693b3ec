package dev.facevitals.api;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A credential that was presented but refused. Quarkus Security wants an
 * {@link AuthenticationFailedException} (a final class), so the reason travels as an attribute that
 * {@link ProblemMapper} turns back into a stable code.
 */
public final class CredentialException {

    static final String CODE_ATTRIBUTE = "facevitals.error-code";

    private CredentialException() {
    }

    public static AuthenticationFailedException refused(ErrorCode code) {
        return new AuthenticationFailedException(code.title(), Map.of(CODE_ATTRIBUTE, code));
    }

    static ErrorCode codeOf(AuthenticationFailedException e) {
        Object code = e.getAttributes() == null ? null : e.getAttributes().get(CODE_ATTRIBUTE);
        return code instanceof ErrorCode c ? c : ErrorCode.MISSING_CREDENTIALS;
    }
}
