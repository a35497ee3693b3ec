package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import dev.facevitals.vision.ImageHeader;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.ImageView;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded JPEG or PNG as packed BGR pixels. The header is checked before decoding (format, dimensions
 * within {@link #DEFAULT_MAX_PIXELS}); EXIF orientation is applied. The {@link #view()} stays valid until
 * {@link #close()}.
 */
public final class OpenCvImage implements AutoCloseable {

    /** 40 megapixels: more than any phone snapshot; a bigger header is refused before decoding. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final Mat mat;
    private final ImageView view;

    private OpenCvImage(Mat mat) {
        this.mat = mat;
        ByteBuffer pixels = mat.data().capacity(mat.step() * mat.rows()).asByteBuffer();
        this.view = new ImageView(mat.cols(), mat.rows(), (int) mat.step(), pixels);
    }

    public static OpenCvImage decode(byte[] bytes) {
        return decode(bytes, DEFAULT_MAX_PIXELS);
    }

    /**
     * @param bytes     input: the whole JPEG or PNG file
     * @param maxPixels input: largest width * height accepted
     * @throws ImageRejectedException for empty, non-JPEG/PNG, corrupt or oversized images
     */
    public static OpenCvImage decode(byte[] bytes, long maxPixels) {
        ImageHeader header = ImageHeader.read(bytes);
        if (header.pixels() > maxPixels) {
            throw new ImageRejectedException("image " + header.width() + "x" + header.height()
                    + " exceeds the limit of " + maxPixels + " pixels");
        }
        Mat decoded;
        try (Mat raw = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
            raw.data().put(bytes);
            decoded = imdecode(raw, IMREAD_COLOR);
        }
        if (decoded == null || decoded.empty() || decoded.type() != CV_8UC3) {
            if (decoded != null) {
                decoded.close();
            }
            throw new ImageRejectedException("corrupt or truncated " + header.format() + " image");
        }
        // a JPEG may carry a rotation; the decoded size then differs from the header only by a transpose
        long decodedPixels = (long) decoded.cols() * decoded.rows();
        if (decodedPixels != header.pixels()) {
            decoded.close();
            throw new ImageRejectedException("decoded size differs from the image header");
        }
        return new OpenCvImage(decoded);
    }

    /** A copy of a view as a new image (for tests and tools). */
    public static OpenCvImage copyOf(ImageView v) {
        Mat m = new Mat(v.height(), v.width(), CV_8UC3);
        BytePointer dst = m.data();
        byte[] row = new byte[3 * v.width()];
        for (int y = 0; y < v.height(); y++) {
            v.pixels().get(v.offset(0, y), row, 0, row.length);
            dst.position(y * m.step()).put(row, 0, row.length);
        }
        dst.position(0);
        return new OpenCvImage(m);
    }

    public ImageView view() {
        return view;
    }

    public int width() {
        return view.width();
    }

    public int height() {
        return view.height();
    }

    /** Encodes to {@code .png} or {@code .jpg} (by extension) bytes. */
    public byte[] encode(String extension) {
        try (BytePointer out = new BytePointer()) {
            if (!imencode(extension, mat, out)) {
                throw new IllegalStateException("cannot encode " + extension);
            }
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }

    @Override
    public void close() {
        mat.close();
    }
}
