package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import dev.facevitals.vision.Affine;
import dev.facevitals.vision.Embeddings;
import dev.facevitals.vision.FaceAlignment;
import dev.facevitals.vision.FaceEmbedder;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ModelSource;
import java.nio.DoubleBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * An ArcFace-style embedder ({@code fr_feature.onnx}: 112x112 RGB, (x - 127) / 128, one vector out). The face
 * is warped onto the template by one affine map; the output is L2-normalised.
 */
public final class ArcFaceEmbedder implements FaceEmbedder {

    private static final int S = FaceAlignment.CROP_SIZE;

    private final Net net;
    private final MatViews views = new MatViews();
    private final Mat crop = new Mat(S, S, CV_8UC3);
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final Mat blob = new Mat();
    private final Size size = new Size(S, S);
    private final Scalar mean = new Scalar(127, 127, 127, 0);
    private final Scalar black = new Scalar(0, 0, 0, 0);

    public ArcFaceEmbedder(ModelSource model) {
        this(DnnNets.load(model));
    }

    ArcFaceEmbedder(Net net) {
        this.net = net;
    }

    @Override
    public float[] embed(ImageView image, Affine toCrop) {
        DoubleBuffer m = affine.createBuffer();
        m.put(toCrop.a()).put(toCrop.b()).put(toCrop.c()).put(toCrop.d()).put(toCrop.e()).put(toCrop.f());
        try (Mat src = views.open(image)) {
            warpAffine(src, crop, affine, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        blobFromImage(crop, blob, 1 / 128.0, size, mean, true, false, CV_32F);
        net.setInput(blob);
        try (Mat out = net.forward()) {
            float[] v = new float[(int) out.total()];
            BlazeFaceDetector.read(out, v);
            return Embeddings.normalized(v);
        }
    }

    @Override
    public void close() {
        net.close();
        views.close();
        crop.close();
        affine.close();
        blob.close();
        size.close();
        mean.close();
        black.close();
    }
}
