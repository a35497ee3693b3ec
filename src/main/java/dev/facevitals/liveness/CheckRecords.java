package dev.facevitals.liveness;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** One row per liveness answer in {@code check_records}, which feeds /v1/reports/bi and /records. */
@ApplicationScoped
public class CheckRecords {

    /** @param outcome live, spoof or rejected */
    public record Row(String pipeline, String calibration, Double probability, Double quality, String outcome,
                      String errorCode) {
    }

    @WithTransaction
    public Uni<Void> add(String tenantId, List<Row> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Row r : rows) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into check_records (tenant_id, pipeline, calibration, probability, quality, outcome,"
                                    + " error_code) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, tenantId).setParameter(2, r.pipeline()).setParameter(3, r.calibration())
                    .setParameter(4, r.probability()).setParameter(5, r.quality()).setParameter(6, r.outcome())
                    .setParameter(7, r.errorCode()).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }
}
