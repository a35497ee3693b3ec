package dev.facevitals.scan;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Step 4 of a health scan: the result, at once or long-polled. */
@Path("/v1/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    /** @param allowed scans the contract allows, null when unlimited */
    public record CountResponse(long count, Long allowed) {
    }

    private final ScanService scans;
    private final ResultNotifier notifier;
    private final UploadConfig config;
    private final SecurityIdentity identity;

    public ResultsResource(ScanService scans, ResultNotifier notifier, UploadConfig config, SecurityIdentity identity) {
        this.scans = scans;
        this.notifier = notifier;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Path("/{uuid}")
    @RolesAllowed(Roles.RESULTS)
    public Uni<ScanResult> result(@PathParam("uuid") String uuidText) {
        UUID uuid = ScanIds.parse(uuidText);
        return scans.find(Caller.of(identity), uuid).map(ScanResult::of);
    }

    /**
     * 200 with the result as soon as it is final, 204 when it is not final within the wait timeout (20 s).
     * The waiter is registered before the first read so a result stored in between still wakes it.
     */
    @GET
    @Path("/wait/{uuid}")
    @RolesAllowed(Roles.RESULTS)
    public Uni<Response> waitForResult(@PathParam("uuid") String uuidText) {
        UUID uuid = ScanIds.parse(uuidText);
        Caller caller = Caller.of(identity);
        ResultNotifier.Waiter waiter = notifier.register(uuid);
        return scans.find(caller, uuid).chain(scan -> {
            if (scan.statusEnum().isFinal()) {
                return Uni.createFrom().item(Response.ok(ScanResult.of(scan)).build());
            }
            return waiter.await(config.waitTimeout()).chain(announced -> announced
                    ? scans.find(caller, uuid).map(ResultsResource::finalOrNoContent)
                    : Uni.createFrom().item(Response.noContent().build()));
        }).onTermination().invoke(waiter::cancel);
    }

    @GET
    @Path("/count")
    @RolesAllowed(Roles.HISTORY)
    public Uni<CountResponse> count(@QueryParam("performer-ref") String performerRef,
                                    @QueryParam("patient-ref") String patientRef) {
        Caller caller = Caller.of(identity);
        return scans.countDone(caller, performerRef, patientRef)
                .chain(n -> scans.quota(caller.tenantId()).map(q -> new CountResponse(n,
                        q.allowed() == null ? null : q.allowed().longValue())));
    }

    private static Response finalOrNoContent(Scan scan) {
        return scan.statusEnum().isFinal() ? Response.ok(ScanResult.of(scan)).build() : Response.noContent().build();
    }
}
