package dev.facevitals.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Who did what, in the {@code audit_log} table: erasures and administration. Written in the caller's
 * transaction, so an action and its record commit or fail together. Also logged.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("dev.facevitals.audit");

    /**
     * @param tenantId the tenant acted upon (null for operator-wide actions)
     * @param actor    who: a credential id, or {@code admin}
     * @param action   what, e.g. {@code patient.erase}, {@code key.revoke}
     * @param target   on what, e.g. a patient reference or key id
     * @param details  short free text (counts, groups), never secrets
     */
    public Uni<Void> record(String tenantId, String actor, String action, String target, String details) {
        LOG.infof("audit tenant=%s actor=%s action=%s target=%s %s", tenantId, actor, action, target,
                details == null ? "" : details);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into audit_log (tenant_id, actor, action, target, details) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenantId)
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, target)
                .setParameter(5, details)
                .executeUpdate()).replaceWithVoid();
    }
}
