package dev.facevitals.ops;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.facevitals.api.ErrorCode;
import dev.facevitals.api.ProblemMapper;

/**
 * A worker-only instance serves health and metrics but not the API: its long-poll would never be woken
 * (it does not listen for results), so it answers 404 rather than half-work.
 */
public class ApiRoleFilter {

    private final ServiceRoles roles;

    public ApiRoleFilter(ServiceRoles roles) {
        this.roles = roles;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> onlyOnApiInstances(ContainerRequestContext request) {
        if (roles.api() || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        return Optional.of(ProblemMapper.response(ErrorCode.NOT_FOUND, "This instance runs the worker role only."));
    }
}
