package dev.facevitals.face;

import dev.facevitals.api.VertxContexts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.facevitals.vision.EmbeddingIndex;
import dev.facevitals.vision.Embeddings;

/**
 * One in-memory {@link EmbeddingIndex} per tenant, kept in step with PostgreSQL (the source of truth) before
 * each search: rows changed since the newest one seen are fetched and applied; when the count then differs
 * from the table's (a deletion by another instance), the tenant's index is rebuilt. Calls block: use them
 * from worker threads.
 */
@ApplicationScoped
public class EnrollmentIndexes {

    private static final Logger LOG = Logger.getLogger(EnrollmentIndexes.class);

    private final EnrollmentService service;
    private final Map<String, TenantIndex> tenants = new ConcurrentHashMap<>();

    public EnrollmentIndexes(EnrollmentService service) {
        this.service = service;
    }

    private static final class TenantIndex {
        final EmbeddingIndex index;
        OffsetDateTime latest;

        TenantIndex(int dim) {
            index = new EmbeddingIndex(dim);
        }
    }

    /** The best {@code k} enrollments of the tenant for a unit-length query vector. */
    public List<EmbeddingIndex.Hit> search(String tenantId, String model, float[] query, int k) {
        TenantIndex t = current(tenantId, model, query.length);
        return t.index.search(query, k);
    }

    /** Entries in memory for the tenant (after the last search). */
    public int size(String tenantId, String model) {
        TenantIndex t = tenants.get(tenantId + "/" + model);
        return t == null ? 0 : t.index.size();
    }

    /** A local deletion, applied at once. */
    public void removed(String tenantId, String model, UUID token) {
        TenantIndex t = tenants.get(tenantId + "/" + model);
        if (t != null) {
            synchronized (t) {
                t.index.remove(token.toString());
            }
        }
    }

    private TenantIndex current(String tenantId, String model, int dim) {
        TenantIndex t = tenants.computeIfAbsent(tenantId + "/" + model, k -> new TenantIndex(dim));
        synchronized (t) {
            EnrollmentRepository.Stamp stamp = VertxContexts.await(() -> service.stamp(tenantId, model));
            if (t.index.size() == stamp.count() && (stamp.latest() == null || stamp.latest().equals(t.latest))) {
                return t;
            }
            apply(t, VertxContexts.await(() -> service.vectors(tenantId, model, t.latest)));
            if (t.index.size() != stamp.count()) {
                LOG.debugf("Rebuilding the enrollment index of %s (%d in memory, %d stored)", tenantId,
                        t.index.size(), stamp.count());
                TenantIndex fresh = new TenantIndex(dim);
                apply(fresh, VertxContexts.await(() -> service.vectors(tenantId, model, null)));
                tenants.put(tenantId + "/" + model, fresh);
                return fresh;
            }
            return t;
        }
    }

    private static void apply(TenantIndex t, List<EnrollmentRepository.Vector> rows) {
        for (EnrollmentRepository.Vector v : rows) {
            t.index.put(v.userToken().toString(), Embeddings.fromBytes(v.embedding()));
            if (t.latest == null || v.updatedAt().isAfter(t.latest)) {
                t.latest = v.updatedAt();
            }
        }
    }
}
