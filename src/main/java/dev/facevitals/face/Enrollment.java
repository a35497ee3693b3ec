package dev.facevitals.face;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One enrolled face of a tenant: its identity vector (never the image, unless the tenant keeps images). */
@Entity
@Table(name = "enrollments")
public class Enrollment {

    @Id
    @Column(name = "user_token")
    public UUID userToken;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** Unit-length float32 vector, little-endian. */
    @Column(nullable = false)
    public byte[] embedding;

    @Column(name = "embedding_model", nullable = false)
    public String embeddingModel;

    @Column(name = "image_key")
    public String imageKey;

    public Boolean consent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
