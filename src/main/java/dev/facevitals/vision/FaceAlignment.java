package dev.facevitals.vision;

/**
 * Five-point face alignment: the least-squares similarity transform (rotation, uniform scale, translation;
 * Umeyama 1991 without reflection) that maps a face's eyes, nose tip and mouth corners onto the template
 * the embedding model was trained with.
 */
public final class FaceAlignment {

    /** Side of the aligned crop the ArcFace-style embedders expect. */
    public static final int CROP_SIZE = 112;

    /**
     * The 112x112 ArcFace template (insightface / faceplugin {@code REFERENCE_FACIAL_POINTS}): image-left eye,
     * image-right eye, nose tip, image-left mouth corner, image-right mouth corner; x then y.
     */
    public static final double[][] TEMPLATE_112 = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    // MediaPipe face-mesh indices: eye corners and lids (image-left eye, image-right eye), nose tip, mouth corners
    private static final int[] EYE_IMAGE_LEFT = {33, 133, 159, 145};
    private static final int[] EYE_IMAGE_RIGHT = {362, 263, 386, 374};
    private static final int NOSE_TIP = 1;
    private static final int MOUTH_IMAGE_LEFT = 61;
    private static final int MOUTH_IMAGE_RIGHT = 291;

    private FaceAlignment() {
    }

    /** The five alignment points of a face mesh, in the order of {@link #TEMPLATE_112}. */
    public static Point[] fivePoints(FaceMesh m) {
        return new Point[] {mean(m, EYE_IMAGE_LEFT), mean(m, EYE_IMAGE_RIGHT), m.point(NOSE_TIP),
                m.point(MOUTH_IMAGE_LEFT), m.point(MOUTH_IMAGE_RIGHT)};
    }

    /** Image pixels to the 112x112 template crop. */
    public static Affine toTemplate(Point[] face) {
        Point[] dst = new Point[TEMPLATE_112.length];
        for (int i = 0; i < dst.length; i++) {
            dst[i] = new Point(TEMPLATE_112[i][0], TEMPLATE_112[i][1]);
        }
        return similarity(face, dst);
    }

    /**
     * Least-squares similarity {@code q = s R p + t}.
     *
     * @param src input: at least two points, not all equal
     * @param dst input: as many points as {@code src}
     * @return the map from {@code src} to {@code dst}
     */
    public static Affine similarity(Point[] src, Point[] dst) {
        if (src.length != dst.length || src.length < 2) {
            throw new IllegalArgumentException("need two or more point pairs of equal count");
        }
        int n = src.length;
        double mx = 0;
        double my = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < n; i++) {
            mx += src[i].x();
            my += src[i].y();
            nx += dst[i].x();
            ny += dst[i].y();
        }
        mx /= n;
        my /= n;
        nx /= n;
        ny /= n;
        double dot = 0;
        double cross = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double px = src[i].x() - mx;
            double py = src[i].y() - my;
            double qx = dst[i].x() - nx;
            double qy = dst[i].y() - ny;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("source points are all the same");
        }
        double c = dot / norm; // s cos(theta)
        double s = cross / norm; // s sin(theta)
        return new Affine(c, -s, nx - (c * mx - s * my), s, c, ny - (s * mx + c * my));
    }

    private static Point mean(FaceMesh m, int[] idx) {
        double x = 0;
        double y = 0;
        for (int i : idx) {
            x += m.xs()[i];
            y += m.ys()[i];
        }
        return new Point(x / idx.length, y / idx.length);
    }
}
