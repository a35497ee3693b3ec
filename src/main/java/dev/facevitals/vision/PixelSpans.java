package dev.facevitals.vision;

import java.util.Arrays;

/**
 * A set of pixels stored as horizontal runs {@code [start, end)} on row {@code row}: the form the per-frame
 * samplers iterate fastest. Coordinates may lie outside an image; users clip.
 */
public final class PixelSpans {

    private final int[] rows;
    private final int[] starts;
    private final int[] ends;
    private final int pixels;

    private PixelSpans(int[] rows, int[] starts, int[] ends) {
        this.rows = rows;
        this.starts = starts;
        this.ends = ends;
        int p = 0;
        for (int i = 0; i < rows.length; i++) {
            p += ends[i] - starts[i];
        }
        this.pixels = p;
    }

    public int spans() {
        return rows.length;
    }

    public int row(int i) {
        return rows[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** Pixel count before any clipping. */
    public int pixels() {
        return pixels;
    }

    /** How many of the pixels, shifted by (dx, dy), fall inside a {@code width x height} image. */
    public int pixelsInside(int dx, int dy, int width, int height) {
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            int y = rows[i] + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            int x0 = Math.max(0, starts[i] + dx);
            int x1 = Math.min(width, ends[i] + dx);
            n += Math.max(0, x1 - x0);
        }
        return n;
    }

    static final class Builder {
        private int[] rows = new int[64];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int n;

        void add(int row, int start, int end) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, 2 * n);
                starts = Arrays.copyOf(starts, 2 * n);
                ends = Arrays.copyOf(ends, 2 * n);
            }
            rows[n] = row;
            starts[n] = start;
            ends[n] = end;
            n++;
        }

        PixelSpans build() {
            return new PixelSpans(Arrays.copyOf(rows, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
