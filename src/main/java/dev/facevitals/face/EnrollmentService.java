package dev.facevitals.face;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.api.VertxContexts;
import dev.facevitals.storage.ObjectStore;
import dev.facevitals.vision.Embeddings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Enrollment records and the consent log. Vectors live in PostgreSQL; the image goes to object storage
 * ({@code enrollments/<tenant>/<user_token>}) only when the tenant has {@code keep_enrollment_images} on.
 */
@ApplicationScoped
public class EnrollmentService {

    private final EnrollmentRepository repository;
    private final ObjectStore store;

    public EnrollmentService(EnrollmentRepository repository, ObjectStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** An image to keep with the enrollment, when the tenant wants it. */
    public record Image(byte[] bytes, String contentType) {
    }

    @WithSession
    public Uni<Boolean> keepsImages(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select keep_enrollment_images from tenants where id = ?1", Boolean.class)
                .setParameter(1, tenantId).getSingleResultOrNull()).map(Boolean.TRUE::equals);
    }

    public Uni<Enrollment> create(String tenantId, float[] embedding, String model, Boolean consent, Image image) {
        UUID token = UUID.randomUUID();
        return keepImage(tenantId, token, image).chain(key -> insert(tenantId, token, embedding, model, consent, key));
    }

    public Uni<Enrollment> update(String tenantId, UUID token, float[] embedding, String model, Boolean consent,
                                  Image image) {
        return find(tenantId, token)
                .chain(e -> keepImage(tenantId, token, image))
                .chain(key -> replace(tenantId, token, embedding, model, consent, key));
    }

    /** Deletes the record and its image; 404 for another tenant's or an unknown token. */
    public Uni<Void> delete(String tenantId, UUID token) {
        return remove(tenantId, token).chain(key -> key == null ? Uni.createFrom().voidItem()
                : VertxContexts.onCallerContext(store.delete(key)));
    }

    @WithSession
    public Uni<Enrollment> find(String tenantId, UUID token) {
        return repository.findForTenant(token, tenantId).onItem().ifNull().failWith(() -> notFound(token));
    }

    @WithSession
    public Uni<List<UUID>> tokens(String tenantId, int offset, int limit) {
        return repository.tokens(tenantId, offset, limit);
    }

    @WithSession
    public Uni<Long> count(String tenantId) {
        return repository.countForTenant(tenantId);
    }

    @WithSession
    public Uni<EnrollmentRepository.Stamp> stamp(String tenantId, String model) {
        return repository.stamp(tenantId, model);
    }

    @WithSession
    public Uni<List<EnrollmentRepository.Vector>> vectors(String tenantId, String model, OffsetDateTime since) {
        return repository.vectors(tenantId, model, since);
    }

    /** Records a biometric operation with the consent the client declared (null when it said nothing). */
    @WithTransaction
    public Uni<Void> recordOperation(String tenantId, String operation, Boolean consent, Integer faces) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into face_operations (tenant_id, operation, consent, faces) values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId).setParameter(2, operation).setParameter(3, consent).setParameter(4, faces)
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<String> keepImage(String tenantId, UUID token, Image image) {
        if (image == null) {
            return Uni.createFrom().nullItem();
        }
        return keepsImages(tenantId).chain(keep -> {
            if (!keep) {
                return Uni.createFrom().nullItem();
            }
            String key = "enrollments/" + tenantId + "/" + token;
            return VertxContexts.onCallerContext(store.put(key, image.bytes(),
                    image.contentType() == null ? "application/octet-stream" : image.contentType())).replaceWith(key);
        });
    }

    @WithTransaction
    Uni<Enrollment> insert(String tenantId, UUID token, float[] embedding, String model, Boolean consent, String key) {
        Enrollment e = new Enrollment();
        e.userToken = token;
        e.tenantId = tenantId;
        e.embedding = Embeddings.toBytes(embedding);
        e.embeddingModel = model;
        e.imageKey = key;
        e.consent = consent;
        e.createdAt = now();
        e.updatedAt = e.createdAt;
        return repository.persist(e);
    }

    @WithTransaction
    Uni<Enrollment> replace(String tenantId, UUID token, float[] embedding, String model, Boolean consent, String key) {
        return repository.findForTenant(token, tenantId).onItem().ifNull().failWith(() -> notFound(token))
                .invoke(e -> {
                    e.embedding = Embeddings.toBytes(embedding);
                    e.embeddingModel = model;
                    if (key != null) {
                        e.imageKey = key;
                    }
                    e.consent = consent;
                    e.updatedAt = now();
                });
    }

    @WithTransaction
    Uni<String> remove(String tenantId, UUID token) {
        return repository.findForTenant(token, tenantId).onItem().ifNull().failWith(() -> notFound(token))
                .chain(e -> repository.delete(e).replaceWith(e.imageKey));
    }

    private static ApiException notFound(UUID token) {
        return new ApiException(ErrorCode.ENROLLMENT_NOT_FOUND, "No enrollment " + token + ".");
    }

    /** Microseconds, as PostgreSQL stores them, so a stamp read back compares equal. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
