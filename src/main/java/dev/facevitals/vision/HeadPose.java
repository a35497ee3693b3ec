package dev.facevitals.vision;

/**
 * Rough head orientation in degrees from the mesh's 3-D landmarks (no camera model: good to a few degrees,
 * enough to tell "facing the camera" from "turned away"). The head's rotation is read as yaw, then pitch,
 * then roll ({@code R = Rz(roll) Rx(pitch) Ry(yaw)}), so each angle means the same whatever the others are.
 *
 * @param yaw   positive when the face turns towards the image's right
 * @param pitch positive when the chin goes up (face points above the camera)
 * @param roll  positive when the head tilts clockwise on screen (the image-right eye lower)
 */
public record HeadPose(double yaw, double pitch, double roll) {

    // outer eye corners (image-left, image-right), top of forehead, chin
    private static final int EYE_L = 33;
    private static final int EYE_R = 263;
    private static final int TOP = 10;
    private static final int CHIN = 152;
    /**
     * The forehead-top-to-chin line of the mesh is not the head's vertical: for faces looking straight into the
     * camera it leans out of the image plane. This is that lean, measured on frontal portraits (obama.jpg and
     * deepface photos read -4 to -20 degrees without it), so that pitch reads about 0 for them.
     */
    static final double NEUTRAL_PITCH_DEG = -8;

    public static HeadPose from(FaceMesh m) {
        // x axis: eye to eye; y axis: forehead to chin; both in pixels with the mesh's depth
        double xx = m.xs()[EYE_R] - m.xs()[EYE_L];
        double xy = m.ys()[EYE_R] - m.ys()[EYE_L];
        double xz = m.zs()[EYE_R] - m.zs()[EYE_L];
        double yx = m.xs()[CHIN] - m.xs()[TOP];
        double yy = m.ys()[CHIN] - m.ys()[TOP];
        double yz = m.zs()[CHIN] - m.zs()[TOP];
        double xn = Math.sqrt(xx * xx + xy * xy + xz * xz);
        xx /= xn;
        xy /= xn;
        xz /= xn;
        // make y orthogonal to x (Gram-Schmidt)
        double d = yx * xx + yy * xy + yz * xz;
        yx -= d * xx;
        yy -= d * xy;
        yz -= d * xz;
        double yn = Math.sqrt(yx * yx + yy * yy + yz * yz);
        yx /= yn;
        yy /= yn;
        yz /= yn;
        // z = x cross y (away from the camera for a frontal face)
        double zx = xy * yz - xz * yy;
        double zy = xz * yx - xx * yz;
        double zz = xx * yy - xy * yx;
        // the mesh's frame is the head's frame pitched by the canonical tilt: take that tilt out
        double n = Math.toRadians(NEUTRAL_PITCH_DEG);
        double cn = Math.cos(n);
        double sn = Math.sin(n);
        double tyx = cn * yx + sn * zx;
        double tyy = cn * yy + sn * zy;
        double tyz = cn * yz + sn * zz;
        double tzz = -sn * yz + cn * zz;
        // head rotation R = Rz(roll) Rx(pitch) Ry(yaw): read the angles off its columns
        double pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -tyz))));
        double roll = Math.atan2(-tyx, tyy);
        double yaw = Math.toDegrees(Math.atan2(xz, tzz));
        return new HeadPose(yaw, pitch, Math.toDegrees(roll));
    }
}
