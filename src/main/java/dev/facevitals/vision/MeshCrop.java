package dev.facevitals.vision;

/**
 * The rotated square window the face-mesh model looks at, chosen as MediaPipe does: centred on the face,
 * 1.5 times its longer side, turned so the eyes are level.
 *
 * @param cx    window centre x in image pixels
 * @param cy    window centre y in image pixels
 * @param size  side in image pixels
 * @param angle rotation in radians; the window's x axis points along (cos, sin) in image coordinates
 */
public record MeshCrop(double cx, double cy, double size, double angle) {

    static final double SCALE = 1.5;
    // landmark indices of the outer eye corners, on the image-left and image-right of a frontal face
    static final int EYE_OUTER_IMAGE_LEFT = 33;
    static final int EYE_OUTER_IMAGE_RIGHT = 263;

    public MeshCrop {
        if (!(size > 0)) {
            throw new IllegalArgumentException("crop size must be positive");
        }
    }

    /** From a detection: box centre and the line through the two eye keypoints (level when there are none). */
    public static MeshCrop fromFace(Face face) {
        Box b = face.box();
        double angle = 0;
        if (face.hasKeypoints()) {
            Point r = face.keypoints().get(Face.RIGHT_EYE);
            Point l = face.keypoints().get(Face.LEFT_EYE);
            angle = Math.atan2(l.y() - r.y(), l.x() - r.x());
        }
        return new MeshCrop(b.centreX(), b.centreY(), SCALE * Math.max(b.width(), b.height()), angle);
    }

    /** From a previous mesh: the landmarks' box in the eye-levelled frame, as MediaPipe tracks between frames. */
    public static MeshCrop fromMesh(FaceMesh mesh) {
        Point l = mesh.point(EYE_OUTER_IMAGE_LEFT);
        Point r = mesh.point(EYE_OUTER_IMAGE_RIGHT);
        double angle = Math.atan2(r.y() - l.y(), r.x() - l.x());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double u0 = Double.MAX_VALUE;
        double u1 = -Double.MAX_VALUE;
        double v0 = Double.MAX_VALUE;
        double v1 = -Double.MAX_VALUE;
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            double u = cos * mesh.xs()[i] + sin * mesh.ys()[i];
            double v = -sin * mesh.xs()[i] + cos * mesh.ys()[i];
            u0 = Math.min(u0, u);
            u1 = Math.max(u1, u);
            v0 = Math.min(v0, v);
            v1 = Math.max(v1, v);
        }
        double uc = (u0 + u1) / 2;
        double vc = (v0 + v1) / 2;
        double cx = cos * uc - sin * vc;
        double cy = sin * uc + cos * vc;
        return new MeshCrop(cx, cy, SCALE * Math.max(u1 - u0, v1 - v0), angle);
    }

    public MeshCrop translate(double dx, double dy) {
        return new MeshCrop(cx + dx, cy + dy, size, angle);
    }

    /** Image pixels to the model's {@code inputSize x inputSize} input. */
    public Affine toInput(int inputSize) {
        return Affine.rotatedWindow(cx, cy, size, angle, inputSize);
    }
}
