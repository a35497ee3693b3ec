package dev.facevitals.vision;

/**
 * Limits of the snapshot conditions check (see {@link ConditionsAnalyzer}); each has an ideal value that
 * scores best and a limit past which the check fails.
 *
 * @param maxFaceSize      face size (share of the image, see {@link ConditionsReport.Metrics#faceSize}) above
 *                         which the user is too close (default 0.65)
 * @param minFaceSize      below this the user should move closer (default 0.18) ...
 * @param minFacePixels    ... or when the face is fewer pixels high than this (default 100)
 * @param idealFaceSize    best face size (default 0.40)
 * @param maxCentreOffset  largest horizontal offset of the face centre, share of the width (default 0.20)
 * @param maxRoll          largest in-plane head tilt, degrees (default 20)
 * @param minForeheadInside least share of the forehead region inside the image (default 0.90)
 * @param minCentreY       face centre higher than this share of the height: lower your face (default 0.20)
 * @param maxPitchUp       chin raised more than this, degrees: lower your face (default 20)
 * @param minRoomBelowChin image below the chin, in face heights, for the chest to show (default 0.40)
 * @param maxYaw           largest head turn, degrees (default 20)
 * @param maxPitchDown     largest downward tilt, degrees (default 20)
 * @param minLuma          darkest acceptable mean face luma, 0-255 (default 50)
 * @param maxLuma          brightest acceptable mean face luma (default 215)
 * @param maxClipped       largest share of clipped face pixels (default 0.15)
 * @param maxSideRatio     largest brightness ratio between the cheeks (default 1.6)
 * @param minForeheadSkin  least share of the forehead that looks like skin (default 0.40) ...
 * @param minForeheadToCheek ... or relative to the cheeks' share (default 0.60); below both: forehead covered
 * @param minPresence      face-mesh presence below which the detection is not trusted as a face (0.5)
 */
public record ConditionsSettings(double maxFaceSize, double minFaceSize, double minFacePixels, double idealFaceSize,
                                 double maxCentreOffset, double maxRoll, double minForeheadInside,
                                 double minCentreY, double maxPitchUp, double minRoomBelowChin, double maxYaw,
                                 double maxPitchDown, double minLuma, double maxLuma, double maxClipped,
                                 double maxSideRatio, double minForeheadSkin, double minForeheadToCheek,
                                 double minPresence) {

    public static final ConditionsSettings DEFAULTS = new ConditionsSettings(0.65, 0.18, 100, 0.40, 0.20, 20, 0.90,
            0.20, 20, 0.40, 20, 20, 50, 215, 0.15, 1.6, 0.40, 0.60, 0.5);

    public ConditionsSettings {
        if (!(minFaceSize < idealFaceSize && idealFaceSize < maxFaceSize && maxFaceSize <= 1 && minFaceSize > 0)) {
            throw new IllegalArgumentException("need 0 < minFaceSize < idealFaceSize < maxFaceSize <= 1");
        }
        if (!(minLuma < maxLuma) || !(maxSideRatio > 1) || !(maxYaw > 0 && maxRoll > 0 && maxPitchUp > 0
                && maxPitchDown > 0) || !(maxCentreOffset > 0 && maxCentreOffset < 0.5)
                || !(minCentreY >= 0 && minCentreY < 0.5) || !(minRoomBelowChin >= 0)
                || !(maxClipped > 0 && maxClipped <= 1) || !(minForeheadInside > 0 && minForeheadInside <= 1)
                || !(minPresence > 0 && minPresence < 1) || !(minFacePixels >= 0)) {
            throw new IllegalArgumentException("inconsistent conditions settings");
        }
    }
}
