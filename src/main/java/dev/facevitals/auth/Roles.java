package dev.facevitals.auth;

/**
 * Security roles, one per kind of credential. Routes name the kinds they accept: most take only
 * {@link #API_KEY}; the action routes (check-conditions, upload-url, process, results) also take
 * {@link #ACTION_TOKEN}, the short-lived credential meant for front-ends.
 */
public final class Roles {

    public static final String API_KEY = "api-key";
    public static final String ACTION_TOKEN = "action-token";

    /** Attribute of the security identity holding the tenant id. */
    public static final String TENANT_ATTRIBUTE = "facevitals.tenant";

    private Roles() {
    }
}
