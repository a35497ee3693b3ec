package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facevitals.vision.Box;
import dev.facevitals.vision.Detections;
import dev.facevitals.vision.Face;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ModelSource;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * The faceplugin {@code fr_detect.onnx} detector (an Ultra-Light-Fast RFB-style SSD: 320x240 RGB input,
 * (x - 127) / 128, 4,420 priors already decoded inside the graph into corner boxes in [0, 1]). Boxes only, no
 * keypoints. The image is stretched to 320x240 as the package's own script does. Its weights come from a
 * vendor with unclear provenance: kept as an alternative, not the default.
 */
public final class UltraFaceDetector implements FaceDetector {

    public static final int INPUT_WIDTH = 320;
    public static final int INPUT_HEIGHT = 240;
    static final int PRIORS = 4420;

    private final Net net;
    private final double minScore;
    private final double nmsIou;
    private final MatViews views = new MatViews();
    private final Mat input = new Mat(INPUT_HEIGHT, INPUT_WIDTH, CV_8UC3);
    private final Mat blob = new Mat();
    private final MatVector outs = new MatVector();
    private final StringVector outNames = new StringVector("scores", "boxes");
    private final Size inputSize = new Size(INPUT_WIDTH, INPUT_HEIGHT);
    private final Scalar mean = new Scalar(127, 127, 127, 0);
    private final float[] scores = new float[PRIORS * 2];
    private final float[] boxes = new float[PRIORS * 4];

    public UltraFaceDetector(ModelSource model, double minScore, double nmsIou) {
        this.net = DnnNets.load(model);
        this.minScore = minScore;
        this.nmsIou = nmsIou;
    }

    /** The bundled model with the package's thresholds (score 0.65, NMS overlap 0.4). */
    public static UltraFaceDetector bundled() {
        return new UltraFaceDetector(ModelSource.bundled(ModelSource.FR_DETECT), 0.65, 0.4);
    }

    @Override
    public List<Face> detect(ImageView image) {
        try (Mat src = views.open(image)) {
            boolean shrink = image.width() > INPUT_WIDTH || image.height() > INPUT_HEIGHT;
            resize(src, input, inputSize, 0, 0, shrink ? INTER_AREA : INTER_LINEAR);
        }
        blobFromImage(input, blob, 1 / 128.0, inputSize, mean, true, false, CV_32F);
        net.setInput(blob);
        net.forward(outs, outNames);
        BlazeFaceDetector.read(outs.get(0), scores);
        BlazeFaceDetector.read(outs.get(1), boxes);
        List<Face> raw = new ArrayList<>();
        double w = image.width();
        double h = image.height();
        for (int i = 0; i < PRIORS; i++) {
            double s = scores[2 * i + 1];
            if (s < minScore) {
                continue;
            }
            int o = 4 * i;
            Box b = Box.fromCorners(boxes[o] * w, boxes[o + 1] * h, boxes[o + 2] * w, boxes[o + 3] * h);
            if (b.area() > 0) {
                raw.add(new Face(b, s, List.of()));
            }
        }
        return Detections.weightedNms(raw, nmsIou);
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
    }
}
