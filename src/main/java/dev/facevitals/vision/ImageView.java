package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * A read-only view of packed 8-bit BGR pixels, row-major, {@code stride} bytes per row.
 *
 * <p>The view does not own its pixels: whoever hands it out says how long it stays valid (a decoded video
 * frame is valid until the next frame is decoded). Pure Java, so numeric code can read pixels without
 * touching native types.
 */
public record ImageView(int width, int height, int stride, ByteBuffer pixels) {

    public ImageView {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image must not be empty: " + width + "x" + height);
        }
        if (stride < width * 3) {
            throw new IllegalArgumentException("stride " + stride + " < 3 * width " + width);
        }
        long needed = (long) stride * (height - 1) + 3L * width;
        if (pixels.capacity() < needed) {
            throw new IllegalArgumentException("buffer holds " + pixels.capacity() + " bytes, needs " + needed);
        }
    }

    /** Byte offset of pixel (x, y); blue at +0, green at +1, red at +2. */
    public int offset(int x, int y) {
        return y * stride + 3 * x;
    }
}
