package dev.facevitals.ops;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * IDLive-style reporting over the caller's tenant: {@code /bi} gives, per pipeline, outcome counts and
 * histograms in 0.1 buckets of the probability and quality values; {@code /records} the rows behind them
 * as JSON or CSV. Dates are UTC days; {@code date_to} is inclusive.
 */
@Path("/v1/reports")
@RolesAllowed(Roles.REPORTS)
public class ReportsResource {

    static final String HEALTH_SCAN = "health-scan";
    private static final int MAX_RECORDS = 10_000;

    /**
     * @param outcomes      count per outcome (scans: done / failed:&lt;code&gt;; checks: their outcome)
     * @param probability   10 buckets [0,0.1) .. [0.9,1.0] of the liveness probability (scans: liveness score)
     * @param quality       10 buckets of the quality value (scans: face coverage)
     */
    public record PipelineReport(String pipeline, long total, Map<String, Long> outcomes, long[] probability,
                                 long[] quality) {
    }

    public record BiReport(LocalDate dateFrom, LocalDate dateTo, List<PipelineReport> pipelines) {
    }

    /** One row of {@code /records}. */
    public record RecordRow(OffsetDateTime createdAt, String pipeline, String id, String calibration, String outcome,
                            String errorCode, Double probability, Double quality, Double heartRateBpm,
                            Double pulseSnrDb) {
    }

    private final SecurityIdentity identity;

    public ReportsResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/bi")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<BiReport> bi(@QueryParam("date_from") String from, @QueryParam("date_to") String to) {
        LocalDate f = date("date_from", from);
        LocalDate t = date("date_to", to);
        if (t.isBefore(f)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "date_to is before date_from.");
        }
        return rows(Caller.of(identity).tenantId(), f, t, Integer.MAX_VALUE).map(rows -> {
            Map<String, PipelineReport> byPipeline = new LinkedHashMap<>();
            for (RecordRow r : rows) {
                PipelineReport p = byPipeline.computeIfAbsent(r.pipeline(),
                        k -> new PipelineReport(k, 0, new LinkedHashMap<>(), new long[10], new long[10]));
                String outcome = r.errorCode() == null ? r.outcome() : r.outcome() + ":" + r.errorCode();
                p.outcomes().merge(outcome, 1L, Long::sum);
                bucket(p.probability(), r.probability());
                bucket(p.quality(), r.quality());
                byPipeline.put(r.pipeline(), new PipelineReport(p.pipeline(), p.total() + 1, p.outcomes(),
                        p.probability(), p.quality()));
            }
            return new BiReport(f, t, new ArrayList<>(byPipeline.values()));
        });
    }

    @GET
    @Path("/records")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Uni<Response> records(@QueryParam("date_from") String from, @QueryParam("date_to") String to,
                                 @QueryParam("format") @DefaultValue("json") String format,
                                 @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > MAX_RECORDS) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "limit must be 1 to " + MAX_RECORDS + ".");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "format must be json or csv.");
        }
        return rows(Caller.of(identity).tenantId(), date("date_from", from), date("date_to", to), limit)
                .map(rows -> format.equals("csv")
                        ? Response.ok(csv(rows), "text/csv").build()
                        : Response.ok(rows, MediaType.APPLICATION_JSON).build());
    }

    @WithSession
    Uni<List<RecordRow>> rows(String tenantId, LocalDate from, LocalDate to, int limit) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String sql = "select created_at, pipeline, id, calibration, outcome, error_code, probability, quality, hr, snr from ("
                + " select created_at, '" + HEALTH_SCAN + "' as pipeline, cast(uuid as varchar) as id, null as calibration,"
                + " status as outcome, cast(error_code as varchar) as error_code, liveness_score as probability,"
                + " face_coverage as quality, heart_rate_bpm as hr, pulse_snr_db as snr"
                + " from scans where tenant_id = ?1 and status in ('done', 'failed') and created_at >= ?2 and created_at < ?3"
                + " union all"
                + " select created_at, pipeline, cast(id as varchar), calibration, outcome, error_code, probability, quality,"
                + " null, null from check_records where tenant_id = ?1 and created_at >= ?2 and created_at < ?3"
                + ") r order by created_at limit ?4";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter(1, tenantId).setParameter(2, start).setParameter(3, end).setParameter(4, limit)
                .getResultList()).map(list -> list.stream().map(ReportsResource::row).toList());
    }

    private static RecordRow row(Object[] r) {
        return new RecordRow(time(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                num(r[6]), num(r[7]), num(r[8]), num(r[9]));
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        return o == null ? null : OffsetDateTime.parse(o.toString());
    }

    private static Double num(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    static void bucket(long[] buckets, Double v) {
        if (v == null || v.isNaN()) {
            return;
        }
        int b = (int) Math.floor(Math.max(0, Math.min(1, v)) * 10);
        buckets[Math.min(9, b)]++;
    }

    static String csv(List<RecordRow> rows) {
        StringBuilder sb = new StringBuilder(
                "created_at,pipeline,id,calibration,outcome,error_code,probability,quality,heart_rate_bpm,pulse_snr_db\n");
        for (RecordRow r : rows) {
            sb.append(r.createdAt()).append(',').append(r.pipeline()).append(',').append(r.id()).append(',')
                    .append(str(r.calibration())).append(',').append(str(r.outcome())).append(',')
                    .append(str(r.errorCode())).append(',').append(str(r.probability())).append(',')
                    .append(str(r.quality())).append(',').append(str(r.heartRateBpm())).append(',')
                    .append(str(r.pulseSnrDb())).append('\n');
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString().replace(",", ";");
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " is required (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name + " must be a date as YYYY-MM-DD.");
        }
    }
}
