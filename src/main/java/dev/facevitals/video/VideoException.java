package dev.facevitals.video;

/**
 * A video that cannot be opened or decoded. The message is safe to show to a client: it never contains
 * paths, FFmpeg error strings or other internals. Those go to {@link #detail()}, for logs only.
 */
public class VideoException extends Exception {

    /** Why a video was refused. Each kind has one fixed client-safe message. */
    public enum Kind {
        /** Empty file, not a video container, or a container we do not accept. */
        UNREADABLE("The file is not a readable video."),
        /** A container with no video track (for example audio only). */
        NO_VIDEO_STREAM("The file contains no video track."),
        /** A video track in a codec we do not decode. */
        UNSUPPORTED_CODEC("The video codec is not supported."),
        /** The video is larger than the decoder accepts. */
        TOO_LARGE("The video resolution is too large."),
        /** The video track holds no decodable frame. */
        NO_FRAMES("The video contains no frames."),
        /** Too many frames could not be decoded. */
        CORRUPT("The video is corrupt and cannot be decoded."),
        /** The file ends before the container says it should (an incomplete upload, for example). */
        TRUNCATED("The video file is incomplete."),
        /** Anything else, with a message given by the thrower. */
        OTHER("The video cannot be processed.");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        /** The stable, client-safe message of this kind. */
        public String message() {
            return message;
        }
    }

    private final Kind kind;
    private final String detail;

    public VideoException(String message) {
        super(message);
        this.kind = Kind.OTHER;
        this.detail = message;
    }

    public VideoException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.OTHER;
        this.detail = message;
    }

    /**
     * @param kind   why the video was refused; the exception message is the kind's fixed message
     * @param detail what exactly failed, for logs (may name files or FFmpeg errors; never sent to a client)
     */
    public VideoException(Kind kind, String detail) {
        super(kind.message());
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** What exactly failed, for logs only. */
    public String detail() {
        return detail;
    }

    /**
     * A {@link VideoException} met while a reader made a frame's pixels ready on demand
     * ({@link FrameSource#pixelsOnDemand()}), where no checked exception can pass: whoever reads the frames
     * of a source on demand takes it as the video failing to decode.
     */
    public static final class Unchecked extends RuntimeException {

        Unchecked(VideoException cause) {
            super(cause.getMessage(), cause);
        }

        /** The video's own failure. */
        public VideoException video() {
            return (VideoException) getCause();
        }
    }
}
