package dev.facevitals.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A patient's scan history, and its erasure (results and stored videos, audited). */
@Path("/v1/patients/{patient_ref}/results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HISTORY)
public class PatientsResource {

    public record Erased(String patientRef, int deleted) {
    }

    private final ScanService scans;
    private final SecurityIdentity identity;

    public PatientsResource(ScanService scans, SecurityIdentity identity) {
        this.scans = scans;
        this.identity = identity;
    }

    /** Newest first; {@code page} from 0, {@code size} 1-100. */
    @GET
    public Uni<ScanService.Page> history(@PathParam("patient_ref") String patientRef,
                                         @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "page must be >= 0 and size 1 to 100.");
        }
        return scans.history(Caller.of(identity), patientRef, page, size);
    }

    @DELETE
    public Uni<Erased> erase(@PathParam("patient_ref") String patientRef) {
        return scans.erasePatient(Caller.of(identity), patientRef).map(n -> new Erased(patientRef, n));
    }
}
