package dev.facevitals.scan;

import java.util.Locale;

/** Lifecycle of a scan: an upload URL was issued, the client asked to process, a worker took it, final. */
public enum ScanStatus {
    AWAITING_UPLOAD, QUEUED, PROCESSING, DONE, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
