package dev.facevitals.vision;

/**
 * Rough head orientation in degrees from the mesh's 3-D landmarks (no camera model: good to a few degrees,
 * enough to tell "facing the camera" from "turned away").
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
     * The forehead-to-chin line of a face looking straight into the camera is not parallel to the image plane
     * in the mesh's canonical face (the forehead top sits further back than the chin); this is that tilt,
     * measured on frontal portraits, so that pitch reads 0 for them.
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
        // forward (towards the camera, -z) = y cross x
        double fx = yy * xz - yz * xy;
        double fy = yz * xx - yx * xz;
        double fz = yx * xy - yy * xx;
        double yaw = Math.toDegrees(Math.atan2(fx, -fz));
        double pitch = Math.toDegrees(Math.atan2(-fy, Math.hypot(fx, fz))) - NEUTRAL_PITCH_DEG;
        double roll = Math.toDegrees(Math.atan2(xy, xx));
        return new HeadPose(yaw, pitch, roll);
    }
}
