package dev.facevitals.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import dev.facevitals.api.CredentialException;
import dev.facevitals.api.ErrorCode;

/**
 * Action tokens: HS256 JWTs that a server (holding an API key) hands to a front-end. They name the tenant
 * and the issuing key, live at most 12 hours, and are accepted only on the action routes.
 */
@ApplicationScoped
public class ActionTokens {

    static final String ISSUER = "facevitals";
    static final String TYPE = "action";

    /** A token as issued. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** What a valid token says. */
    public record Verified(String tenantId, String keyId, String tokenId, Instant expiresAt) {
    }

    private final HmacKey key;
    private final JwtConsumer consumer;

    public ActionTokens(Secrets secrets) {
        this.key = new HmacKey(secrets.actionTokenKey());
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setAllowedClockSkewInSeconds(5)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    public Issued issue(String tenantId, String keyId, Duration lifetime, Map<String, Object> meta) {
        Instant now = Instant.now();
        Instant exp = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(keyId);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setStringClaim("tenant", tenantId);
        claims.setStringClaim("typ", TYPE);
        if (meta != null && !meta.isEmpty()) {
            claims.setClaim("meta", meta);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return new Issued(jws.getCompactSerialization(), Instant.ofEpochSecond(exp.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign an action token", e);
        }
    }

    /** Checks signature, issuer, type and expiry. */
    public Verified verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            if (!TYPE.equals(claims.getStringClaimValue("typ")) || claims.getStringClaimValue("tenant") == null) {
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
