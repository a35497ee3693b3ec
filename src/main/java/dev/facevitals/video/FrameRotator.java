package dev.facevitals.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import dev.facevitals.vision.ImageView;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Rotates BGR frames by a multiple of 90 degrees clockwise from one fixed buffer into another, both
 * allocated once. The output is a JVM-owned direct buffer, like {@link BgrConverter}'s.
 */
final class FrameRotator implements AutoCloseable {

    private final int code;
    private final BytePointer srcPointer;
    private final BytePointer dstPointer;
    private final Mat src;
    private final Mat dst;
    private final ImageView view;
    private final ByteBuffer out;

    /**
     * @param source    input pixels, {@code width x height}, {@code sourceStride} bytes per row
     * @param degreesCw 90, 180 or 270
     */
    FrameRotator(ByteBuffer source, int width, int height, int sourceStride, int degreesCw) {
        code = switch (degreesCw) {
            case 90 -> ROTATE_90_CLOCKWISE;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("rotation " + degreesCw);
        };
        int outWidth = degreesCw == 180 ? width : height;
        int outHeight = degreesCw == 180 ? height : width;
        int outStride = (outWidth * 3 + 63) / 64 * 64;
        out = ByteBuffer.allocateDirect(outStride * outHeight + 64).alignedSlice(64);
        srcPointer = new BytePointer(source);
        dstPointer = new BytePointer(out);
        src = new Mat(height, width, CV_8UC3, srcPointer, sourceStride);
        dst = new Mat(outHeight, outWidth, CV_8UC3, dstPointer, outStride);
        view = new ImageView(outWidth, outHeight, outStride, out.asReadOnlyBuffer());
    }

    /** Rotates the current source pixels into {@link #view()}; the destination is never reallocated. */
    void rotate() {
        opencv_core.rotate(src, dst, code);
    }

    ImageView view() {
        return view;
    }

    /** The upright pixels {@link #view()} shows, writable (HDR frames are mapped straight into it). */
    ByteBuffer buffer() {
        return out;
    }

    @Override
    public void close() {
        src.close();
        dst.close();
        srcPointer.close();
        dstPointer.close();
    }
}
