package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Post-processing shared by the detectors. */
public final class Detections {

    private Detections() {
    }

    /**
     * Weighted non-maximum suppression (as MediaPipe does for BlazeFace): the best remaining face absorbs all
     * faces overlapping it by more than {@code iouThreshold}; its box and keypoints become the score-weighted
     * mean of the group and its score stays the best one. More stable from frame to frame than plain NMS.
     *
     * @param faces        input, any order
     * @param iouThreshold input, overlap above which two boxes are the same face
     * @return merged faces, best score first
     */
    public static List<Face> weightedNms(List<Face> faces, double iouThreshold) {
        List<Face> rest = new ArrayList<>(faces);
        rest.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            Face top = rest.get(0);
            List<Face> group = new ArrayList<>();
            List<Face> keep = new ArrayList<>();
            for (Face f : rest) {
                (f == top || top.box().iou(f.box()) > iouThreshold ? group : keep).add(f);
            }
            out.add(merge(top, group));
            rest = keep;
        }
        return out;
    }

    private static Face merge(Face top, List<Face> group) {
        if (group.size() == 1) {
            return top;
        }
        double w = 0;
        double x0 = 0;
        double y0 = 0;
        double x1 = 0;
        double y1 = 0;
        int kp = top.keypoints().size();
        double[] kx = new double[kp];
        double[] ky = new double[kp];
        for (Face f : group) {
            double s = f.score();
            w += s;
            x0 += s * f.box().x();
            y0 += s * f.box().y();
            x1 += s * f.box().right();
            y1 += s * f.box().bottom();
            for (int i = 0; i < kp && i < f.keypoints().size(); i++) {
                kx[i] += s * f.keypoints().get(i).x();
                ky[i] += s * f.keypoints().get(i).y();
            }
        }
        List<Point> points = new ArrayList<>(kp);
        for (int i = 0; i < kp; i++) {
            points.add(new Point(kx[i] / w, ky[i] / w));
        }
        return new Face(Box.fromCorners(x0 / w, y0 / w, x1 / w, y1 / w), top.score(), points);
    }

    /**
     * Faces whose box has at least this share of the largest box's area compete to be the subject. A
     * bystander beside the user, or a face at the frame's edge, can come out of the detector a little larger
     * than the user's own (a box 6 % wider on one package photo); a face clearly larger than the others
     * is the subject wherever it is.
     */
    public static final double SUBJECT_AREA_SHARE = 0.7;

    /**
     * The subject of a scan or a snapshot: among the faces with at least {@link #SUBJECT_AREA_SHARE} of the
     * largest box's area, the one whose centre is nearest the image centre (the person framing themselves).
     *
     * @param faces  input, any order
     * @param width  input, the image's width in pixels
     * @param height input, the image's height in pixels
     * @return the subject, or null for an empty list
     */
    public static Face subject(List<Face> faces, double width, double height) {
        Face largest = largest(faces);
        if (largest == null) {
            return null;
        }
        double minArea = SUBJECT_AREA_SHARE * largest.box().area();
        Face best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Face f : faces) {
            double d = Math.hypot(f.box().centreX() - width / 2, f.box().centreY() - height / 2);
            if (f.box().area() >= minArea && d < bestDistance) {
                best = f;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The face with the largest box, or null for an empty list. */
    public static Face largest(List<Face> faces) {
        Face best = null;
        for (Face f : faces) {
            if (best == null || f.box().area() > best.box().area()) {
                best = f;
            }
        }
        return best;
    }
}
