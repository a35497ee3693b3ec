package dev.facevitals.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Who is calling: the tenant every record of the request belongs to, and the credential used.
 *
 * @param tenantId     the tenant
 * @param credentialId the API key id (for tokens and signed requests: the key behind them)
 * @param kind         {@link Roles#API_KEY}, {@link Roles#ACTION_TOKEN}, {@link Roles#BEARER} or
 *                     {@link Roles#SIGNED}
 */
public record Caller(String tenantId, String credentialId, String kind) {

    public static Caller of(SecurityIdentity identity) {
        String tenant = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        if (identity.isAnonymous() || tenant == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        String kind = Roles.ACTION_TOKEN;
        for (String k : new String[] {Roles.API_KEY, Roles.BEARER, Roles.SIGNED}) {
            if (identity.hasRole(k)) {
                kind = k;
            }
        }
        return new Caller(tenant, identity.getPrincipal().getName(), kind);
    }

    /** The identity of a tenant credential: its kind and the route groups it may call. */
    static SecurityIdentity identity(String tenantId, String credentialId, String kind, Iterable<String> groups) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(credentialId))
                .addRole(kind)
                .addAttribute(Roles.TENANT_ATTRIBUTE, tenantId);
        groups.forEach(b::addRole);
        return b.build();
    }
}
