package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detect, landmark, align, measure and embed. The detector finds boxes; the mesh model refines each into
 * landmarks (twice: the second crop comes from the first mesh, as MediaPipe tracks) and rejects boxes in which
 * it sees no face; the five points align the face for the embedder. Not thread-safe; owns its parts.
 */
public final class FaceAnalyzer implements AutoCloseable {

    /** What to compute beyond detection and metrics. */
    public enum Extras { NONE, EMBEDDING, LIVENESS, BOTH }

    /** Mesh presence that confirms a box of the whole-image detector on the fast path of {@link #largest}. */
    public static final double CONFIRM_PRESENCE = 0.5;

    private final FaceDetector detector;
    private final FaceDetector smallFaces;
    private final FaceLandmarker landmarker;
    private final FaceEmbedder embedder;
    private final LivenessModel liveness;
    private final double minPresence;

    /**
     * @param detector    main detector (owned)
     * @param smallFaces  whole image plus tiles, for group photos (owned)
     * @param landmarker  mesh (owned)
     * @param embedder    identity model (owned)
     * @param liveness    liveness model (owned)
     * @param minPresence the mesh's face-presence probability below which a box is not a face
     */
    public FaceAnalyzer(FaceDetector detector, FaceDetector smallFaces, FaceLandmarker landmarker,
                        FaceEmbedder embedder, LivenessModel liveness, double minPresence) {
        this.detector = detector;
        this.smallFaces = smallFaces;
        this.landmarker = landmarker;
        this.embedder = embedder;
        this.liveness = liveness;
        this.minPresence = minPresence;
    }

    /** Every face, largest first. */
    public List<AnalyzedFace> all(ImageView image, Extras extras) {
        List<AnalyzedFace> out = new ArrayList<>();
        for (Face f : smallFaces.detect(image)) {
            AnalyzedFace a = analyze(image, f, extras, minPresence);
            if (a != null) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble((AnalyzedFace a) -> -a.box().area()));
        return out;
    }

    /**
     * The largest face, or null. Fast path: the whole-image detector, its boxes confirmed only when the mesh
     * is sure of a face ({@link #CONFIRM_PRESENCE}); a false box the whole-image detector let through at its
     * lower threshold (test_obama1.jpg of the benchmark set: mesh presence 0.45, real faces 1.00) would
     * otherwise win over the real face. When nothing is confirmed, the search of {@link #all} (tiles, about
     * 50 ms on a 2,000-pixel photo) decides.
     */
    public AnalyzedFace largest(ImageView image, Extras extras) {
        List<Face> whole = new ArrayList<>(detector.detect(image));
        whole.sort(Comparator.comparingDouble((Face f) -> -f.box().area()));
        for (Face f : whole) {
            AnalyzedFace a = analyze(image, f, extras, Math.max(minPresence, CONFIRM_PRESENCE));
            if (a != null) {
                return a;
            }
        }
        List<Face> faces = new ArrayList<>(smallFaces.detect(image));
        faces.sort(Comparator.comparingDouble((Face f) -> -f.box().area()));
        for (Face f : faces) {
            AnalyzedFace a = analyze(image, f, extras, minPresence);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** How many faces the image holds (detector boxes confirmed by the mesh). */
    public int count(ImageView image) {
        return all(image, Extras.NONE).size();
    }

    private AnalyzedFace analyze(ImageView image, Face f, Extras extras, double minPresence) {
        FaceMesh first = landmarker.landmarks(image, MeshCrop.fromFace(f));
        if (first.presence() < minPresence) {
            return null;
        }
        FaceMesh mesh = landmarker.landmarks(image, MeshCrop.fromMesh(first));
        if (mesh.presence() < minPresence) {
            mesh = first;
        }
        Point[] pts = FaceAlignment.fivePoints(mesh);
        Affine toCrop = FaceAlignment.toTemplate(pts);
        HeadPose pose = HeadPose.from(mesh);
        FaceQuality q = FaceQuality.ofFace(image, toCrop);
        Box box = mesh.bounds();
        float[] emb = extras == Extras.EMBEDDING || extras == Extras.BOTH ? embedder.embed(image, toCrop) : null;
        double live = extras == Extras.LIVENESS || extras == Extras.BOTH ? liveness.live(image, box) : Double.NaN;
        return new AnalyzedFace(f, box, mesh, pts, toCrop, pose, FaceQuality.rotationDegrees(pose), q, emb, live);
    }

    @Override
    public void close() {
        try (detector; smallFaces; landmarker; embedder; liveness) {
            // closes each, even when one throws
        }
    }
}
