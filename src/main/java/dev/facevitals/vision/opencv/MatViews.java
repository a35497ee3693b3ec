package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.facevitals.vision.ImageView;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Puts an {@link ImageView} in front of OpenCV. Direct buffers are wrapped without a copy; heap buffers are
 * copied into one scratch Mat kept for reuse. Owned by one adapter, not thread-safe.
 */
final class MatViews implements AutoCloseable {

    private Mat scratch = new Mat();
    private byte[] row = new byte[0];

    /**
     * A Mat showing the view's pixels. The caller closes it (for a wrapped direct buffer that releases only the
     * header); it is valid only while the view is.
     */
    Mat open(ImageView v) {
        ByteBuffer buf = v.pixels();
        if (buf.isDirect()) {
            BytePointer p = new BytePointer(buf.duplicate().clear());
            return new Mat(v.height(), v.width(), CV_8UC3, p, v.stride());
        }
        scratch.create(v.height(), v.width(), CV_8UC3);
        int rowBytes = 3 * v.width();
        if (row.length < rowBytes) {
            row = new byte[rowBytes];
        }
        BytePointer dst = scratch.data();
        long dstStep = scratch.step();
        for (int y = 0; y < v.height(); y++) {
            buf.get(v.offset(0, y), row, 0, rowBytes);
            dst.position(y * dstStep).put(row, 0, rowBytes);
        }
        dst.position(0);
        // a header sharing scratch's data, so the caller can close what it gets either way
        return new Mat(scratch);
    }

    @Override
    public void close() {
        scratch.close();
    }
}
