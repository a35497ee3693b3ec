package dev.facevitals.face;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<Enrollment, UUID> {

    /** Count and latest change of a tenant's enrollments of one model: tells an in-memory index it is stale. */
    public record Stamp(long count, OffsetDateTime latest) {
    }

    /** A vector to index. */
    public record Vector(UUID userToken, byte[] embedding, OffsetDateTime updatedAt) {
    }

    public Uni<Enrollment> findForTenant(UUID token, String tenantId) {
        return find("userToken = ?1 and tenantId = ?2", token, tenantId).firstResult();
    }

    public Uni<List<UUID>> tokens(String tenantId, int offset, int limit) {
        return find("select userToken from Enrollment where tenantId = ?1 order by createdAt, userToken", tenantId)
                .project(UUID.class).range(offset, offset + limit - 1).list();
    }

    public Uni<Long> countForTenant(String tenantId) {
        return count("tenantId", tenantId);
    }

    public Uni<Stamp> stamp(String tenantId, String model) {
        return getSession().chain(s -> s.createSelectionQuery(
                        "select count(e), max(e.updatedAt) from Enrollment e where e.tenantId = ?1 and e.embeddingModel = ?2",
                        Object[].class).setParameter(1, tenantId).setParameter(2, model).getSingleResult())
                .map(r -> new Stamp((Long) r[0], (OffsetDateTime) r[1]));
    }

    /** Vectors changed at or after {@code since} (all when null). */
    public Uni<List<Vector>> vectors(String tenantId, String model, OffsetDateTime since) {
        String q = "select e.userToken, e.embedding, e.updatedAt"
                + " from Enrollment e where e.tenantId = ?1 and e.embeddingModel = ?2"
                + (since == null ? "" : " and e.updatedAt >= ?3");
        return getSession().chain(s -> {
            var query = s.createSelectionQuery(q, Object[].class).setParameter(1, tenantId).setParameter(2, model);
            if (since != null) {
                query.setParameter(3, since);
            }
            return query.getResultList();
        }).map(rows -> rows.stream()
                .map(r -> new Vector((UUID) r[0], (byte[]) r[1], (OffsetDateTime) r[2])).toList());
    }
}
