package dev.facevitals.vision;

import java.util.List;

/**
 * Answer of the snapshot conditions check.
 *
 * @param qualityScore 0-10, one decimal; at least 5 exactly when {@code errorCode == 0}
 * @param errorCode    0 ok, 1 too close, 2 move closer, 3 align and centre, 4 chest not visible, 5 point face to
 *                     the camera, 6 light evenly, 7 lower your face, 8 no face, 9 forehead not visible
 * @param prompt       what to tell the user (IntelliProve's wording)
 * @param face         the face judged, null when none
 * @param metrics      the measurements behind the verdict, null when no face
 */
public record ConditionsReport(double qualityScore, int errorCode, String prompt, FaceSummary face,
                               Metrics metrics) {

    public boolean conditionsMet() {
        return errorCode == 0;
    }

    /**
     * @param box       detector box in image pixels
     * @param score     detector confidence
     * @param keypoints the detector's 6 keypoints (may be empty)
     * @param pose      head pose from the landmarks
     */
    public record FaceSummary(Box box, double score, List<Point> keypoints, HeadPose pose) {
    }

    /**
     * @param faceSize       larger of face height / image height and face width / image width (landmark extent)
     * @param faceHeightPx   face height in pixels (landmark extent, forehead top to chin)
     * @param centreOffset   horizontal offset of the face centre from the image centre, share of width (signed)
     * @param centreY        vertical position of the face centre, share of height from the top
     * @param roomBelowChin  image height below the chin, in face heights
     * @param foreheadInside share of the forehead region inside the image
     * @param faceLuma       mean luma of the skin regions, 0-255
     * @param clipped        share of clipped pixels in the skin regions
     * @param sideRatio      brighter cheek's mean luma over the darker one's
     * @param foreheadSkin   share of the forehead region that is skin like the cheeks' (0 when its colour is not)
     * @param cheekSkin      the same share for the better cheek
     */
    public record Metrics(double faceSize, double faceHeightPx, double centreOffset, double centreY,
                          double roomBelowChin, double foreheadInside, double faceLuma, double clipped,
                          double sideRatio, double foreheadSkin, double cheekSkin) {
    }
}
