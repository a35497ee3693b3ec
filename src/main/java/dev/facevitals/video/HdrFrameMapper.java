package dev.facevitals.video;

import dev.facevitals.vision.PixelDemand;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/**
 * Maps one HDR frame, stored as planar Y'CbCr of 10 or 12 bits, to upright SDR BGR ({@link HdrToSdr}), pixel
 * rows only where they are asked for ({@link #need}): the face tracker and the skin sampler read the face on
 * most frames, so a scan maps about the face instead of the whole frame (docs/vitals.md, "Stop 23"). Each
 * stored row remembers the span of columns already mapped for the current frame; a request maps what is
 * missing and widens the span. A display rotation is applied on the way: the pixels are written where the
 * upright frame has them.
 *
 * <p>Per pixel: Y'CbCr to R'G'B' by the video's matrix (BT.2020's, BT.709's or BT.601's, limited or full
 * range), each 2 x 2 block (4:2:0) or pair (4:2:2) taking its chroma sample as it is, then {@link HdrToSdr}.
 * Pure Java over buffers the caller points at the decoder's planes. Not thread-safe: one per video.
 */
final class HdrFrameMapper implements PixelDemand {

    /** The matrices of the luma weights (Kr, Kb) this mapper knows. */
    enum Matrix {
        BT2020(0.2627, 0.0593), BT709(0.2126, 0.0722), BT601(0.299, 0.114);

        final double kr;
        final double kb;

        Matrix(double kr, double kb) {
            this.kr = kr;
            this.kb = kb;
        }
    }

    /** Steps of {@link HdrToSdr}'s input table over the signal [0, 1]. */
    private static final int STEPS = HdrToSdr.IN_STEPS;

    private final HdrToSdr map;
    private final int width;
    private final int height;
    private final int shiftX;
    private final int shiftY;
    private final int rotation;
    private final ByteBuffer out;
    private final int outStride;

    /** Y' = (code - yOffset) * yScale; C = (code - cOffset) * cScale; both scaled to table steps. */
    private final float yOffset;
    private final float yScale;
    private final float cOffset;
    private final float cScale;
    private final float crToR;
    private final float cbToG;
    private final float crToG;
    private final float cbToB;

    /** Per stored row, the mapped columns of the current frame. */
    private final RowSpans spans;
    private final RowSpans.Filler mapper = this::mapRow;
    private final int[] rect = new int[4];
    private boolean complete;
    /** Pixels mapped since the mapper was made. */
    private long mapped;

    private ShortBuffer yPlane;
    private ShortBuffer cbPlane;
    private ShortBuffer crPlane;
    private int yStride;
    private int cStride;

    private final short[] yRow;
    private final short[] cbRow;
    private final short[] crRow;
    private final int[] rIdx;
    private final int[] gIdx;
    private final int[] bIdx;
    private final byte[] bgr;

    /**
     * @param map       the transfer's mapping
     * @param matrix    the video's Y'CbCr matrix
     * @param fullRange whether codes span the whole range (else BT.2100's narrow range)
     * @param bits      bit depth of the codes (10 or 12)
     * @param shiftX    chroma subsampling, log2 (1 for 4:2:0 and 4:2:2, 0 for 4:4:4)
     * @param shiftY    as shiftX, vertically (1 for 4:2:0)
     * @param width     stored width
     * @param height    stored height
     * @param rotation  clockwise display rotation, 0, 90, 180 or 270
     * @param out       output: the upright BGR frame, {@code outStride} bytes a row
     * @param outStride output row stride, bytes
     */
    HdrFrameMapper(HdrToSdr map, Matrix matrix, boolean fullRange, int bits, int shiftX, int shiftY, int width,
                   int height, int rotation, ByteBuffer out, int outStride) {
        if (bits < 9 || bits > 16 || shiftX < 0 || shiftX > 1 || shiftY < 0 || shiftY > 1) {
            throw new IllegalArgumentException("bits " + bits + ", chroma shifts " + shiftX + "," + shiftY);
        }
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation " + rotation);
        }
        this.map = map;
        this.width = width;
        this.height = height;
        this.shiftX = shiftX;
        this.shiftY = shiftY;
        this.rotation = rotation;
        this.out = out;
        this.outStride = outStride;
        double unit = 1 << (bits - 8);
        double max = (1 << bits) - 1;
        yOffset = fullRange ? 0 : (float) (16 * unit);
        yScale = (float) (STEPS / (fullRange ? max : 219 * unit));
        cOffset = (float) (128 * unit);
        cScale = (float) (STEPS / (fullRange ? max : 224 * unit));
        double kr = matrix.kr;
        double kb = matrix.kb;
        double kg = 1 - kr - kb;
        crToR = (float) (2 * (1 - kr));
        cbToB = (float) (2 * (1 - kb));
        cbToG = (float) (2 * kb * (1 - kb) / kg);
        crToG = (float) (2 * kr * (1 - kr) / kg);
        spans = new RowSpans(height);
        int cw = (width + (1 << shiftX) - 1) >> shiftX;
        yRow = new short[width];
        cbRow = new short[cw];
        crRow = new short[cw];
        rIdx = new int[width];
        gIdx = new int[width];
        bIdx = new int[width];
        bgr = new byte[3 * width];
    }

    /**
     * Points the mapper at a new frame's planes; nothing is mapped until asked for. Strides in samples.
     */
    void load(ShortBuffer y, int yStride, ShortBuffer cb, ShortBuffer cr, int cStride) {
        this.yPlane = y;
        this.cbPlane = cb;
        this.crPlane = cr;
        this.yStride = yStride;
        this.cStride = cStride;
        spans.clear();
        complete = false;
    }

    /** Maps the whole frame. */
    void mapAll() {
        if (!complete) {
            spans.cover(0, 0, width, height, mapper);
            complete = true;
        }
    }

    /** Pixels mapped since the mapper was made (each at most once a frame). */
    long mapped() {
        return mapped;
    }

    /** Width of the upright frame. */
    int uprightWidth() {
        return rotation == 90 || rotation == 270 ? height : width;
    }

    /** Height of the upright frame. */
    int uprightHeight() {
        return rotation == 90 || rotation == 270 ? width : height;
    }

    /** Maps the upright frame's rectangle {@code [x0, x1) x [y0, y1)} where it is not mapped yet. */
    @Override
    public void need(int x0, int y0, int x1, int y1) {
        if (complete) {
            return;
        }
        RowSpans.storedRect(rotation, width, height, x0, y0, x1, y1, rect);
        spans.cover(rect[0], rect[1], rect[2], rect[3], mapper);
    }

    /** Maps stored row {@code y}, columns {@code [x0, x1)}, into the upright output. */
    private void mapRow(int y, int x0, int x1) {
        int n = x1 - x0;
        mapped += n;
        yPlane.get(y * yStride + x0, yRow, 0, n);
        int c0 = x0 >> shiftX;
        int c1 = ((x1 - 1) >> shiftX) + 1;
        int cy = (y >> shiftY) * cStride;
        cbPlane.get(cy + c0, cbRow, 0, c1 - c0);
        crPlane.get(cy + c0, crRow, 0, c1 - c0);
        int last = STEPS - 1;
        for (int i = 0; i < n; i++) {
            int c = ((x0 + i) >> shiftX) - c0;
            float l = ((yRow[i] & 0xffff) - yOffset) * yScale;
            float cb = ((cbRow[c] & 0xffff) - cOffset) * cScale;
            float cr = ((crRow[c] & 0xffff) - cOffset) * cScale;
            int r = (int) (l + crToR * cr);
            int g = (int) (l - cbToG * cb - crToG * cr);
            int b = (int) (l + cbToB * cb);
            rIdx[i] = r < 0 ? 0 : Math.min(r, last);
            gIdx[i] = g < 0 ? 0 : Math.min(g, last);
            bIdx[i] = b < 0 ? 0 : Math.min(b, last);
        }
        map.convertRow(rIdx, gIdx, bIdx, bgr, n);
        RowSpans.putUpright(bgr, n, y, x0, rotation, width, height, out, outStride);
    }
}
