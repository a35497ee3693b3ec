package dev.facevitals.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The timezone strings the process route accepts, as the IntelliProve API does: IANA identifiers
 * ({@code Europe/Brussels}), common abbreviations ({@code CET}, {@code EST}, {@code UTC}) and ISO 3166
 * country codes of countries with a single zone ({@code BE}). Each resolves to an IANA identifier.
 * The country table ({@code timezones/single-zone-countries.tsv}) was derived from the IANA tz database's
 * zone1970.tab (public domain) by keeping the countries that have exactly one zone.
 */
public final class Timezones {

    private static final Map<String, String> ABBREVIATIONS = new HashMap<>();
    private static final Map<String, String> COUNTRIES = load();

    static {
        ABBREVIATIONS.putAll(ZoneId.SHORT_IDS);
        // Fixed names the JDK table lacks or maps to a fixed offset; map them to a region with its DST rules.
        ABBREVIATIONS.put("UTC", "UTC");
        ABBREVIATIONS.put("GMT", "GMT");
        ABBREVIATIONS.put("Z", "UTC");
        ABBREVIATIONS.put("CET", "Europe/Brussels");
        ABBREVIATIONS.put("CEST", "Europe/Brussels");
        ABBREVIATIONS.put("WET", "Europe/Lisbon");
        ABBREVIATIONS.put("WEST", "Europe/Lisbon");
        ABBREVIATIONS.put("EET", "Europe/Athens");
        ABBREVIATIONS.put("EEST", "Europe/Athens");
        ABBREVIATIONS.put("BST", "Europe/London");
        ABBREVIATIONS.put("EST", "America/New_York");
        ABBREVIATIONS.put("EDT", "America/New_York");
        ABBREVIATIONS.put("CDT", "America/Chicago");
        ABBREVIATIONS.put("MDT", "America/Denver");
        ABBREVIATIONS.put("MST", "America/Denver");
        ABBREVIATIONS.put("PDT", "America/Los_Angeles");
        ABBREVIATIONS.put("HST", "Pacific/Honolulu");
        ABBREVIATIONS.put("IST", "Asia/Kolkata");
        ABBREVIATIONS.put("JST", "Asia/Tokyo");
        ABBREVIATIONS.put("AEST", "Australia/Sydney");
    }

    private Timezones() {
    }

    /** The IANA identifier for {@code input}, or empty when it names no zone we accept. */
    public static Optional<String> resolve(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = input.trim();
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (ABBREVIATIONS.containsKey(upper)) {
            return Optional.of(ABBREVIATIONS.get(upper));
        }
        if (s.length() == 2 && COUNTRIES.containsKey(upper)) {
            return Optional.of(COUNTRIES.get(upper));
        }
        if (s.indexOf('/') > 0 || "UTC".equalsIgnoreCase(s)) {
            try {
                return Optional.of(ZoneId.of(s).getId());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = Timezones.class.getResourceAsStream("/timezones/single-zone-countries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("timezones/single-zone-countries.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
