package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facevitals.vision.Affine;
import dev.facevitals.vision.BlazeFaceDecoder;
import dev.facevitals.vision.Face;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ModelSource;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_core.StringVector;

/**
 * MediaPipe BlazeFace short range through OpenCV DNN: the whole image letterboxed to 128x128. Made for faces
 * that fill a good part of the frame (selfies); for small faces in big photos wrap it in a
 * {@link dev.facevitals.vision.TilingFaceDetector}. Native buffers are allocated once per instance.
 */
public final class BlazeFaceDetector implements FaceDetector {

    private static final int N = BlazeFaceDecoder.INPUT_SIZE;

    private final Net net;
    private final BlazeFaceDecoder decoder;
    private final MatViews views = new MatViews();
    private final Mat input = new Mat(N, N, CV_8UC3);
    private final Mat blob = new Mat();
    private final MatVector outs = new MatVector();
    private final StringVector outNames = new StringVector("regressors", "classificators");
    private final Size inputSize = new Size(N, N);
    private final Scalar mean = new Scalar(127.5, 127.5, 127.5, 0);
    private final Scalar black = new Scalar(0, 0, 0, 0);
    private final float[] regressors = new float[BlazeFaceDecoder.ANCHORS * BlazeFaceDecoder.VALUES];
    private final float[] logits = new float[BlazeFaceDecoder.ANCHORS];

    public BlazeFaceDetector(ModelSource model, double minScore, double nmsIou) {
        this(DnnNets.load(model), minScore, nmsIou);
    }

    /** Takes ownership of a loaded network. */
    BlazeFaceDetector(Net net, double minScore, double nmsIou) {
        try {
            this.decoder = new BlazeFaceDecoder(minScore, nmsIou);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        this.net = net;
    }

    /** The bundled model with MediaPipe's thresholds (score 0.5, NMS overlap 0.3). */
    public static BlazeFaceDetector bundled() {
        return new BlazeFaceDetector(ModelSource.bundled(ModelSource.BLAZEFACE_SHORT_RANGE), 0.5, 0.3);
    }

    @Override
    public List<Face> detect(ImageView image) {
        Affine toInput = BlazeFaceDecoder.letterbox(image.width(), image.height());
        int w = (int) Math.round(image.width() * toInput.a());
        int h = (int) Math.round(image.height() * toInput.e());
        input.put(black);
        try (Mat src = views.open(image);
             Rect r = new Rect((int) toInput.c(), (int) toInput.f(), w, h);
             Mat roi = input.apply(r);
             Size size = new Size(w, h)) {
            // area averaging when shrinking avoids aliasing that hides faces in big photos
            resize(src, roi, size, 0, 0, w < image.width() ? INTER_AREA : INTER_LINEAR);
        }
        blobFromImage(input, blob, 1 / 127.5, inputSize, mean, true, false, CV_32F);
        net.setInput(blob);
        net.forward(outs, outNames);
        read(outs.get(0), regressors);
        read(outs.get(1), logits);
        return decoder.decode(regressors, logits, toInput.inverse());
    }

    static void read(Mat m, float[] into) {
        FloatBuffer fb = m.createBuffer();
        if (fb.remaining() < into.length) {
            throw new IllegalStateException("model output has " + fb.remaining() + " values, expected " + into.length);
        }
        fb.get(into);
    }

    @Override
    public void close() {
        net.close();
        views.close();
        input.close();
        blob.close();
        outs.close();
        outNames.close();
        inputSize.close();
        mean.close();
        black.close();
    }
}
