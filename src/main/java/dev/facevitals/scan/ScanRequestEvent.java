package dev.facevitals.scan;

import java.time.Instant;
import java.util.UUID;

/**
 * Value of a {@code video-requests} record (key = scan uuid): a scan to process. The worker reads the rest
 * from the database, so the event stays small and never carries secrets.
 */
public record ScanRequestEvent(UUID uuid, String tenantId, String objectKey, Instant queuedAt) {
}
