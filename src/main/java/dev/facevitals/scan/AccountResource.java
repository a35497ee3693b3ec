package dev.facevitals.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.facevitals.auth.Caller;
import dev.facevitals.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The tenant's contract use: how many scans the period allows, how many were queued, how many remain. */
@Path("/v1/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final ScanService scans;
    private final SecurityIdentity identity;

    public AccountResource(ScanService scans, SecurityIdentity identity) {
        this.scans = scans;
        this.identity = identity;
    }

    @GET
    @Path("/quota")
    @RolesAllowed(Roles.ACCOUNT)
    public Uni<ScanService.Quota> quota() {
        return scans.quota(Caller.of(identity).tenantId());
    }
}
