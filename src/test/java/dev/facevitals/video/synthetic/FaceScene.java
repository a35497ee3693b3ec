package dev.facevitals.video.synthetic;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The still layers of a synthetic clip, built once from a face photo, at the rest pose and the output size,
 * as plain Java arrays (packed BGR or one byte per pixel per layer):
 * <ul>
 *   <li>{@code subject}: four bytes per pixel: the photo cropped and scaled so the chosen face has the
 *       requested size (B, G, R), and the subject's alpha (head and shoulders, feathered);</li>
 *   <li>{@code background}: the same photo crop, blurred, shown where the subject has moved away;</li>
 *   <li>{@code faceMasks}: two bytes per pixel: skin weight (skin-coloured pixels inside the face ellipse:
 *       where the pulse goes) and specular weight (forehead and nose highlights on skin), zero outside
 *       {@code faceRegion}.</li>
 * </ul>
 *
 * <p>Faces are found with two of OpenCV's own Haar cascades (shipped in the OpenCV jar, not the project's
 * detector): a face is kept when both cascades agree on it, it is at least 120 photo pixels wide, its centre
 * is mostly skin-coloured and it does not contain another kept face. Faces are ordered largest first.
 */
final class FaceScene {

    /** A face in photo pixels: square Haar box, roughly eyebrows to chin. */
    record FaceBox(int x, int y, int size) {
        double centerX() {
            return x + size / 2.0;
        }

        double centerY() {
            return y + size / 2.0;
        }
    }

    private static final int MIN_FACE = 120;

    final int width;
    final int height;
    final byte[] subject;
    final byte[] background;
    final byte[] faceMasks;
    /** Rest-pose bounds of the face masks in output pixels: x0, y0, x1, y1 (exclusive). */
    final int[] faceRegion;
    /** The face box in output pixels at the rest pose: x, y, size. */
    final double faceX;
    final double faceY;
    final double faceSize;
    final FaceBox photoFace;
    final int skinPixels;

    private FaceScene(int width, int height, byte[] subject, byte[] background, byte[] faceMasks,
                      int[] faceRegion, double faceX, double faceY, double faceSize, FaceBox photoFace,
                      int skinPixels) {
        this.width = width;
        this.height = height;
        this.subject = subject;
        this.background = background;
        this.faceMasks = faceMasks;
        this.faceRegion = faceRegion;
        this.faceX = faceX;
        this.faceY = faceY;
        this.faceSize = faceSize;
        this.photoFace = photoFace;
        this.skinPixels = skinPixels;
    }

    double faceCenterX() {
        return faceX + faceSize / 2;
    }

    double faceCenterY() {
        return faceY + faceSize / 2;
    }

    /** Faces found in the photo, largest first. */
    static List<FaceBox> detectFaces(Path photo) {
        try (PointerScope scope = new PointerScope()) {
            Mat image = load(photo);
            return detectFaces(photo, image);
        }
    }

    /**
     * @param photo     a colour photo with at least one face
     * @param faceIndex which face, in {@link #detectFaces} order
     * @param faceSize  Haar box side in output pixels (the face from eyebrows to chin)
     * @param faceCenterY where the face centre sits, as a fraction of the output height
     * @param blurBackground blur the background layer (a sharp one shows a doubled outline when the
     *                       subject moves)
     */
    static FaceScene build(Path photo, int faceIndex, int width, int height, int faceSize, double faceCenterY,
                           boolean blurBackground) {
        try (PointerScope scope = new PointerScope()) {
            Mat image = load(photo);
            List<FaceBox> faces = detectFaces(photo, image);
            if (faceIndex < 0 || faceIndex >= faces.size()) {
                throw new IllegalArgumentException("photo " + photo.getFileName() + " has " + faces.size()
                        + " usable faces, asked for index " + faceIndex);
            }
            FaceBox face = faces.get(faceIndex);
            double k = (double) faceSize / face.size();
            // Crop window in photo pixels: face centre at (width/2, faceCenterY*height) of the output.
            int winW = (int) Math.round(width / k);
            int winH = (int) Math.round(height / k);
            int winX = (int) Math.round(face.centerX() - width / 2.0 / k);
            int winY = (int) Math.round(face.centerY() - faceCenterY * height / k);
            // Prefer moving the window inside the photo over padding it with mirrored pixels.
            if (winW <= image.cols()) {
                winX = Math.max(0, Math.min(image.cols() - winW, winX));
            }
            if (winH <= image.rows()) {
                winY = Math.max(0, Math.min(image.rows() - winH, winY));
            }
            int pad = Math.max(winW, winH);
            Mat padded = new Mat();
            copyMakeBorder(image, padded, pad, pad, pad, pad, BORDER_REFLECT_101);
            Mat window = new Mat(padded, new Rect(winX + pad, winY + pad, winW, winH));
            Mat out = new Mat();
            resize(window, out, new Size(width, height), 0, 0, k < 1 ? INTER_AREA : INTER_CUBIC);
            double sx = (double) width / winW;
            double sy = (double) height / winH;
            double fx = (face.x() - winX) * sx;
            double fy = (face.y() - winY) * sy;
            double fs = face.size() * (sx + sy) / 2;

            byte[] bgr = bytes(out, width, height);
            Mat blurred = new Mat();
            if (blurBackground) {
                GaussianBlur(out, blurred, new Size(0, 0), 0.09 * fs);
            } else {
                out.copyTo(blurred);
            }
            byte[] background = bytes(blurred, width, height);
            Mat ycrcb = new Mat();
            cvtColor(out, ycrcb, COLOR_BGR2YCrCb);
            byte[] ycc = bytes(ycrcb, width, height);

            float[] alpha = new float[width * height];
            float[] skin = new float[width * height];
            float[] spec = new float[width * height];
            double cx = fx + fs / 2;
            double cy = fy + fs / 2;
            int skinCount = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    double hx = (x - cx) / (0.95 * fs);
                    double hy = (y - (cy - 0.12 * fs)) / (1.2 * fs);
                    boolean head = hx * hx + hy * hy <= 1;
                    double below = y - (cy + 0.85 * fs);
                    boolean torso = below > 0 && Math.abs(x - cx) < 0.55 * fs + Math.min(1.5 * below, 0.9 * fs);
                    alpha[i] = head || torso ? 1f : 0f;
                    double ex = (x - cx) / (0.5 * fs);
                    double ey = (y - (cy - 0.02 * fs)) / (0.68 * fs);
                    if (ex * ex + ey * ey <= 1 && isSkin(ycc, i * 3)) {
                        skin[i] = 1f;
                        skinCount++;
                    }
                    if (skin[i] > 0) {
                        double f1x = (x - (cx + 0.05 * fs)) / (0.09 * fs);
                        double f1y = (y - (cy - 0.36 * fs)) / (0.06 * fs);
                        double n1x = (x - (cx + 0.02 * fs)) / (0.04 * fs);
                        double n1y = (y - (cy + 0.1 * fs)) / (0.05 * fs);
                        spec[i] = (float) (Math.exp(-0.5 * (f1x * f1x + f1y * f1y))
                                + 0.8 * Math.exp(-0.5 * (n1x * n1x + n1y * n1y)));
                    }
                }
            }
            alpha = blur(alpha, width, height, 0.06 * fs);
            skin = blur(skin, width, height, 1.2);
            byte[] subject = new byte[width * height * 4];
            byte[] faceMasks = new byte[width * height * 2];
            int x0 = width;
            int y0 = height;
            int x1 = 0;
            int y1 = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    subject[4 * i] = bgr[3 * i];
                    subject[4 * i + 1] = bgr[3 * i + 1];
                    subject[4 * i + 2] = bgr[3 * i + 2];
                    subject[4 * i + 3] = (byte) Math.round(255 * Math.min(1f, alpha[i]));
                    int skinLevel = Math.round(255 * Math.min(1f, skin[i]));
                    faceMasks[2 * i] = (byte) skinLevel;
                    faceMasks[2 * i + 1] = (byte) Math.round(255 * Math.min(1f, spec[i] * skin[i]));
                    if (skinLevel > 0) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                    }
                }
            }
            if (skinCount == 0) {
                throw new IllegalArgumentException("no skin-coloured pixels in the face of " + photo.getFileName());
            }
            return new FaceScene(width, height, subject, background, faceMasks, new int[] {x0, y0, x1, y1},
                    fx, fy, fs, face, skinCount);
        }
    }

    /** Chai and Ngan's skin cluster in YCrCb, with very dark and blown-out pixels left out. */
    static boolean isSkin(byte[] ycc, int o) {
        int y = ycc[o] & 0xff;
        int cr = ycc[o + 1] & 0xff;
        int cb = ycc[o + 2] & 0xff;
        return y >= 45 && y <= 250 && cr >= 133 && cr <= 173 && cb >= 77 && cb <= 127;
    }

    /** Detection is the slow part of building a scene and clips reuse photos: remember it per file. */
    private static final Map<String, List<FaceBox>> FACES = new ConcurrentHashMap<>();

    private static List<FaceBox> detectFaces(Path photo, Mat image) {
        String key;
        try {
            key = photo.toRealPath() + "@" + Files.size(photo) + "@" + Files.getLastModifiedTime(photo).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FACES.computeIfAbsent(key, k -> findFaces(image));
    }

    private static List<FaceBox> findFaces(Mat image) {
        Mat gray = new Mat();
        cvtColor(image, gray, COLOR_BGR2GRAY);
        double s = Math.min(1.0, 960.0 / Math.max(image.cols(), image.rows()));
        Mat small = new Mat();
        resize(gray, small, new Size(), s, s, INTER_AREA);
        equalizeHist(small, small);
        List<FaceBox> a = cascade("haarcascades/haarcascade_frontalface_alt2.xml", small, s);
        List<FaceBox> b = cascade("haarcascades/haarcascade_frontalface_default.xml", small, s);
        Mat ycrcb = new Mat();
        cvtColor(image, ycrcb, COLOR_BGR2YCrCb);
        byte[] ycc = bytes(ycrcb, image.cols(), image.rows());
        List<FaceBox> agreed = new ArrayList<>();
        for (FaceBox fa : a) {
            for (FaceBox fb : b) {
                if (iou(fa, fb) > 0.5) {
                    FaceBox merged = new FaceBox((fa.x() + fb.x()) / 2, (fa.y() + fb.y()) / 2,
                            (fa.size() + fb.size()) / 2);
                    if (merged.size() >= MIN_FACE && skinFraction(ycc, image.cols(), image.rows(), merged) > 0.4) {
                        agreed.add(merged);
                    }
                    break;
                }
            }
        }
        List<FaceBox> kept = new ArrayList<>();
        for (FaceBox f : agreed) {
            boolean containsOther = agreed.stream().anyMatch(o -> o != f && o.size() < f.size()
                    && o.centerX() > f.x() && o.centerX() < f.x() + f.size()
                    && o.centerY() > f.y() && o.centerY() < f.y() + f.size());
            if (!containsOther) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(FaceBox::size).reversed()
                .thenComparingInt(FaceBox::x).thenComparingInt(FaceBox::y));
        return List.copyOf(kept);
    }

    private static List<FaceBox> cascade(String name, Mat small, double s) {
        CascadeClassifier classifier = new CascadeClassifier(cascadeFile(name).toString());
        if (classifier.empty()) {
            throw new IllegalStateException("cascade did not load: " + name);
        }
        RectVector found = new RectVector();
        int minSize = (int) Math.floor(MIN_FACE * s * 0.9);
        classifier.detectMultiScale(small, found, 1.1, 5, 0, new Size(minSize, minSize), new Size());
        List<FaceBox> boxes = new ArrayList<>();
        for (long i = 0; i < found.size(); i++) {
            Rect r = found.get(i);
            boxes.add(new FaceBox((int) Math.round(r.x() / s), (int) Math.round(r.y() / s),
                    (int) Math.round(r.width() / s)));
        }
        return boxes;
    }

    /** The cascade XML from inside the OpenCV jar, copied once to a temporary file (OpenCV reads paths). */
    private static synchronized Path cascadeFile(String name) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "facevitals-cascades");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
            if (!Files.exists(file)) {
                String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + name;
                try (InputStream in = org.bytedeco.opencv.global.opencv_objdetect.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("not in the OpenCV jar: " + resource);
                    }
                    Path tmp = Files.createTempFile(dir, "cascade", ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double iou(FaceBox a, FaceBox b) {
        int x0 = Math.max(a.x(), b.x());
        int y0 = Math.max(a.y(), b.y());
        int x1 = Math.min(a.x() + a.size(), b.x() + b.size());
        int y1 = Math.min(a.y() + a.size(), b.y() + b.size());
        double inter = Math.max(0, x1 - x0) * (double) Math.max(0, y1 - y0);
        double union = (double) a.size() * a.size() + (double) b.size() * b.size() - inter;
        return inter / union;
    }

    /** Share of skin-coloured pixels in the middle half of the box (cheeks, nose, mouth). */
    private static double skinFraction(byte[] ycc, int cols, int rows, FaceBox f) {
        int x0 = Math.max(0, f.x() + f.size() / 4);
        int y0 = Math.max(0, f.y() + f.size() / 4);
        int x1 = Math.min(cols, f.x() + 3 * f.size() / 4);
        int y1 = Math.min(rows, f.y() + 3 * f.size() / 4);
        int skin = 0;
        int total = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (isSkin(ycc, (y * cols + x) * 3)) {
                    skin++;
                }
                total++;
            }
        }
        return total == 0 ? 0 : (double) skin / total;
    }

    private static Mat load(Path photo) {
        if (!Files.isRegularFile(photo)) {
            throw new IllegalArgumentException("no such photo: " + photo);
        }
        Mat image = imread(photo.toString(), IMREAD_COLOR);
        if (image.empty() || image.type() != CV_8UC3) {
            throw new IllegalArgumentException("not a colour image: " + photo);
        }
        return image;
    }

    private static byte[] bytes(Mat m, int width, int height) {
        Mat c = m.isContinuous() ? m : m.clone();
        byte[] out = new byte[width * height * c.channels()];
        c.data().get(out);
        return out;
    }

    private static float[] blur(float[] in, int width, int height, double sigma) {
        try (Mat m = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_32FC1);
             Mat o = new Mat()) {
            java.nio.FloatBuffer fb = m.createBuffer();
            fb.put(in);
            GaussianBlur(m, o, new Size(0, 0), sigma);
            float[] out = new float[in.length];
            ((java.nio.FloatBuffer) o.createBuffer()).get(out);
            return out;
        }
    }
}
