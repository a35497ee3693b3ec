package dev.facevitals.video;

import java.nio.ByteBuffer;

/**
 * Which columns of each row of a frame are ready: one span {@code [lo, hi)} per row, widened to take in what a
 * request asks for (a gap between the span and the request is filled too, so the span stays one piece); and
 * the geometry of a display rotation between the stored frame and the upright one. Pure Java; one per frame
 * source, cleared for each frame.
 */
final class RowSpans {

    /** Makes columns {@code [x0, x1)} of a row ready. */
    @FunctionalInterface
    interface Filler {
        void fill(int row, int x0, int x1);
    }

    private final int[] lo;
    private final int[] hi;

    RowSpans(int rows) {
        lo = new int[rows];
        hi = new int[rows];
    }

    /** Nothing is ready. */
    void clear() {
        java.util.Arrays.fill(lo, 0);
        java.util.Arrays.fill(hi, 0);
    }

    /** Makes columns {@code [x0, x1)} of rows {@code [y0, y1)} ready through {@code filler}, each column once. */
    void cover(int x0, int y0, int x1, int y1, Filler filler) {
        if (x0 >= x1) {
            return;
        }
        for (int y = y0; y < y1; y++) {
            int a = lo[y];
            int b = hi[y];
            if (a == b) {
                filler.fill(y, x0, x1);
                lo[y] = x0;
                hi[y] = x1;
                continue;
            }
            if (x0 < a) {
                filler.fill(y, x0, a);
                lo[y] = x0;
            }
            if (x1 > b) {
                filler.fill(y, b, x1);
                hi[y] = x1;
            }
        }
    }

    /**
     * The stored frame's rectangle under an upright one: {@code out} = stored {@code x0, y0, x1, y1}, clipped to
     * the stored {@code width x height}, for a display rotation of 0, 90, 180 or 270 degrees clockwise.
     */
    static void storedRect(int rotation, int width, int height, int x0, int y0, int x1, int y1, int[] out) {
        switch (rotation) {
            case 90 -> set(out, y0, height - x1, y1, height - x0);
            case 180 -> set(out, width - x1, height - y1, width - x0, height - y0);
            case 270 -> set(out, width - y1, x0, width - y0, x1);
            default -> set(out, x0, y0, x1, y1);
        }
        out[0] = Math.max(0, out[0]);
        out[1] = Math.max(0, out[1]);
        out[2] = Math.min(width, out[2]);
        out[3] = Math.min(height, out[3]);
    }

    /**
     * Writes {@code n} BGR pixels of stored row {@code y}, from column {@code x0}, where the upright frame has
     * them, for a display rotation of 0, 90, 180 or 270 degrees clockwise.
     *
     * @param bgr    input, {@code 3 * n} bytes
     * @param width  stored width
     * @param height stored height
     * @param out    output, the upright frame, {@code stride} bytes a row
     */
    static void putUpright(byte[] bgr, int n, int y, int x0, int rotation, int width, int height, ByteBuffer out,
                           int stride) {
        if (rotation == 0) {
            out.put(y * stride + 3 * x0, bgr, 0, 3 * n);
            return;
        }
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            int x = x0 + i;
            int o = switch (rotation) {
                // stored (x, y) is upright (height-1-y, x) at 90, (width-1-x, height-1-y) at 180, (y, width-1-x)
                // at 270
                case 90 -> x * stride + 3 * (height - 1 - y);
                case 180 -> (height - 1 - y) * stride + 3 * (width - 1 - x);
                default -> (width - 1 - x) * stride + 3 * y;
            };
            out.put(o, bgr[k]);
            out.put(o + 1, bgr[k + 1]);
            out.put(o + 2, bgr[k + 2]);
        }
    }

    private static void set(int[] out, int x0, int y0, int x1, int y1) {
        out[0] = x0;
        out[1] = y0;
        out[2] = x1;
        out[3] = y1;
    }
}
