package dev.facevitals.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;

/**
 * HS256 JWTs of one type ({@code typ} claim) with one key: the shared machinery of action tokens and
 * bearer tokens. Each type has its own derived key, so one can never pass as the other.
 */
final class SignedJwt {

    static final String ISSUER = "facevitals";

    /** What a valid token says. */
    record Verified(String tenantId, String keyId, String tokenId, Instant expiresAt) {
    }

    /** A token as issued. */
    record Issued(String token, Instant expiresAt) {
    }

    private final String type;
    private final HmacKey key;
    private final JwtConsumer consumer;

    SignedJwt(String type, byte[] key) {
        this.type = type;
        this.key = new HmacKey(key);
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setAllowedClockSkewInSeconds(5)
                .setVerificationKey(this.key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    Issued issue(String tenantId, String keyId, Duration lifetime, Map<String, Object> extra) {
        Instant now = Instant.now();
        Instant exp = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(keyId);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setStringClaim("tenant", tenantId);
        claims.setStringClaim("typ", type);
        if (extra != null) {
            extra.forEach(claims::setClaim);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return new Issued(jws.getCompactSerialization(), Instant.ofEpochSecond(exp.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** Checks signature, issuer, type and expiry; refusals carry TOKEN_EXPIRED or TOKEN_INVALID. */
    Verified verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            if (!type.equals(claims.getStringClaimValue("typ")) || claims.getStringClaimValue("tenant") == null) {
                throw CredentialException.refused(ErrorCode.TOKEN_INVALID);
            }
            return new Verified(claims.getStringClaimValue("tenant"), claims.getSubject(), claims.getJwtId(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw CredentialException.refused(e.hasExpired() ? ErrorCode.TOKEN_EXPIRED : ErrorCode.TOKEN_INVALID);
        } catch (MalformedClaimException e) {
            throw CredentialException.refused(ErrorCode.TOKEN_INVALID);
        }
    }
}
