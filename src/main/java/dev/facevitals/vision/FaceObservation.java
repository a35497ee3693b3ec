package dev.facevitals.vision;

/**
 * What the tracker knows about the face in one frame.
 *
 * @param timestampMicros  the frame's time
 * @param found            whether a face is held in this frame
 * @param box              face box (landmark extent, forehead to chin) in this frame; null when not found
 * @param keyRegions       skin regions where the landmarks put them at the last keyframe; null when not found
 * @param dx               shift of the face since that keyframe, pixels
 * @param dy               as dx
 * @param partlyOutOfFrame the face box reaches outside the frame
 * @param quality          tracking quality, 1 on a keyframe, NaN when not found
 * @param keyframe         whether the landmark model ran on this frame
 * @param pose             head pose at the last keyframe; null when not found
 */
public record FaceObservation(long timestampMicros, boolean found, Box box, FaceRegions keyRegions, double dx,
                             double dy, boolean partlyOutOfFrame, double quality, boolean keyframe,
                             HeadPose pose) {

    static FaceObservation missing(long t) {
        return new FaceObservation(t, false, null, null, 0, 0, false, Double.NaN, false, null);
    }

    /** Skin regions in this frame (null when not found). Allocates: for reports and drawing, not per frame. */
    public FaceRegions regions() {
        return keyRegions == null ? null : keyRegions.translate(Math.round(dx), Math.round(dy));
    }
}
