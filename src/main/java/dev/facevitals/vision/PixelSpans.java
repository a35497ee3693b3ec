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
    /** Bounding box {@code [minX, maxX) x [minY, maxY)}; empty (all zero) without pixels. */
    private final int minX;
    private final int minY;
    private final int maxX;
    private final int maxY;

    private PixelSpans(int[] rows, int[] starts, int[] ends) {
        this.rows = rows;
        this.starts = starts;
        this.ends = ends;
        int p = 0;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int i = 0; i < rows.length; i++) {
            p += ends[i] - starts[i];
            if (ends[i] > starts[i]) {
                x0 = Math.min(x0, starts[i]);
                x1 = Math.max(x1, ends[i]);
                y0 = Math.min(y0, rows[i]);
                y1 = Math.max(y1, rows[i] + 1);
            }
        }
        this.pixels = p;
        boolean empty = x0 == Integer.MAX_VALUE;
        this.minX = empty ? 0 : x0;
        this.minY = empty ? 0 : y0;
        this.maxX = empty ? 0 : x1;
        this.maxY = empty ? 0 : y1;
    }

    /** Left edge of the bounding box (inclusive); 0 without pixels. */
    public int minX() {
        return minX;
    }

    /** Top edge of the bounding box (inclusive); 0 without pixels. */
    public int minY() {
        return minY;
    }

    /** Right edge of the bounding box (exclusive); 0 without pixels. */
    public int maxX() {
        return maxX;
    }

    /** Bottom edge of the bounding box (exclusive); 0 without pixels. */
    public int maxY() {
        return maxY;
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

    /**
     * Splits the pixels into a {@code cols x rows} grid of patches over their bounding box (equal-width
     * columns, equal-height rows, cell edges rounded down to whole pixels); row-major from the top left. A cell
     * the pixels do not reach is an empty set. The patches partition the pixels.
     */
    public PixelSpans[] grid(int cols, int rows) {
        if (cols < 1 || rows < 1) {
            throw new IllegalArgumentException("grid needs at least one column and row");
        }
        PixelSpans[] out = new PixelSpans[cols * rows];
        if (this.rows.length == 0) {
            Arrays.fill(out, this);
            return out;
        }
        int y0 = Integer.MAX_VALUE;
        int y1 = Integer.MIN_VALUE;
        int x0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        for (int i = 0; i < this.rows.length; i++) {
            y0 = Math.min(y0, this.rows[i]);
            y1 = Math.max(y1, this.rows[i] + 1);
            x0 = Math.min(x0, starts[i]);
            x1 = Math.max(x1, ends[i]);
        }
        int[] edge = new int[cols + 1];
        for (int c = 0; c <= cols; c++) {
            edge[c] = x0 + (int) ((long) (x1 - x0) * c / cols);
        }
        Builder[] b = new Builder[cols * rows];
        for (int k = 0; k < b.length; k++) {
            b[k] = new Builder();
        }
        long h = y1 - y0;
        for (int i = 0; i < this.rows.length; i++) {
            int r = (int) ((long) (this.rows[i] - y0) * rows / h);
            for (int c = 0; c < cols; c++) {
                int s = Math.max(starts[i], edge[c]);
                int e = Math.min(ends[i], edge[c + 1]);
                if (e > s) {
                    b[r * cols + c].add(this.rows[i], s, e);
                }
            }
        }
        for (int k = 0; k < b.length; k++) {
            out[k] = b[k].build();
        }
        return out;
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
