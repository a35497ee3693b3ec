package dev.facevitals.vision;

import dev.facevitals.vitals.SignalTraces;

/**
 * Feeds one scan's frames through a {@link FaceTracker} and the skin sampler into
 * {@link SignalTraces}, and counts what the scan's face errors (3, 4, 5) need.
 * One per video; owns the tracker.
 */
public final class SkinTraceRecorder implements AutoCloseable {

    /** A missing face counts as having left the frame when its last box came this close to an edge. */
    private static final double EDGE_MARGIN = 0.05;

    private final FaceTracker tracker;
    private final SignalTraces.Builder traces;
    private final ScanFaceReport.Limits limits;
    private final int regions;
    private final double[] rgb;
    private final int[] count;
    private final int[] inside;

    private long firstMicros = Long.MIN_VALUE;
    private long lastMicros;
    private int skipped;
    /** A key-frame mark of a skipped frame, for the next frame kept. */
    private boolean keyPending;
    private int frames;
    private int faceFrames;
    private int outOfFrame;
    private int lowSkin;
    private boolean lastNearEdge;

    /**
     * @param tracker face tracker for this video (owned)
     * @param width   frame width of the video
     * @param height  frame height of the video
     * @param limits  thresholds for the error codes
     */
    public SkinTraceRecorder(FaceTracker tracker, int width, int height, ScanFaceReport.Limits limits) {
        this.tracker = tracker;
        this.regions = tracker.regionNames().size();
        this.rgb = new double[3 * regions];
        this.count = new int[regions];
        this.inside = new int[regions];
        this.traces = SignalTraces.builder(tracker.regionNames(), width, height);
        this.limits = limits;
    }

    /**
     * Processes one frame. A frame whose timestamp does not increase (a duplicate from a variable-rate
     * stream) is skipped: the traces need strictly increasing times.
     *
     * @return the tracker's observation for the frame (a "not found" one for a skipped frame)
     */
    public FaceObservation accept(ImageView frame, long timestampMicros) {
        return accept(frame, timestampMicros, false, false);
    }

    /**
     * Processes one frame, as {@link #accept(ImageView, long)}, and notes in the traces when the codec coded it
     * on its own after predicted frames (a key frame between P frames) and when it predicted it from others.
     */
    public FaceObservation accept(ImageView frame, long timestampMicros, boolean keyAfterPredicted,
                                  boolean predicted) {
        if (predicted) {
            traces.predicted();
        }
        if (firstMicros == Long.MIN_VALUE) {
            firstMicros = timestampMicros;
        } else if (timestampMicros <= lastMicros) {
            skipped++;
            // the codec's refresh still happened: the next frame kept carries its mark
            keyPending |= keyAfterPredicted;
            return FaceObservation.missing(timestampMicros);
        }
        keyAfterPredicted |= keyPending;
        keyPending = false;
        lastMicros = timestampMicros;
        double t = (timestampMicros - firstMicros) / 1e6;
        FaceObservation o = tracker.update(frame, timestampMicros);
        frames++;
        if (!o.found()) {
            traces.addMissing(t);
            if (keyAfterPredicted) {
                traces.keyFrame();
            }
            if (lastNearEdge) {
                outOfFrame++;
            }
            return o;
        }
        faceFrames++;
        tracker.sampleSkin(frame, rgb, count, inside);
        int skin = 0;
        int in = 0;
        for (int k = 0; k < regions; k++) {
            skin += count[k];
            in += inside[k];
        }
        if (skin < limits.minSkinPixels() || skin < limits.minSkinShare() * in) {
            lowSkin++;
        }
        Box b = o.box();
        double m = EDGE_MARGIN * Math.max(b.width(), b.height());
        lastNearEdge = o.partlyOutOfFrame() || b.x() < m || b.y() < m || b.right() > frame.width() - m
                || b.bottom() > frame.height() - m;
        if (o.partlyOutOfFrame()) {
            outOfFrame++;
        }
        traces.addFace(t, b.centreX(), b.centreY(), Math.sqrt(b.area()), rgb, count);
        if (keyAfterPredicted) {
            traces.keyFrame();
        }
        return o;
    }

    public SignalTraces traces() {
        return traces.build();
    }

    public ScanFaceReport report() {
        return new ScanFaceReport(frames, faceFrames, outOfFrame, lowSkin, limits);
    }

    /** Frames dropped for a timestamp that did not increase. */
    public int skippedFrames() {
        return skipped;
    }

    /** The tracker, for its counters. */
    public FaceTracker tracker() {
        return tracker;
    }

    @Override
    public void close() {
        tracker.close();
    }
}
