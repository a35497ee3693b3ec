package dev.facevitals.video;

import dev.facevitals.vision.ImageView;

/**
 * One decoded frame. The pixels stay valid until the source decodes the next frame or is closed.
 *
 * @param index           0-based decode order
 * @param timestampMicros presentation time from the stream, microseconds from the first frame
 * @param image           BGR pixels
 */
public record VideoFrame(int index, long timestampMicros, ImageView image) {
}
