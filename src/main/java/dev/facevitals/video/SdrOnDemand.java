package dev.facevitals.video;

import dev.facevitals.vision.PixelDemand;
import java.nio.ByteBuffer;

/**
 * An SDR frame made ready where it is read: the stored frame is converted by swscale in bands of
 * {@link BgrConverter#BAND} rows ({@link BgrConverter#convertBand}), each once, and, for a video with a display
 * rotation, the stored pixels asked for are turned into the upright frame in Java, each once. Byte for byte what
 * converting and turning the whole frame gives there (docs/vitals.md, "Stop 23"). Not thread-safe: one per
 * video.
 */
final class SdrOnDemand implements PixelDemand {

    private final BgrConverter converter;
    private final int rotation;
    private final int width;
    private final int height;
    private final ByteBuffer stored;
    private final int storedStride;
    private final ByteBuffer upright;
    private final int uprightStride;
    private final boolean[] converted;
    private final RowSpans turned;
    private final RowSpans.Filler turner = this::turn;
    private final int[] rect = new int[4];
    private final byte[] row;
    private boolean complete;

    /**
     * @param converter     converts the stored frame's bands into {@code stored}
     * @param rotation      clockwise display rotation, 0, 90, 180 or 270
     * @param width         stored width
     * @param height        stored height
     * @param stored        the converter's buffer, {@code storedStride} bytes a row
     * @param upright       output for a rotated video: the upright frame, {@code uprightStride} bytes a row
     *                      (ignored without a rotation: the stored frame is upright)
     */
    SdrOnDemand(BgrConverter converter, int rotation, int width, int height, ByteBuffer stored, int storedStride,
                ByteBuffer upright, int uprightStride) {
        this.converter = converter;
        this.rotation = rotation;
        this.width = width;
        this.height = height;
        this.stored = stored;
        this.storedStride = storedStride;
        this.upright = upright;
        this.uprightStride = uprightStride;
        this.converted = new boolean[converter.bands()];
        this.turned = new RowSpans(height);
        this.row = new byte[3 * width];
    }

    /** Takes a new frame ({@link BgrConverter#bandable}); nothing is converted until asked for. */
    void load(org.bytedeco.ffmpeg.avutil.AVFrame frame) throws VideoException {
        converter.beginBands(frame);
        java.util.Arrays.fill(converted, false);
        turned.clear();
        complete = false;
    }

    @Override
    public void need(int x0, int y0, int x1, int y1) {
        if (complete) {
            return;
        }
        RowSpans.storedRect(rotation, width, height, x0, y0, x1, y1, rect);
        if (rect[0] >= rect[2] || rect[1] >= rect[3]) {
            return;
        }
        for (int b = rect[1] / BgrConverter.BAND; b <= (rect[3] - 1) / BgrConverter.BAND; b++) {
            if (!converted[b]) {
                try {
                    converter.convertBand(b);
                } catch (VideoException e) {
                    throw new VideoException.Unchecked(e);
                }
                converted[b] = true;
            }
        }
        if (rotation != 0) {
            turned.cover(rect[0], rect[1], rect[2], rect[3], turner);
        }
        if (x0 == 0 && y0 == 0 && x1 >= (rotation % 180 == 0 ? width : height)
                && y1 >= (rotation % 180 == 0 ? height : width)) {
            complete = true;
        }
    }

    /** Turns stored row {@code y}, columns {@code [x0, x1)}, into the upright frame. */
    private void turn(int y, int x0, int x1) {
        int n = x1 - x0;
        stored.get(y * storedStride + 3 * x0, row, 0, 3 * n);
        RowSpans.putUpright(row, n, y, x0, rotation, width, height, upright, uprightStride);
    }
}
