package dev.facevitals.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The string a signed request signs (docs/security.md):
 * {@code METHOD \n lowercase path \n canonical query \n timestamp \n body}, where the canonical query is
 * the parameters sorted by name then value, each RFC 3986-encoded as {@code name=value}, joined by {@code &}.
 * Signing the query and the timestamp (which AimBrain's scheme leaves out) is what lets the server refuse a
 * captured request replayed later or with other parameters.
 */
public final class RequestSignatures {

    private RequestSignatures() {
    }

    public static String canonical(String method, String path, String rawQuery, String timestamp, byte[] body) {
        return method.toUpperCase(Locale.ROOT) + "\n" + path.toLowerCase(Locale.ROOT) + "\n" + canonicalQuery(rawQuery)
                + "\n" + timestamp + "\n" + new String(body, StandardCharsets.UTF_8);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(new String[] {encode(name), encode(value)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX (Java's form encoding, corrected). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
