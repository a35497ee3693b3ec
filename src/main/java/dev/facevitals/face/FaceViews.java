package dev.facevitals.face;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.Box;
import dev.facevitals.vision.FaceQuality;
import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.Point;

/** Response bodies of the face routes (Perse field names, snake_case). */
public final class FaceViews {

    private FaceViews() {
    }

    /** Quality of the face crop: 0-1 each, rotation in degrees (0-180, 0 = facing the camera). */
    public record FaceMetrics(double underexposure, double overexposure, double sharpness, double color,
                              double rotation) {
    }

    /** Quality of the whole image. */
    public record ImageMetrics(double underexposure, double overexposure, double sharpness, double color) {
    }

    /** Head orientation, degrees. */
    public record Pose(double yaw, double pitch, double roll) {
    }

    /**
     * @param boundingBox [left, top, right, bottom, width, height] in image pixels (Perse's order)
     * @param landmarks   right_eye, left_eye (the subject's: right_eye is on the image's left), nose,
     *                    mouth_right, mouth_left: [x, y] each
     */
    public record FaceView(double[] boundingBox, Map<String, double[]> landmarks, FaceMetrics faceMetrics,
                           Pose pose, double livenessScore, double detectionScore) {
    }

    /** Thresholds that make a face good enough (see docs/faces.md). */
    public record DetectThresholds(double underexposure, double overexposure, double sharpness, double color,
                                   double rotation, double liveness) {
    }

    public record DetectResponse(int totalFaces, List<FaceView> faces, DetectThresholds defaultThresholds,
                                 ImageMetrics imageMetrics, double timeTaken) {
    }

    public record CompareThresholds(double similarity, double liveness) {
    }

    public record CompareResponse(double similarity, boolean match, double livenessScore,
                                  CompareThresholds defaultThresholds, double timeTaken) {
    }

    public record Match(String userToken, double similarity, boolean match) {
    }

    public record IdentifyResponse(List<Match> matches, int searched, CompareThresholds defaultThresholds,
                                   double timeTaken) {
    }

    public record EnrollmentResponse(String userToken, double timeTaken) {
    }

    public record EnrollmentList(List<String> userTokens, long totalUsers, double timeTaken) {
    }

    public record Deleted(double timeTaken) {
    }

    static FaceView face(AnalyzedFace f, double liveness) {
        Box b = f.box();
        Map<String, double[]> lm = new LinkedHashMap<>();
        Point[] p = f.points();
        lm.put("right_eye", xy(p[0]));
        lm.put("left_eye", xy(p[1]));
        lm.put("nose", xy(p[2]));
        lm.put("mouth_right", xy(p[3]));
        lm.put("mouth_left", xy(p[4]));
        FaceQuality q = f.quality();
        return new FaceView(new double[] {r1(b.x()), r1(b.y()), r1(b.right()), r1(b.bottom()), r1(b.width()),
                r1(b.height())}, lm,
                new FaceMetrics(r3(q.underexposure()), r3(q.overexposure()), r3(q.sharpness()), r3(q.color()),
                        r1(f.rotation())),
                new Pose(r1(f.pose().yaw()), r1(f.pose().pitch()), r1(f.pose().roll())), r3(liveness),
                r3(f.detection().score()));
    }

    static ImageMetrics image(FaceQuality q) {
        return new ImageMetrics(r3(q.underexposure()), r3(q.overexposure()), r3(q.sharpness()), r3(q.color()));
    }

    static DetectThresholds thresholds(FaceSettings.QualityThresholds t) {
        return new DetectThresholds(t.underexposure(), t.overexposure(), t.sharpness(), t.color(), t.rotation(),
                t.liveness());
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1000.0;
    }

    private static double[] xy(Point p) {
        return new double[] {r1(p.x()), r1(p.y())};
    }

    static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
