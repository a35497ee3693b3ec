package dev.facevitals.video.synthetic;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Moves the subject layer (BGR + alpha, whole frame) and the face masks (skin + specular, only around the
 * face, which is all that can be non-zero) by an affine transform, once per frame, with OpenCV. All Mats
 * are allocated once here and released in {@link #close()}.
 */
final class SubjectWarper implements AutoCloseable {

    private final int width;
    private final int height;
    private final int[] restRegion;
    private final Mat subject;
    private final Mat masks;
    private final Mat subjectOut;
    private final Mat masksOut;
    private final Mat affine;
    private final DoubleBuffer affineValues;
    private final Mat regionAffine;
    private final DoubleBuffer regionValues;
    private final ByteBuffer subjectPixels;
    private final ByteBuffer maskPixels;
    private final Size size;
    private final Scalar zero;

    SubjectWarper(FaceScene scene) {
        width = scene.width;
        height = scene.height;
        restRegion = scene.faceRegion.clone();
        subject = new Mat(height, width, CV_8UC4);
        subject.data().put(scene.subject);
        masks = new Mat(height, width, CV_8UC2);
        masks.data().put(scene.faceMasks);
        subjectOut = new Mat(height, width, CV_8UC4);
        masksOut = new Mat(height, width, CV_8UC2);
        affine = new Mat(2, 3, CV_64F);
        affineValues = affine.createBuffer();
        regionAffine = new Mat(2, 3, CV_64F);
        regionValues = regionAffine.createBuffer();
        subjectPixels = subjectOut.createBuffer();
        maskPixels = masksOut.createBuffer();
        size = new Size(width, height);
        zero = new Scalar(0.0);
    }

    /**
     * @param m          forward affine transform, rest pose to frame: {a, b, tx, c, d, ty}
     * @param subjectOut output: the moved subject, B, G, R, alpha per pixel
     * @param masksOut   output: the moved skin and specular weights, two bytes per pixel, valid inside
     *                   {@code region} only
     * @param region     output: x0, y0, x1, y1 (exclusive) of the moved face masks in the frame; empty when
     *                   the face is wholly outside
     */
    void warp(double[] m, byte[] subjectOut, byte[] masksOut, int[] region) {
        for (int i = 0; i < 6; i++) {
            affineValues.put(i, m[i]);
        }
        warpAffine(subject, this.subjectOut, affine, size, INTER_LINEAR, BORDER_REPLICATE, zero);
        subjectPixels.get(0, subjectOut, 0, width * height * 4);

        // Bounding box of the moved face region, one pixel of margin for interpolation.
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double x = (corner & 1) == 0 ? restRegion[0] : restRegion[2];
            double y = (corner & 2) == 0 ? restRegion[1] : restRegion[3];
            double fx = m[0] * x + m[1] * y + m[2];
            double fy = m[3] * x + m[4] * y + m[5];
            minX = Math.min(minX, fx);
            minY = Math.min(minY, fy);
            maxX = Math.max(maxX, fx);
            maxY = Math.max(maxY, fy);
        }
        int x0 = Math.max(0, (int) Math.floor(minX) - 1);
        int y0 = Math.max(0, (int) Math.floor(minY) - 1);
        int x1 = Math.min(width, (int) Math.ceil(maxX) + 2);
        int y1 = Math.min(height, (int) Math.ceil(maxY) + 2);
        if (x1 <= x0 || y1 <= y0) {
            region[0] = region[1] = region[2] = region[3] = 0;
            return;
        }
        region[0] = x0;
        region[1] = y0;
        region[2] = x1;
        region[3] = y1;
        for (int i = 0; i < 6; i++) {
            regionValues.put(i, m[i]);
        }
        regionValues.put(2, m[2] - x0);
        regionValues.put(5, m[5] - y0);
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
             Mat roi = new Mat(this.masksOut, r);
             Size roiSize = new Size(x1 - x0, y1 - y0)) {
            warpAffine(masks, roi, regionAffine, roiSize, INTER_LINEAR, BORDER_CONSTANT, zero);
        }
        for (int y = y0; y < y1; y++) {
            int o = (y * width + x0) * 2;
            maskPixels.get(o, masksOut, o, (x1 - x0) * 2);
        }
    }

    @Override
    public void close() {
        subject.close();
        masks.close();
        subjectOut.close();
        masksOut.close();
        affine.close();
        regionAffine.close();
        size.close();
        zero.close();
    }
}
