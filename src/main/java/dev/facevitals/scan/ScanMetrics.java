package dev.facevitals.scan;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Scans by state across all tenants ({@code facevitals_scans{status, error_code}}): queued, processing,
 * done and failed by error code, read from the database every 30 s. Every instance reports the same
 * database-wide numbers: aggregate with max(), not sum().
 */
@ApplicationScoped
public class ScanMetrics {

    private final MultiGauge gauge;

    public ScanMetrics(MeterRegistry registry) {
        this.gauge = MultiGauge.builder("facevitals.scans")
                .description("Scans by status (and error code for failed ones), database-wide")
                .register(registry);
    }

    @Scheduled(every = "30s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithSession
    Uni<Void> refresh() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select status, coalesce(cast(error_code as varchar), 'none'), count(*) from scans group by 1, 2",
                        Object[].class).getResultList())
                .invoke(rows -> {
                    List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
                    for (Object[] r : rows) {
                        gaugeRows.add(MultiGauge.Row.of(Tags.of("status", (String) r[0], "error_code", (String) r[1]),
                                ((Number) r[2]).doubleValue()));
                    }
                    gauge.register(gaugeRows, true);
                })
                .replaceWithVoid();
    }
}
