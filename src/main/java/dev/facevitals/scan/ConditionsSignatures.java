package dev.facevitals.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Secrets;

/**
 * The signature check-conditions hands out when the conditions are met: an HMAC over the tenant, the time
 * and the digest of the checked image, plus a nonce so the upload-url call can use it only once. It proves
 * that this tenant checked an acceptable snapshot shortly before asking to upload.
 *
 * <p>Form: {@code v1.<tenant b64>.<issued epoch s>.<image sha256 b64>.<nonce>.<hmac b64>}, base64url.
 */
@ApplicationScoped
public class ConditionsSignatures {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signature that verified: its nonce is what makes it single-use. */
    public record Verified(String tenantId, Instant issuedAt, String nonce) {
    }

    private final byte[] key;
    private final UploadConfig config;
    private final Clock clock;

    @Inject
    public ConditionsSignatures(Secrets secrets, UploadConfig config) {
        this(secrets.conditionsKey(), config, Clock.systemUTC());
    }

    ConditionsSignatures(byte[] key, UploadConfig config, Clock clock) {
        this.key = key.clone();
        this.config = config;
        this.clock = clock;
    }

    public String issue(String tenantId, byte[] imageSha256) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = String.join(".", "v1", B64.encodeToString(tenantId.getBytes(StandardCharsets.UTF_8)),
                Long.toString(clock.instant().getEpochSecond()), B64.encodeToString(imageSha256),
                B64.encodeToString(nonce));
        return payload + "." + B64.encodeToString(Secrets.hmac(key, payload));
    }

    /** Checks form, MAC (constant time), tenant and age. Does not check single use (the caller records it). */
    public Verified verify(String signature, String tenantId) {
        if (signature == null || signature.isBlank()) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID);
        }
        String[] parts = signature.trim().split("\\.");
        if (parts.length != 6 || !"v1".equals(parts[0])) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID);
        }
        String payload = signature.trim().substring(0, signature.trim().lastIndexOf('.'));
        byte[] mac;
        String tenant;
        long issued;
        try {
            mac = B64D.decode(parts[5]);
            tenant = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
            issued = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID);
        }
        if (!MessageDigest.isEqual(mac, Secrets.hmac(key, payload)) || !tenant.equals(tenantId)) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID);
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        if (issuedAt.plus(config.signatureTtl()).isBefore(now) || issuedAt.isAfter(now.plusSeconds(60))) {
            throw new ApiException(ErrorCode.SIGNATURE_EXPIRED);
        }
        return new Verified(tenant, issuedAt, parts[4]);
    }
}
