package dev.facevitals.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Security roles. A request's identity carries one role for the kind of credential it used and one per
 * route group it may call. Routes name the groups they belong to; an API key may be limited to some groups
 * (its permissions); an action token always has exactly {@link #ACTION_GROUPS}, the action routes.
 */
public final class Roles {

    // kinds of credential
    public static final String API_KEY = "api-key";
    public static final String ACTION_TOKEN = "action-token";
    public static final String BEARER = "bearer";
    public static final String SIGNED = "signed-request";
    public static final String ADMIN = "admin";

    // route groups
    /** check-conditions, upload-url, process */
    public static final String SCANS = "scans";
    /** a scan's result, at once or long-polled */
    public static final String RESULTS = "results";
    /** counts and patient history, erasure */
    public static final String HISTORY = "history";
    /** action tokens, quota */
    public static final String ACCOUNT = "account";
    /** face detection, comparison, enrollment, identification */
    public static final String FACES = "faces";
    /** liveness and image checks */
    public static final String LIVENESS = "liveness";
    /** BI report and records */
    public static final String REPORTS = "reports";

    public static final List<String> GROUPS = List.of(SCANS, RESULTS, HISTORY, ACCOUNT, FACES, LIVENESS, REPORTS);
    public static final List<String> ACTION_GROUPS = List.of(SCANS, RESULTS);

    /** Attribute of the security identity holding the tenant id. */
    public static final String TENANT_ATTRIBUTE = "facevitals.tenant";

    private Roles() {
    }

    /** The groups a stored permission string grants: null or blank = all. */
    public static Set<String> groupsOf(String permissions) {
        if (permissions == null || permissions.isBlank()) {
            return new LinkedHashSet<>(GROUPS);
        }
        return new LinkedHashSet<>(parse(Arrays.asList(permissions.split(","))));
    }

    /** Validates and normalises requested groups; unknown names are refused. */
    public static List<String> parse(List<String> groups) {
        List<String> out = groups.stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).filter(g -> !g.isEmpty())
                .distinct().toList();
        for (String g : out) {
            if (!GROUPS.contains(g)) {
                throw new IllegalArgumentException("unknown route group '" + g + "' (" + String.join(", ", GROUPS) + ")");
            }
        }
        return out;
    }
}
