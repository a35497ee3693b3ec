package dev.facevitals.vision;

/**
 * Everything the face pipeline knows about one face.
 *
 * @param detection   detector output (box, score, keypoints)
 * @param box         landmark box, forehead to chin, in image pixels
 * @param mesh        the 468 landmarks
 * @param points      the five alignment points, in the order of {@link FaceAlignment#TEMPLATE_112}
 * @param toCrop      image pixels to the aligned 112x112 crop
 * @param pose        head orientation
 * @param rotation    total head rotation in degrees ({@link FaceQuality#rotationDegrees})
 * @param quality     metrics of the aligned face
 * @param embedding   unit-length identity vector, or null when not asked for
 * @param modelLive   the liveness model's probability, or NaN when not asked for
 */
public record AnalyzedFace(Face detection, Box box, FaceMesh mesh, Point[] points, Affine toCrop, HeadPose pose,
                           double rotation, FaceQuality quality, float[] embedding, double modelLive) {

    /** Distance between the eye centres in image pixels. */
    public double interpupillary() {
        return points[0].distanceTo(points[1]);
    }
}
