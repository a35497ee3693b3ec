package dev.facevitals.vision;

/**
 * Image bytes that will not be decoded: empty, not JPEG/PNG, corrupt, or with header dimensions beyond the
 * limit (decompression bombs). The message is safe to show to a client.
 */
public class ImageRejectedException extends VisionException {

    public ImageRejectedException(String message) {
        super(message);
    }
}
