package dev.facevitals.vision;

import java.nio.ByteBuffer;

/** Small helpers on {@link ImageView}: zero-copy crops and heap copies. */
public final class ImageViews {

    private ImageViews() {
    }

    /**
     * A view of the rectangle {@code [x, x+w) x [y, y+h)} sharing the pixels (no copy).
     *
     * @throws IllegalArgumentException when the rectangle leaves the image or is empty
     */
    public static ImageView crop(ImageView v, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > v.width() || y + h > v.height()) {
            throw new IllegalArgumentException("crop " + x + "," + y + " " + w + "x" + h + " outside "
                    + v.width() + "x" + v.height());
        }
        int start = v.offset(x, y);
        int len = v.stride() * (h - 1) + 3 * w;
        return new ImageView(w, h, v.stride(), v.pixels(x, y, x + w, y + h).slice(start, len));
    }

    /** A packed copy (stride = 3 * width) on the Java heap, independent of the source's lifetime. */
    public static ImageView copy(ImageView v) {
        return copy(v, null);
    }

    /**
     * Like {@link #copy(ImageView)}, reusing {@code into}'s pixels when it is an earlier packed heap copy of
     * the same size (no allocation), else allocating.
     *
     * @param into input/output: an earlier copy to overwrite, or null
     */
    public static ImageView copy(ImageView v, ImageView into) {
        int rowBytes = 3 * v.width();
        boolean reuse = into != null && into.width() == v.width() && into.height() == v.height()
                && into.stride() == rowBytes && into.pixels().hasArray() && into.pixels().arrayOffset() == 0
                && into.pixels().array().length == rowBytes * v.height();
        byte[] out = reuse ? into.pixels().array() : new byte[rowBytes * v.height()];
        ByteBuffer src = v.pixels();
        for (int y = 0; y < v.height(); y++) {
            src.get(v.offset(0, y), out, y * rowBytes, rowBytes);
        }
        return new ImageView(v.width(), v.height(), rowBytes, ByteBuffer.wrap(out));
    }

    /** A new black packed image on the heap. */
    public static ImageView blank(int width, int height) {
        return new ImageView(width, height, 3 * width, ByteBuffer.wrap(new byte[3 * width * height]));
    }
}
