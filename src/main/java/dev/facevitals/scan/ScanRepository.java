package dev.facevitals.scan;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ScanRepository implements PanacheRepositoryBase<Scan, UUID> {

    /** The tenant's scan, or null: another tenant's scan is as invisible as a missing one. */
    public Uni<Scan> findForTenant(UUID uuid, String tenantId) {
        return find("uuid = ?1 and tenantId = ?2", uuid, tenantId).firstResult();
    }

    /** Same, with a row lock held until the transaction ends (serialises concurrent process calls). */
    public Uni<Scan> lockForTenant(UUID uuid, String tenantId) {
        return find("uuid = ?1 and tenantId = ?2", uuid, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Row-locked, any tenant: for the worker, which acts on behalf of the scan's own tenant. */
    public Uni<Scan> lock(UUID uuid) {
        return find("uuid", uuid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Successful scans of a tenant, optionally for one performer and/or patient. */
    public Uni<Long> countDone(String tenantId, String performerRef, String patientRef) {
        StringBuilder q = new StringBuilder("tenantId = :tenant and status = 'done'");
        io.quarkus.panache.common.Parameters p = io.quarkus.panache.common.Parameters.with("tenant", tenantId);
        if (performerRef != null) {
            q.append(" and performerRef = :performer");
            p = p.and("performer", performerRef);
        }
        if (patientRef != null) {
            q.append(" and patientRef = :patient");
            p = p.and("patient", patientRef);
        }
        return count(q.toString(), p);
    }
}
