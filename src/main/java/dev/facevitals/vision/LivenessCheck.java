package dev.facevitals.vision;

import java.util.List;

/**
 * Passive liveness on one image, IDLive style: first the image requirements (one face, large enough, facing
 * the camera, inside the frame), then the fused score of the liveness model and the {@link SpoofCues}.
 */
public final class LivenessCheck {

    /** Why an image was not judged (IDLive's error codes). */
    public enum Rejection {
        FACE_NOT_FOUND("Failed to detect face"),
        TOO_MANY_FACES("More than one face in the image"),
        FACE_TOO_SMALL("Interpupillary distance is too small"),
        FACE_ANGLE_TOO_LARGE("The face is turned too far from the camera"),
        FACE_CLOSE_TO_BORDER("The face is too close to the image border");

        private final String message;

        Rejection(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /**
     * @param minInterpupillary eye centres at least this far apart, pixels
     * @param maxYaw            degrees either way (Biointellic: 20 +- 3)
     * @param maxPitch          degrees either way
     * @param maxRoll           degrees either way (Biointellic: 30 +- 3)
     * @param minInside         share of the face box that must lie inside the image
     */
    public record Requirements(double minInterpupillary, double maxYaw, double maxPitch, double maxRoll,
                               double minInside) {
        public static final Requirements DEFAULTS = new Requirements(40, 23, 23, 33, 0.95);
    }

    /**
     * @param rejection null when judged
     * @param score     raw fused score (log-odds), NaN when rejected
     * @param quality   0-1: how suitable the image is for the check (size, sharpness, exposure, pose)
     * @param face      the face judged, or null
     * @param cues      its cues, or null
     */
    public record Result(Rejection rejection, double score, double quality, AnalyzedFace face, SpoofCues cues) {

        public double probability(LivenessFusion.Calibration c) {
            return rejection == null ? LivenessFusion.probability(score, c) : Double.NaN;
        }
    }

    private LivenessCheck() {
    }

    /**
     * @param image  input: the image the faces were found in
     * @param faces  input: every face, largest first, with the model's liveness filled in
     * @param fusion input: how cues and model are combined
     */
    public static Result check(ImageView image, List<AnalyzedFace> faces, Requirements req, LivenessFusion fusion) {
        if (faces.isEmpty()) {
            return rejected(Rejection.FACE_NOT_FOUND, null);
        }
        if (faces.size() > 1) {
            return rejected(Rejection.TOO_MANY_FACES, faces.get(0));
        }
        AnalyzedFace f = faces.get(0);
        if (f.interpupillary() < req.minInterpupillary()) {
            return rejected(Rejection.FACE_TOO_SMALL, f);
        }
        HeadPose p = f.pose();
        if (Math.abs(p.yaw()) > req.maxYaw() || Math.abs(p.pitch()) > req.maxPitch() || Math.abs(p.roll()) > req.maxRoll()) {
            return rejected(Rejection.FACE_ANGLE_TOO_LARGE, f);
        }
        if (f.box().fractionInside(image.width(), image.height()) < req.minInside()) {
            return rejected(Rejection.FACE_CLOSE_TO_BORDER, f);
        }
        SpoofCues cues = SpoofCues.measure(image, f);
        return new Result(null, fusion.score(cues.features(), f.modelLive()), quality(f, req), f, cues);
    }

    /**
     * The fused liveness probability of one face as it is, without the image requirements of {@link #check}
     * (the face routes score every face they find, small or turned ones too).
     *
     * @param image input: the image the face was found in
     * @param face  input: the face, with the model's liveness filled in
     */
    public static double probability(ImageView image, AnalyzedFace face, LivenessFusion fusion,
                                     LivenessFusion.Calibration calibration) {
        double score = fusion.score(SpoofCues.measure(image, face).features(), face.modelLive());
        return LivenessFusion.probability(score, calibration);
    }

    /**
     * Suitability for the check: eye distance against 90 px (Biointellic's advice), sharpness, exposure and
     * the cosine of the head rotation, multiplied.
     */
    public static double quality(AnalyzedFace f, Requirements req) {
        double size = Math.min(1, f.interpupillary() / 90);
        FaceQuality q = f.quality();
        double exposure = (1 - q.underexposure()) * (1 - q.overexposure());
        double pose = Math.max(0, Math.cos(Math.toRadians(f.rotation())));
        return size * q.sharpness() * exposure * pose;
    }

    /**
     * One answer for a series of images of the same presentation: the mean score of the judged images (a
     * re-capture that slips through on one frame rarely does on all), the mean quality; the first rejection
     * when none was judged.
     */
    public static Result accumulate(List<Result> series) {
        double score = 0;
        double quality = 0;
        int n = 0;
        Result first = null;
        for (Result r : series) {
            if (r.rejection() == null) {
                score += r.score();
                quality += r.quality();
                n++;
                if (first == null) {
                    first = r;
                }
            }
        }
        if (n == 0) {
            return series.isEmpty() ? rejected(Rejection.FACE_NOT_FOUND, null) : series.get(0);
        }
        return new Result(null, score / n, quality / n, first.face(), first.cues());
    }

    private static Result rejected(Rejection r, AnalyzedFace f) {
        return new Result(r, Double.NaN, Double.NaN, f, null);
    }
}
