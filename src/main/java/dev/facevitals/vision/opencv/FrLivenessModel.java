package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facevitals.vision.Box;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.LivenessFusion;
import dev.facevitals.vision.LivenessModel;
import dev.facevitals.vision.ModelSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * The faceplugin {@code fr_liveness.onnx} classifier, fed as the package's own script feeds it: the face box
 * enlarged 2.7 times (less where the image is smaller), shifted inside the image, resized to 128x128, raw RGB
 * 0-255; softmax over the output, class 0 is "live". Unvalidated alone: one cue among several.
 */
public final class FrLivenessModel implements LivenessModel {

    static final int SIZE = 128;
    static final double SCALE = 2.7;

    private final Net net;
    private final MatViews views = new MatViews();
    private final Mat input = new Mat(SIZE, SIZE, CV_8UC3);
    private final Mat blob = new Mat();
    private final Size size = new Size(SIZE, SIZE);
    private final Scalar zero = new Scalar(0, 0, 0, 0);

    public FrLivenessModel(ModelSource model) {
        this(DnnNets.load(model));
    }

    FrLivenessModel(Net net) {
        this.net = net;
    }

    @Override
    public double live(ImageView image, Box face) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min((h - 1) / Math.max(1.0, face.height()), Math.min((w - 1) / Math.max(1.0, face.width()), SCALE));
        double nw = face.width() * scale;
        double nh = face.height() * scale;
        double x0 = face.centreX() - nw / 2;
        double y0 = face.centreY() - nh / 2;
        x0 = Math.max(0, Math.min(x0, w - 1 - nw));
        y0 = Math.max(0, Math.min(y0, h - 1 - nh));
        int rx = (int) x0;
        int ry = (int) y0;
        int rw = Math.max(1, Math.min((int) nw, w - rx));
        int rh = Math.max(1, Math.min((int) nh, h - ry));
        try (Mat src = views.open(image); Rect r = new Rect(rx, ry, rw, rh); Mat roi = new Mat(src, r)) {
            resize(roi, input, size, 0, 0, INTER_LINEAR);
        }
        blobFromImage(input, blob, 1.0, size, zero, true, false, CV_32F);
        net.setInput(blob);
        try (Mat out = net.forward()) {
            float[] logits = new float[(int) out.total()];
            BlazeFaceDetector.read(out, logits);
            return LivenessFusion.softmax(logits, 0); // class 0 is "live"
        }
    }

    @Override
    public void close() {
        net.close();
        views.close();
        input.close();
        blob.close();
        size.close();
        zero.close();
    }
}
