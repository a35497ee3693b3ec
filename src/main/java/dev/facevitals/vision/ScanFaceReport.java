package dev.facevitals.vision;

import java.util.OptionalInt;

/**
 * Frame counts behind the scan's face-related errors, with the IntelliProve error codes they lead to.
 *
 * @param frames        frames seen
 * @param faceFrames    frames with a face held
 * @param outOfFrame    frames where the face was partly outside the frame, or missing right after being
 *                      near an edge (it left the frame)
 * @param lowSkinFrames face frames whose regions held too little skin
 * @param limits        thresholds used for {@link #errorCode()}
 */
public record ScanFaceReport(int frames, int faceFrames, int outOfFrame, int lowSkinFrames, Limits limits) {

    /** IntelliProve: no face detected. */
    public static final int NO_FACE = 3;
    /** IntelliProve: not sufficient skin visible. */
    public static final int NOT_ENOUGH_SKIN = 4;
    /** IntelliProve: the face moved (partly) out of frame. */
    public static final int OUT_OF_FRAME = 5;

    /**
     * @param minFaceShare     least share of frames with a face (default 0.5)
     * @param maxOutOfFrame    largest share of frames with the face partly out (default 0.2)
     * @param maxLowSkin       largest share of face frames with too little skin (default 0.3)
     * @param minSkinShare     a face frame has too little skin when its skin pixels are below this share of
     *                         its region pixels inside the frame (default 0.3) ...
     * @param minSkinPixels    ... or below this many pixels in all regions together (default 150)
     */
    public record Limits(double minFaceShare, double maxOutOfFrame, double maxLowSkin, double minSkinShare,
                         int minSkinPixels) {

        public static final Limits DEFAULTS = new Limits(0.5, 0.2, 0.3, 0.3, 150);

        public Limits {
            for (double v : new double[] {minFaceShare, maxOutOfFrame, maxLowSkin, minSkinShare}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("shares must lie in [0, 1]");
                }
            }
            if (minSkinPixels < 0) {
                throw new IllegalArgumentException("minSkinPixels must not be negative");
            }
        }
    }

    /** 3, 5 or 4 (checked in that order), or empty when the face side of the scan is fine. */
    public OptionalInt errorCode() {
        if (frames == 0 || faceFrames < limits.minFaceShare() * frames) {
            return OptionalInt.of(NO_FACE);
        }
        if (outOfFrame > limits.maxOutOfFrame() * frames) {
            return OptionalInt.of(OUT_OF_FRAME);
        }
        if (lowSkinFrames > limits.maxLowSkin() * faceFrames) {
            return OptionalInt.of(NOT_ENOUGH_SKIN);
        }
        return OptionalInt.empty();
    }

    /** Share of frames with a face, 0-1. */
    public double faceCoverage() {
        return frames == 0 ? 0 : (double) faceFrames / frames;
    }
}
