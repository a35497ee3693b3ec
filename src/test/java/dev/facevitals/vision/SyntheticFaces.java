package dev.facevitals.vision;

import java.util.List;
import java.util.Random;

/**
 * Test doubles without models: a deterministic textured "skin" scene that can be rendered at any sub-pixel
 * shift (exactly, no resampling), a synthetic 468-point mesh with sensible positions for the landmarks the
 * code reads, and fake detector / landmarker that report where the test put the face.
 */
final class SyntheticFaces {

    private SyntheticFaces() {
    }

    /** Smooth texture of skin-coloured blobs: brightness varies, chromaticity stays skin-like. */
    static final class Scene {
        private final double[] bx;
        private final double[] by;
        private final double[] br;
        private final double[] ba;

        Scene(long seed, int blobs, int w, int h) {
            Random rnd = new Random(seed);
            bx = new double[blobs];
            by = new double[blobs];
            br = new double[blobs];
            ba = new double[blobs];
            for (int i = 0; i < blobs; i++) {
                bx[i] = rnd.nextDouble() * w;
                by[i] = rnd.nextDouble() * h;
                br[i] = 6 + rnd.nextDouble() * 14;
                ba[i] = rnd.nextDouble() * 0.6 - 0.3;
            }
        }

        double shade(double x, double y) {
            double s = 1;
            for (int i = 0; i < bx.length; i++) {
                double dx = x - bx[i];
                double dy = y - by[i];
                s += ba[i] * Math.exp(-(dx * dx + dy * dy) / (2 * br[i] * br[i]));
            }
            return Math.max(0.4, Math.min(1.3, s));
        }

        private double[] cache;
        private double cacheDx = Double.NaN;
        private double cacheDy = Double.NaN;
        private int cacheW;

        /** The scene moved by (dx, dy), every channel times {@code gain}, in skin colours. */
        ImageView render(int w, int h, double dx, double dy, double gain) {
            return render(w, h, dx, dy, gain, 170, 115, 95);
        }

        /** As {@link #render(int, int, double, double, double)} with another base colour. */
        ImageView render(int w, int h, double dx, double dy, double gain, int r, int g, int b) {
            if (cache == null || cache.length != w * h || cacheW != w || dx != cacheDx || dy != cacheDy) {
                cache = new double[w * h];
                cacheW = w;
                cacheDx = dx;
                cacheDy = dy;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        cache[y * w + x] = shade(x + 0.5 - dx, y + 0.5 - dy);
                    }
                }
            }
            ImageView v = ImageViews.blank(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = cache[y * w + x] * gain;
                    TestImages.set(v, x, y, (int) Math.round(r * s), (int) Math.round(g * s), (int) Math.round(b * s));
                }
            }
            return v;
        }
    }

    /** A mesh for a face centred at (cx, cy) of height {@code s}; every landmark the code reads is placed. */
    static FaceMesh mesh(double cx, double cy, double s, double presence) {
        float[] xs = new float[FaceMesh.POINTS];
        float[] ys = new float[FaceMesh.POINTS];
        float[] zs = new float[FaceMesh.POINTS];
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            double a = 2 * Math.PI * i / FaceMesh.POINTS;
            put(xs, ys, i, cx + 0.38 * s * Math.cos(a), cy + 0.48 * s * Math.sin(a));
        }
        put(xs, ys, 10, cx, cy - 0.5 * s);
        put(xs, ys, 152, cx, cy + 0.5 * s);
        put(xs, ys, 33, cx - 0.3 * s, cy - 0.1 * s);
        put(xs, ys, 263, cx + 0.3 * s, cy - 0.1 * s);
        int[] brow = {66, 107, 9, 336, 296};
        int[] upper = {69, 108, 151, 337, 299};
        for (int i = 0; i < 5; i++) {
            put(xs, ys, brow[i], cx + (i - 2) * 0.1 * s, cy - 0.2 * s);
            put(xs, ys, upper[i], cx + (i - 2) * 0.1 * s, cy - 0.4 * s);
        }
        int[] left = {116, 117, 118, 119, 100, 142, 36, 205, 187, 123};
        int[] right = {345, 346, 347, 348, 329, 371, 266, 425, 411, 352};
        for (int i = 0; i < 10; i++) {
            double a = 2 * Math.PI * i / 10;
            put(xs, ys, left[i], cx - 0.22 * s + 0.1 * s * Math.cos(a), cy + 0.08 * s + 0.1 * s * Math.sin(a));
            put(xs, ys, right[i], cx + 0.22 * s - 0.1 * s * Math.cos(a), cy + 0.08 * s + 0.1 * s * Math.sin(a));
        }
        return new FaceMesh(xs, ys, zs, presence);
    }

    private static void put(float[] xs, float[] ys, int i, double x, double y) {
        xs[i] = (float) x;
        ys[i] = (float) y;
    }

    /** Where the test put the face in the current frame; null = no face. */
    static final class Truth {
        double cx;
        double cy;
        double size;
        boolean present = true;
    }

    static final class FakeDetector implements FaceDetector {
        final Truth truth;
        int calls;
        boolean closed;

        FakeDetector(Truth truth) {
            this.truth = truth;
        }

        @Override
        public List<Face> detect(ImageView image) {
            calls++;
            if (!truth.present) {
                return List.of();
            }
            Box b = Box.centred(truth.cx, truth.cy, truth.size * 0.8, truth.size * 0.8);
            return List.of(new Face(b, 0.9, List.of(new Point(truth.cx - 0.2 * truth.size, truth.cy - 0.1 * truth.size),
                    new Point(truth.cx + 0.2 * truth.size, truth.cy - 0.1 * truth.size))));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Answers with the synthetic mesh at the truth, if the crop contains it; presence 0 otherwise. */
    static final class FakeLandmarker implements FaceLandmarker {
        final Truth truth;
        int calls;
        boolean closed;

        FakeLandmarker(Truth truth) {
            this.truth = truth;
        }

        @Override
        public FaceMesh landmarks(ImageView image, MeshCrop crop) {
            calls++;
            boolean inCrop = Math.hypot(crop.cx() - truth.cx, crop.cy() - truth.cy) < crop.size() / 3;
            return mesh(truth.cx, truth.cy, truth.size, truth.present && inCrop ? 1 : 0);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
