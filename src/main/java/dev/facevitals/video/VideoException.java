package dev.facevitals.video;

/** A video that cannot be opened or decoded. The message is safe to show to a client. */
public class VideoException extends Exception {

    public VideoException(String message) {
        super(message);
    }

    public VideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
