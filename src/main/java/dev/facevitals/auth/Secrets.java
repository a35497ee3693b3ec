package dev.facevitals.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keys derived from the one configured token secret, one per purpose, so that a value signed for one
 * purpose (an action token) can never pass as another (a conditions signature).
 */
@ApplicationScoped
public class Secrets {

    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] actionTokenKey;
    private final byte[] conditionsKey;
    private final byte[] bearerTokenKey;
    private final byte[] signingSecretsKey;

    public Secrets(AuthConfig config) {
        String secret = config.tokenSecret();
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("facevitals.auth.token-secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.actionTokenKey = hmac(master, "facevitals/action-token/v1");
        this.conditionsKey = hmac(master, "facevitals/conditions-signature/v1");
        this.bearerTokenKey = hmac(master, "facevitals/bearer-token/v1");
        this.signingSecretsKey = hmac(master, "facevitals/signing-secrets/v1");
    }

    public byte[] actionTokenKey() {
        return actionTokenKey.clone();
    }

    public byte[] conditionsKey() {
        return conditionsKey.clone();
    }

    public byte[] bearerTokenKey() {
        return bearerTokenKey.clone();
    }

    /** AES-256 key that encrypts the stored secrets of signed requests. */
    public byte[] signingSecretsKey() {
        return signingSecretsKey.clone();
    }

    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
