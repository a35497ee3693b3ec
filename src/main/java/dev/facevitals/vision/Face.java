package dev.facevitals.vision;

import java.util.List;

/**
 * One detected face in image pixels.
 *
 * @param box       face box (roughly brows-to-chin, cheek-to-cheek for BlazeFace)
 * @param score     detector confidence, 0-1
 * @param keypoints detector keypoints in the BlazeFace order ({@link #RIGHT_EYE} ... {@link #LEFT_EAR}, the
 *                  subject's right eye appears on the image's left), or empty when the detector has none
 */
public record Face(Box box, double score, List<Point> keypoints) {

    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;
    public static final int NOSE_TIP = 2;
    public static final int MOUTH = 3;
    public static final int RIGHT_EAR = 4;
    public static final int LEFT_EAR = 5;

    public Face {
        keypoints = List.copyOf(keypoints);
    }

    public boolean hasKeypoints() {
        return keypoints.size() > LEFT_EYE;
    }
}
