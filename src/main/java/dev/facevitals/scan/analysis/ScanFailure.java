package dev.facevitals.scan.analysis;

/**
 * Why a scan produced no result, with the IntelliProve error codes and types.
 *
 * @param code    1 unreadable video, 2 too short, 3 no face, 4 not enough skin, 5 face left the frame,
 *                10 RGB quality, 11 pulse signal quality, 99 unexpected
 * @param type    {@code VideoError}, {@code QualityError} or {@code UnexpectedError}
 * @param message what to tell the user
 */
public record ScanFailure(int code, String type, String message) {

    public static final String VIDEO_ERROR = "VideoError";
    public static final String QUALITY_ERROR = "QualityError";
    public static final String UNEXPECTED_ERROR = "UnexpectedError";

    public static ScanFailure unreadable(String detail) {
        return new ScanFailure(1, VIDEO_ERROR, "The video is corrupt or cannot be read" + suffix(detail));
    }

    public static ScanFailure tooShort(double seconds, double minimum) {
        return new ScanFailure(2, VIDEO_ERROR, String.format(java.util.Locale.ROOT,
                "The video is %.1f s long; please record for at least %.0f seconds.", seconds, minimum));
    }

    public static ScanFailure noFace() {
        return new ScanFailure(3, VIDEO_ERROR, "No face could be found in (parts of) the video.");
    }

    public static ScanFailure notEnoughSkin() {
        return new ScanFailure(4, VIDEO_ERROR, "Not enough skin is visible: the face may be covered.");
    }

    public static ScanFailure movedOutOfFrame() {
        return new ScanFailure(5, VIDEO_ERROR, "The face moved (partially) out of the frame during the recording.");
    }

    public static ScanFailure rgbQuality() {
        return new ScanFailure(10, QUALITY_ERROR,
                "The video quality is too low: too much movement or flickering light.");
    }

    public static ScanFailure signalQuality() {
        return new ScanFailure(11, QUALITY_ERROR, "The pulse signal quality is too low.");
    }

    /**
     * Below this many bits per pixel of each frame the benchmark's generated scans began to lose their pulse
     * to the encoder (docs/vitals.md, "Stop 21": x264 at 640 x 480 and 30 frames/s lost none at 1 Mbit/s, 0.11
     * bits per pixel, some at 0.5 and half at 0.25).
     */
    public static final double LOW_BITS_PER_PIXEL = 0.1;

    /**
     * This quality error with a sentence on the video's compression added when the video spends fewer than
     * {@link #LOW_BITS_PER_PIXEL} bits on each pixel of a frame; the code and the rest of the message stay.
     */
    public ScanFailure withCompressionNote(AnalysisOutcome.VideoSummary video) {
        double bpp = video == null ? Double.NaN : video.bitsPerPixel();
        if (!QUALITY_ERROR.equals(type) || !(bpp < LOW_BITS_PER_PIXEL)) {
            return this;
        }
        return new ScanFailure(code, type, message + String.format(java.util.Locale.ROOT,
                " The video is compressed to %.2f Mbit/s (%.3f bits per pixel of each frame), which can erase the"
                        + " pulse; at %dx%d and %.0f frames/s, record at %.1f Mbit/s or more.",
                video.bitrateMbps(), bpp, video.width(), video.height(), video.fps(),
                Math.ceil(LOW_BITS_PER_PIXEL * video.width() * video.height() * video.fps() / 1e5) / 10));
    }

    public static ScanFailure unexpected() {
        return new ScanFailure(99, UNEXPECTED_ERROR, "Something unexpected happened; we will look into it.");
    }

    private static String suffix(String detail) {
        return detail == null || detail.isBlank() ? "." : ": " + detail;
    }
}
