package dev.facevitals.vision;

/** A model or image that cannot be used: missing, checksum mismatch, undecodable, too large. */
public class VisionException extends RuntimeException {

    public VisionException(String message) {
        super(message);
    }

    public VisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
