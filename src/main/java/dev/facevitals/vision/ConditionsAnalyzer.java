package dev.facevitals.vision;

/**
 * Judges one camera snapshot: can a scan start now? Pure: it gets the subject's face and landmarks (the
 * caller picks the subject with {@link Detections#subject}: the most central of the largest faces, the face a
 * scan follows), and reads pixels only inside the skin regions.
 *
 * <p>Checks, in this order; the first that fails gives the code (one instruction at a time, the most basic
 * first: a face, then distance, then framing, then pose, then light):
 * <ol>
 * <li>8 no face: nothing detected, or the landmark model does not see a face there;</li>
 * <li>1 too close / 2 move closer: face size against {@code maxFaceSize}, {@code minFaceSize},
 *     {@code minFacePixels};</li>
 * <li>3 align and centre: the face centre off the middle, or the head tilted in the image plane (roll);</li>
 * <li>9 forehead not visible: the forehead region cut by the image edge;</li>
 * <li>7 lower your face: the face too high in the frame, or the chin raised (pitch up);</li>
 * <li>4 chest not visible: too little image below the chin;</li>
 * <li>5 point your face to the camera: head turned (yaw) or tilted down;</li>
 * <li>6 light evenly: face too dark, too bright or clipped, or one cheek much brighter than the other;</li>
 * <li>9 forehead not visible: the forehead does not look like the cheeks' skin (hair, hat, hand);</li>
 * <li>0 otherwise.</li>
 * </ol>
 * Code 4 is a framing proxy: no chest is detected; the check only asks for room below the chin, where the
 * chest of a seated person facing the camera would be.
 *
 * <p>Score: every check has a margin m, 1 at its ideal value, 0 at its limit, negative past it. When all
 * pass, score = 5 + 5 * (smallest margin, capped to [0, 1]): 5-10. When one fails, score = 4.9 * e^m of the
 * failing check (below 4.9, falling with how far past the limit), and 0 with no face. One decimal.
 */
public final class ConditionsAnalyzer {

    public static final int OK = 0;
    public static final int TOO_CLOSE = 1;
    public static final int MOVE_CLOSER = 2;
    public static final int ALIGN_CENTRE = 3;
    public static final int CHEST_NOT_VISIBLE = 4;
    public static final int FACE_CAMERA = 5;
    public static final int LIGHTING = 6;
    public static final int LOWER_FACE = 7;
    public static final int NO_FACE = 8;
    public static final int FOREHEAD = 9;

    private static final String[] PROMPTS = {
        "No error",
        "You're too close",
        "Move closer",
        "Align and center your face with the camera",
        "Your chest is not visible enough",
        "Point your face to the camera",
        "Make sure your face is well lit and the light is evenly spread on your face",
        "Lower your face",
        "No face detected",
        "Make sure your forehead is visible",
    };

    // mesh landmarks: top of the forehead, chin
    private static final int TOP = 10;
    private static final int CHIN = 152;
    private static final int MIN_SKIN_MODEL_PIXELS = 100;

    private final ConditionsSettings s;

    public ConditionsAnalyzer(ConditionsSettings settings) {
        this.s = settings;
    }

    public static String prompt(int code) {
        return PROMPTS[code];
    }

    /**
     * @param image input snapshot
     * @param face  input, the subject ({@link Detections#subject} of the detector's faces), or null for none
     * @param mesh  input, landmarks of that face, or null when none could be computed
     */
    public ConditionsReport analyze(ImageView image, Face face, FaceMesh mesh) {
        if (face == null || mesh == null || mesh.presence() < s.minPresence()) {
            return new ConditionsReport(0, NO_FACE, PROMPTS[NO_FACE], null, null);
        }
        int w = image.width();
        int h = image.height();
        HeadPose pose = HeadPose.from(mesh);
        ConditionsReport.FaceSummary summary =
                new ConditionsReport.FaceSummary(face.box(), face.score(), face.keypoints(), pose);

        Box fb = mesh.bounds();
        double faceH = Math.max(1, mesh.ys()[CHIN] - Math.min(mesh.ys()[TOP], fb.y()));
        double size = Math.max(fb.height() / h, fb.width() / w);
        double centreOffset = fb.centreX() / w - 0.5;
        double centreY = fb.centreY() / h;
        double roomBelowChin = (h - mesh.ys()[CHIN]) / faceH;

        FaceRegions regions = FaceRegions.from(mesh);
        PixelSpans forehead = regions.forehead().rasterize();
        PixelSpans left = regions.leftCheek().rasterize();
        PixelSpans right = regions.rightCheek().rasterize();
        double foreheadInside = forehead.pixels() == 0 ? 0
                : (double) forehead.pixelsInside(0, 0, w, h) / forehead.pixels();
        SkinModel[] skin = SkinModel.forRegions(image, new PixelSpans[] {forehead, left, right}, new int[] {1, 2},
                MIN_SKIN_MODEL_PIXELS);
        boolean faceSkin = skin[1] != null || skin[2] != null;
        RegionLight lf = RegionLight.measure(image, forehead, skin[0]);
        RegionLight ll = RegionLight.measure(image, left, skin[1]);
        RegionLight lr = RegionLight.measure(image, right, skin[2]);
        int lightPixels = lf.pixels() + ll.pixels() + lr.pixels();
        double luma = lightPixels == 0 ? 0 : (nz(lf.meanLuma()) * lf.pixels() + nz(ll.meanLuma()) * ll.pixels()
                + nz(lr.meanLuma()) * lr.pixels()) / lightPixels;
        double clipped = lightPixels == 0 ? 0 : (lf.clipped() * lf.pixels() + ll.clipped() * ll.pixels()
                + lr.clipped() * lr.pixels()) / lightPixels;
        double side = sideRatio(ll.meanLuma(), lr.meanLuma());
        double cheekSkin = Math.max(ll.skinShare(), lr.skinShare());
        double foreheadSkin = lf.skinShare();
        ConditionsReport.Metrics metrics = new ConditionsReport.Metrics(size, faceH, centreOffset, centreY,
                roomBelowChin, foreheadInside, luma, clipped, side, foreheadSkin, cheekSkin);

        Verdict v = new Verdict();
        // distance
        v.check(TOO_CLOSE, (s.maxFaceSize() - size) / (s.maxFaceSize() - s.idealFaceSize()));
        v.check(MOVE_CLOSER, Math.min((size - s.minFaceSize()) / (s.idealFaceSize() - s.minFaceSize()),
                s.minFacePixels() <= 0 ? 1 : (faceH - s.minFacePixels()) / s.minFacePixels()));
        // framing
        v.check(ALIGN_CENTRE, Math.min(1 - Math.abs(centreOffset) / s.maxCentreOffset(),
                1 - Math.abs(pose.roll()) / s.maxRoll()));
        v.check(FOREHEAD, (foreheadInside - s.minForeheadInside()) / (1 - s.minForeheadInside()));
        v.check(LOWER_FACE, Math.min((centreY - s.minCentreY()) / (0.40 - s.minCentreY()),
                1 - Math.max(0, pose.pitch()) / s.maxPitchUp()));
        v.check(CHEST_NOT_VISIBLE, (roomBelowChin - s.minRoomBelowChin()) / Math.max(0.2, s.minRoomBelowChin()));
        // pose
        v.check(FACE_CAMERA, Math.min(1 - Math.abs(pose.yaw()) / s.maxYaw(),
                1 - Math.max(0, -pose.pitch()) / s.maxPitchDown()));
        // light: the brightness margin is 1 in the middle third of [minLuma, maxLuma]
        double span = (s.maxLuma() - s.minLuma()) / 3;
        v.check(LIGHTING, min(
                (luma - s.minLuma()) / span,
                (s.maxLuma() - luma) / span,
                1 - clipped / s.maxClipped(),
                Double.isNaN(side) ? -1 : (s.maxSideRatio() - side) / (s.maxSideRatio() - 1)));
        // forehead covered: judged only when the cheeks show skin to compare with
        if (faceSkin && lf.pixels() > 0) {
            double abs = (foreheadSkin - s.minForeheadSkin()) / (1 - s.minForeheadSkin());
            double rel = cheekSkin <= 0 ? 1
                    : (foreheadSkin / cheekSkin - s.minForeheadToCheek()) / (1 - s.minForeheadToCheek());
            v.check(FOREHEAD, Math.max(abs, rel));
        }
        return new ConditionsReport(v.score(), v.code, PROMPTS[v.code], summary, metrics);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double min(double... v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    /** Brighter over darker cheek; NaN when a cheek is outside the image or black. */
    static double sideRatio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        double lo = Math.min(a, b);
        return lo < 1 ? Double.POSITIVE_INFINITY : Math.max(a, b) / lo;
    }

    /** Keeps the first failing check and the smallest margin of the passing ones. */
    private static final class Verdict {
        int code = OK;
        double failMargin;
        double passMargin = 1;

        void check(int c, double margin) {
            if (code != OK) {
                return;
            }
            if (Double.isNaN(margin) || margin < 0) {
                code = c;
                failMargin = Double.isNaN(margin) ? -1 : margin;
            } else {
                passMargin = Math.min(passMargin, margin);
            }
        }

        double score() {
            double raw = code == OK ? 5 + 5 * Math.min(1, passMargin) : 4.9 * Math.exp(Math.max(-50, failMargin));
            double r = Math.round(raw * 10) / 10.0;
            // rounding must not cross the pass mark either way
            return code == OK ? Math.max(5.0, r) : Math.min(4.9, r);
        }
    }
}
