package dev.facevitals.scan;

import java.util.UUID;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;

/** Scan uuids from paths: a malformed one names no scan, so it is a 404 like an unknown one. */
final class ScanIds {

    private ScanIds() {
    }

    static UUID parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.SCAN_NOT_FOUND);
        }
    }
}
