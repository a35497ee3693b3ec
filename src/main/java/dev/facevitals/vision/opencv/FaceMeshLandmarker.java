package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import dev.facevitals.vision.Affine;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceMesh;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.MeshCrop;
import dev.facevitals.vision.ModelSource;
import java.nio.DoubleBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * MediaPipe face mesh (468 points) through OpenCV DNN. The crop is cut by one affine warp (rotation, scale,
 * border) into a 192x192 RGB input in [0, 1]; the model answers in input pixels, mapped back here.
 */
public final class FaceMeshLandmarker implements FaceLandmarker {

    public static final int INPUT_SIZE = 192;

    private final Net net;
    private final MatViews views = new MatViews();
    private final Mat input = new Mat(INPUT_SIZE, INPUT_SIZE, CV_8UC3);
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final Mat blob = new Mat();
    private final MatVector outs = new MatVector();
    private final StringVector outNames;
    private final Size inputSize = new Size(INPUT_SIZE, INPUT_SIZE);
    private final Scalar zero = new Scalar(0, 0, 0, 0);
    private final float[] raw = new float[FaceMesh.POINTS * 3];
    private final float[] flag = new float[1];

    public FaceMeshLandmarker(ModelSource model) {
        this(DnnNets.load(model));
    }

    /** Takes ownership of a loaded network. */
    FaceMeshLandmarker(Net net) {
        this.net = net;
        String[] names = DnnNets.outputNames(net);
        // the landmark tensor is the 1404-wide one; the other is the face-presence logit
        this.outNames = names.length == 2 ? new StringVector(names[0], names[1]) : new StringVector(names);
    }

    public static FaceMeshLandmarker bundled() {
        return new FaceMeshLandmarker(ModelSource.bundled(ModelSource.FACE_MESH));
    }

    @Override
    public FaceMesh landmarks(ImageView image, MeshCrop crop) {
        Affine toInput = crop.toInput(INPUT_SIZE);
        DoubleBuffer m = affine.createBuffer();
        m.put(toInput.a()).put(toInput.b()).put(toInput.c()).put(toInput.d()).put(toInput.e()).put(toInput.f());
        try (Mat src = views.open(image)) {
            warpAffine(src, input, affine, inputSize, INTER_LINEAR, BORDER_CONSTANT, zero);
        }
        blobFromImage(input, blob, 1 / 255.0, inputSize, zero, true, false, CV_32F);
        net.setInput(blob);
        net.forward(outs, outNames);
        Mat a = outs.get(0);
        Mat b = outs.get(1);
        Mat points = a.total() >= raw.length ? a : b;
        Mat presence = points == a ? b : a;
        BlazeFaceDetector.read(points, raw);
        BlazeFaceDetector.read(presence, flag);

        Affine back = toInput.inverse();
        double zScale = 1 / toInput.scale();
        float[] xs = new float[FaceMesh.POINTS];
        float[] ys = new float[FaceMesh.POINTS];
        float[] zs = new float[FaceMesh.POINTS];
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            double u = raw[3 * i];
            double v = raw[3 * i + 1];
            xs[i] = (float) back.applyX(u, v);
            ys[i] = (float) back.applyY(u, v);
            zs[i] = (float) (raw[3 * i + 2] * zScale);
        }
        double p = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, flag[0]))));
        return new FaceMesh(xs, ys, zs, p);
    }

    @Override
    public void close() {
        net.close();
        views.close();
        input.close();
        affine.close();
        blob.close();
        outs.close();
        outNames.close();
        inputSize.close();
        zero.close();
    }
}
