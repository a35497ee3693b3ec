package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw outputs of MediaPipe's BlazeFace short-range model into faces. Pure arithmetic, so it is tested
 * on hand-made tensors.
 *
 * <p>The model sees a 128x128 RGB image scaled to [-1, 1] and predicts, for each of 896 fixed anchors, a score
 * logit and 16 regression values: box centre x, y, width, height, then x, y of 6 keypoints, all in input
 * pixels relative to the anchor centre. Anchors (MediaPipe's SSD anchor options for this model: strides 8, 16,
 * 16, 16, fixed size, offset 0.5) collapse to 2 per cell on the 16x16 grid and 6 per cell on the 8x8 grid.
 */
public final class BlazeFaceDecoder {

    public static final int INPUT_SIZE = 128;
    public static final int ANCHORS = 896;
    public static final int VALUES = 16;
    static final int KEYPOINTS = 6;
    // MediaPipe clips logits to +-100 before the sigmoid
    private static final double LOGIT_CLIP = 100;

    private static final float[] ANCHOR_X = new float[ANCHORS];
    private static final float[] ANCHOR_Y = new float[ANCHORS];

    static {
        int k = 0;
        int[] grid = {16, 8};
        int[] perCell = {2, 6};
        for (int g = 0; g < grid.length; g++) {
            for (int y = 0; y < grid[g]; y++) {
                for (int x = 0; x < grid[g]; x++) {
                    for (int p = 0; p < perCell[g]; p++) {
                        ANCHOR_X[k] = (x + 0.5f) / grid[g];
                        ANCHOR_Y[k] = (y + 0.5f) / grid[g];
                        k++;
                    }
                }
            }
        }
    }

    private final double minScore;
    private final double nmsIou;

    /**
     * @param minScore faces below this score (0-1) are dropped; MediaPipe uses 0.5
     * @param nmsIou   overlap above which detections merge; MediaPipe uses 0.3
     */
    public BlazeFaceDecoder(double minScore, double nmsIou) {
        if (!(minScore > 0 && minScore < 1) || !(nmsIou > 0 && nmsIou < 1)) {
            throw new IllegalArgumentException("minScore and nmsIou must lie in (0, 1)");
        }
        this.minScore = minScore;
        this.nmsIou = nmsIou;
    }

    /** Centre of anchor {@code i} in input pixels (x at [0], y at [1]). */
    public static double[] anchorCentre(int i) {
        return new double[] {ANCHOR_X[i] * INPUT_SIZE, ANCHOR_Y[i] * INPUT_SIZE};
    }

    /**
     * @param regressors   input, {@code ANCHORS * VALUES} values in anchor order
     * @param logits       input, {@code ANCHORS} score logits
     * @param inputToImage input, maps model-input pixels to image pixels (undoes the letterbox)
     * @return faces in image pixels after weighted NMS, best first
     */
    public List<Face> decode(float[] regressors, float[] logits, Affine inputToImage) {
        if (regressors.length < ANCHORS * VALUES || logits.length < ANCHORS) {
            throw new IllegalArgumentException("expected " + ANCHORS + " anchors");
        }
        double minLogit = Math.log(minScore / (1 - minScore));
        List<Face> raw = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            double logit = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, logits[i]));
            if (logit < minLogit) {
                continue;
            }
            double score = 1 / (1 + Math.exp(-logit));
            int o = i * VALUES;
            double ax = ANCHOR_X[i] * INPUT_SIZE;
            double ay = ANCHOR_Y[i] * INPUT_SIZE;
            double cx = ax + regressors[o];
            double cy = ay + regressors[o + 1];
            double w = regressors[o + 2];
            double h = regressors[o + 3];
            if (!(w > 0 && h > 0)) {
                continue;
            }
            Point p0 = inputToImage.apply(new Point(cx - w / 2, cy - h / 2));
            Point p1 = inputToImage.apply(new Point(cx + w / 2, cy + h / 2));
            List<Point> kps = new ArrayList<>(KEYPOINTS);
            for (int k = 0; k < KEYPOINTS; k++) {
                kps.add(inputToImage.apply(new Point(ax + regressors[o + 4 + 2 * k], ay + regressors[o + 5 + 2 * k])));
            }
            raw.add(new Face(Box.fromCorners(p0.x(), p0.y(), p1.x(), p1.y()), score, kps));
        }
        return Detections.weightedNms(raw, nmsIou);
    }

    /**
     * The letterbox used for the model input: the whole image scaled to fit 128x128 (aspect kept up to
     * rounding to whole pixels), centred, padding in black. Returns the image-to-input map; its inverse undoes
     * it. Offsets and scaled sizes are whole pixels so an adapter can resize into a sub-rectangle.
     */
    public static Affine letterbox(int width, int height) {
        return letterbox(width, height, INPUT_SIZE);
    }

    /** {@link #letterbox(int, int)} for a square input of side {@code size}. */
    public static Affine letterbox(int width, int height, int size) {
        double s = (double) size / Math.max(width, height);
        int w = Math.max(1, Math.min(size, (int) Math.round(width * s)));
        int h = Math.max(1, Math.min(size, (int) Math.round(height * s)));
        int ox = (size - w) / 2;
        int oy = (size - h) / 2;
        return new Affine((double) w / width, 0, ox, 0, (double) h / height, oy);
    }
}
