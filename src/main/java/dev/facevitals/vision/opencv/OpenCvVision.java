package dev.facevitals.vision.opencv;

import dev.facevitals.vision.ConditionsAnalyzer;
import dev.facevitals.vision.ConditionsReport;
import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceTracker;
import dev.facevitals.vision.ModelSource;
import dev.facevitals.vision.SkinTraceRecorder;
import dev.facevitals.vision.SnapshotChecker;
import dev.facevitals.vision.TilingFaceDetector;
import dev.facevitals.vision.VisionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Entry point of the vision side for the service: model bytes read and checksum-verified once at
 * construction (a bad model fails start-up, not the first request), then cheap factories for per-scan and
 * per-request objects. {@link #checkConditions} is thread-safe (a pool of checkers, one per concurrent call);
 * everything handed out by the {@code new...} methods belongs to the caller and is closed by it.
 */
public final class OpenCvVision implements AutoCloseable {

    private final VisionSettings settings;
    private final byte[] detectorBytes;
    private final byte[] landmarkBytes;
    private final ConditionsAnalyzer analyzer;
    private final ConcurrentLinkedDeque<SnapshotChecker> idle = new ConcurrentLinkedDeque<>();
    private final List<SnapshotChecker> all = new ArrayList<>();
    private volatile boolean closed;

    public OpenCvVision(VisionSettings settings) {
        this.settings = settings;
        this.detectorBytes = settings.detectorModel().loadVerified();
        this.landmarkBytes = settings.landmarkModel().loadVerified();
        this.analyzer = new ConditionsAnalyzer(settings.conditions());
        // fail now if OpenCV cannot read them
        newDetector().close();
        newLandmarker().close();
    }

    public VisionSettings settings() {
        return settings;
    }

    /** Whole-frame BlazeFace, for selfie-sized faces. */
    public FaceDetector newDetector() {
        return new BlazeFaceDetector(DnnNets.load(name(settings.detectorModel()), detectorBytes),
                settings.minFaceScore(), settings.nmsIou());
    }

    /** Whole frame plus overlapping tiles: small faces in big photos (group photos, far subjects). */
    public FaceDetector newSmallFaceDetector() {
        return new TilingFaceDetector(new BlazeFaceDetector(DnnNets.load(name(settings.detectorModel()), detectorBytes),
                settings.tileMinScore(), settings.nmsIou()), settings.tilesAcross(), settings.nmsIou());
    }

    public FaceLandmarker newLandmarker() {
        return new FaceMeshLandmarker(DnnNets.load(name(settings.landmarkModel()), landmarkBytes));
    }

    /** A tracker for one video. */
    public FaceTracker newTracker() {
        return new FaceTracker(newDetector(), newLandmarker(), settings.tracker());
    }

    /** Tracker plus skin sampling into traces, for one video of the given frame size. */
    public SkinTraceRecorder newRecorder(int width, int height) {
        return new SkinTraceRecorder(newTracker(), width, height, settings.scanLimits());
    }

    /**
     * The snapshot conditions check on JPEG or PNG bytes.
     *
     * @throws dev.facevitals.vision.ImageRejectedException for bytes that are not a usable image
     */
    public ConditionsReport checkConditions(byte[] image) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try (OpenCvImage img = OpenCvImage.decode(image, settings.maxImagePixels())) {
            SnapshotChecker c = idle.pollFirst();
            if (c == null) {
                c = new SnapshotChecker(newDetector(), newSmallFaceDetector(), newLandmarker(), analyzer);
                synchronized (all) {
                    all.add(c);
                }
            }
            try {
                return c.check(img.view());
            } finally {
                idle.addFirst(c);
            }
        }
    }

    private static String name(ModelSource m) {
        return m.fileName();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            for (SnapshotChecker c : all) {
                c.close();
            }
            all.clear();
        }
        idle.clear();
    }
}
