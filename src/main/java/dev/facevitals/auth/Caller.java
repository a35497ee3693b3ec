package dev.facevitals.auth;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the tenant every record of the request belongs to, and the credential used.
 *
 * @param tenantId     the tenant
 * @param credentialId API key id, or for an action token the id of the key that issued it
 * @param kind         {@link Roles#API_KEY} or {@link Roles#ACTION_TOKEN}
 */
public record Caller(String tenantId, String credentialId, String kind) {

    public static Caller of(SecurityIdentity identity) {
        String tenant = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        if (identity.isAnonymous() || tenant == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        String kind = identity.hasRole(Roles.API_KEY) ? Roles.API_KEY : Roles.ACTION_TOKEN;
        return new Caller(tenant, identity.getPrincipal().getName(), kind);
    }
}
