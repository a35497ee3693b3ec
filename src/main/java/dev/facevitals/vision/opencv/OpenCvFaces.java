package dev.facevitals.vision.opencv;

import dev.facevitals.vision.FaceAnalyzer;
import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.ImageView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BiFunction;

/**
 * Entry point of the face pipeline for the service: the identity and liveness models read and verified once,
 * detection and landmarks from {@link OpenCvVision}; a pool of {@link FaceAnalyzer}s, one per concurrent call.
 * Thread-safe.
 */
public final class OpenCvFaces implements AutoCloseable {

    private final OpenCvVision vision;
    private final FaceSettings settings;
    private final byte[] embeddingBytes;
    private final byte[] livenessBytes;
    private final ConcurrentLinkedDeque<FaceAnalyzer> idle = new ConcurrentLinkedDeque<>();
    private final List<FaceAnalyzer> all = new ArrayList<>();
    private volatile boolean closed;

    /** @param vision detection and landmarks; not owned */
    public OpenCvFaces(OpenCvVision vision, FaceSettings settings) {
        this.vision = vision;
        this.settings = settings;
        this.embeddingBytes = settings.embeddingModel().loadVerified();
        this.livenessBytes = settings.livenessModel().loadVerified();
        newAnalyzer().close(); // fail at start-up if OpenCV cannot read them
    }

    public FaceSettings settings() {
        return settings;
    }

    /** An analyzer owned by the caller (tools, tests, benchmarks). */
    public FaceAnalyzer newAnalyzer() {
        return new FaceAnalyzer(vision.newDetector(), vision.newSmallFaceDetector(), vision.newLandmarker(),
                new ArcFaceEmbedder(DnnNets.load(settings.embeddingModel().fileName(), embeddingBytes)),
                new FrLivenessModel(DnnNets.load(settings.livenessModel().fileName(), livenessBytes)),
                settings.minPresence());
    }

    /**
     * Decodes JPEG or PNG bytes and runs {@code work} with a pooled analyzer; the view is valid only inside.
     *
     * @throws dev.facevitals.vision.ImageRejectedException for bytes that are not a usable image
     */
    public <T> T analyze(byte[] image, BiFunction<FaceAnalyzer, ImageView, T> work) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        try (OpenCvImage img = OpenCvImage.decode(image, vision.settings().maxImagePixels())) {
            return analyze(img.view(), work);
        }
    }

    /**
     * Runs {@code work} on an image already in memory (a decoded video frame, BGR) with a pooled analyzer.
     */
    public <T> T analyze(ImageView view, BiFunction<FaceAnalyzer, ImageView, T> work) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        FaceAnalyzer a = idle.pollFirst();
        if (a == null) {
            a = newAnalyzer();
            synchronized (all) {
                all.add(a);
            }
        }
        try {
            return work.apply(a, view);
        } finally {
            idle.addFirst(a);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(FaceAnalyzer::close);
            all.clear();
        }
        idle.clear();
    }
}
