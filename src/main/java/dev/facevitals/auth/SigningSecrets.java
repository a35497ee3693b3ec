package dev.facevitals.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Secrets for signed requests. Verifying an HMAC needs the secret itself, so unlike API keys these are
 * stored reversibly: AES-256-GCM under a key derived from the token secret (12-byte random nonce, then
 * ciphertext and tag). A database dump alone does not reveal them.
 */
@ApplicationScoped
public class SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SigningSecrets(Secrets secrets) {
        this.key = new SecretKeySpec(secrets.signingSecretsKey(), "AES");
    }

    /** A fresh secret: 32 random bytes. */
    public static byte[] generate() {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        return s;
    }

    public static String display(byte[] secret) {
        return Base64.getEncoder().encodeToString(secret);
    }

    public byte[] seal(byte[] secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(secret);
            return ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public byte[] open(byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return c.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            // a changed token secret: the stored secrets can no longer be read
            throw new IllegalStateException("A signing secret could not be decrypted", e);
        }
    }
}
