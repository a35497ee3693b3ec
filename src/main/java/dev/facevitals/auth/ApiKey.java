package dev.facevitals.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key, stored as the SHA-256 of the key (keys are random 256-bit secrets; see {@link ApiKeys}). */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "key_hash", nullable = false)
    public byte[] keyHash;

    /** The first characters of the key, to tell keys apart in listings without revealing them. */
    @Column(nullable = false)
    public String prefix;

    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** Comma-separated route groups this key may call; null = all (see {@link Roles#GROUPS}). */
    public String permissions;

    /** Secret for signed requests, encrypted (see {@link SigningSecrets}); null for keys issued before. */
    @Column(name = "signing_secret")
    public byte[] signingSecret;
}
