package dev.facevitals.video;

/**
 * What the container says about a video before decoding it.
 *
 * @param width           frame width in pixels, as the frames come out (upright: after display rotation)
 * @param height          frame height in pixels, as the frames come out (upright: after display rotation)
 * @param nominalFps      frame rate the container declares (real phone videos vary: use frame timestamps)
 * @param durationSec     container duration in seconds, {@code NaN} when unknown
 * @param frameEstimate   frame count the container declares or implies, 0 when unknown
 * @param codec           codec name, for example {@code h264}
 * @param format          container format name, for example {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param rotationDegrees clockwise rotation (0, 90, 180 or 270) applied to the stored pixels to make them
 *                        upright, from the container's display matrix; 0 when none or not applied
 * @param hdr             the HDR transfer the first frame is tagged with, {@code "HLG"} or {@code "PQ"}, whose
 *                        frames are mapped to SDR as they are decoded; null for SDR video
 */
public record VideoInfo(int width, int height, double nominalFps, double durationSec, long frameEstimate,
                        String codec, String format, int rotationDegrees, String hdr) {

    /** An SDR video stored upright (no display rotation). */
    public VideoInfo(int width, int height, double nominalFps, double durationSec, long frameEstimate,
                     String codec, String format) {
        this(width, height, nominalFps, durationSec, frameEstimate, codec, format, 0, null);
    }
}
