package dev.facevitals.video;

/**
 * Which columns of each row of a frame are ready: one span {@code [lo, hi)} per row, widened to take in what a
 * request asks for (a gap between the span and the request is filled too, so the span stays one piece). Pure
 * Java; one per frame source, cleared for each frame.
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

    private static void set(int[] out, int x0, int y0, int x1, int y1) {
        out[0] = x0;
        out[1] = y0;
        out[2] = x1;
        out[3] = y1;
    }
}
