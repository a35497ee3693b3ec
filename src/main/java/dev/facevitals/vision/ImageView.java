package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * A read-only view of packed 8-bit BGR pixels, row-major, {@code stride} bytes per row.
 *
 * <p>The view does not own its pixels: whoever hands it out says how long it stays valid (a decoded video
 * frame is valid until the next frame is decoded). Pure Java, so numeric code can read pixels without
 * touching native types.
 *
 * <p>A view may come with a {@link PixelDemand}: then its pixels are made ready as they are asked for.
 * {@link #pixels()} makes all of them ready; a reader that reads only part of the image (the face tracker and
 * the skin sampler, on every frame of a scan) asks for that part with {@link #pixels(int, int, int, int)},
 * so a video's frames are converted (an HDR one's mapped to SDR) only around the face (docs/vitals.md,
 * "Stop 23").
 *
 * @param demand makes pixels ready on demand; {@link PixelDemand#READY} when they always are
 */
public record ImageView(int width, int height, int stride, ByteBuffer pixels, PixelDemand demand) {

    /** A view whose pixels are all ready. */
    public ImageView(int width, int height, int stride, ByteBuffer pixels) {
        this(width, height, stride, pixels, PixelDemand.READY);
    }

    public ImageView {
        if (demand == null) {
            throw new IllegalArgumentException("demand must not be null (PixelDemand.READY when ready)");
        }
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

    /** The pixels, every one of them ready to read. */
    @Override
    public ByteBuffer pixels() {
        if (demand != PixelDemand.READY) {
            demand.need(0, 0, width, height);
        }
        return pixels;
    }

    /**
     * The pixels, with at least the rectangle {@code [x0, x1) x [y0, y1)} (clipped to the image) ready to read;
     * others may hold an earlier frame's values. For readers of a part of the image only.
     */
    public ByteBuffer pixels(int x0, int y0, int x1, int y1) {
        if (demand != PixelDemand.READY) {
            int a = Math.max(0, x0);
            int b = Math.max(0, y0);
            int c = Math.min(width, x1);
            int d = Math.min(height, y1);
            if (a < c && b < d) {
                demand.need(a, b, c, d);
            }
        }
        return pixels;
    }

    /** Byte offset of pixel (x, y); blue at +0, green at +1, red at +2. */
    public int offset(int x, int y) {
        return y * stride + 3 * x;
    }
}
