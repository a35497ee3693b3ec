package dev.facevitals.scan.analysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoException;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.VideoInfo;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.ScanFaceReport;
import dev.facevitals.vision.SkinTraceRecorder;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.SignalTraces;
import dev.facevitals.vitals.VitalsAnalysis;
import dev.facevitals.vitals.VitalsEngine;
import dev.facevitals.vitals.VitalsResult;

/**
 * The scan pipeline on one file: decode frame by frame, track the face and sample its skin into traces
 * (only the traces are kept, a few dozen bytes per frame), then the vitals engine. Errors in IntelliProve
 * order: 1 unreadable, 2 too short, then the face errors 3, 5, 4, then the signal errors 10, 11.
 */
public final class PipelineAnalyzer implements VideoAnalyzer {

    private static final Logger LOG = Logger.getLogger(PipelineAnalyzer.class);

    private final VideoDecoder decoder;
    private final OpenCvVision vision;
    private final VitalsEngine engine;
    private final double minDurationSec;
    private final FrameLiveness liveness;

    /**
     * A pipeline without a liveness score (benchmarks, tools).
     *
     * @param minDurationSec shortest video accepted (error 2 below it); the vitals engine's own minimum
     *                       should be the same
     */
    public PipelineAnalyzer(VideoDecoder decoder, OpenCvVision vision, VitalsEngine engine, double minDurationSec) {
        this(decoder, vision, engine, minDurationSec, null);
    }

    /**
     * @param liveness judges a frame from the middle of the video for the scan's liveness score; null for none
     */
    public PipelineAnalyzer(VideoDecoder decoder, OpenCvVision vision, VitalsEngine engine, double minDurationSec,
                            FrameLiveness liveness) {
        this.liveness = liveness;
        this.decoder = decoder;
        this.vision = vision;
        this.engine = engine;
        this.minDurationSec = minDurationSec;
    }

    @Override
    public AnalysisOutcome analyze(Path file, Progress progress) {
        return analyze(file, progress, null);
    }

    /**
     * Like {@link #analyze(Path, Progress)}, and hands the scan's traces to {@code tracesTap} before the
     * vitals engine runs (benchmarks evaluate other settings on the same traces without decoding again).
     *
     * @param tracesTap told the traces when the face checks passed; may be null
     */
    public AnalysisOutcome analyze(Path file, Progress progress, Consumer<SignalTraces> tracesTap) {
        long t0 = System.nanoTime();
        try (FrameSource source = decoder.open(file)) {
            // the tracker and the skin sampler ask for the face's pixels: a frame is made ready there only
            source.pixelsOnDemand();
            VideoInfo info = source.info();
            try (SkinTraceRecorder recorder = vision.newRecorder(info.width(), info.height())) {
                int frames = 0;
                long first = 0;
                long last = 0;
                // one copy of a frame for the liveness score: the middle one when the length is known, else the
                // first (kept in case the estimate overshoots; the middle one overwrites it in place)
                long keyIndex = Math.max(0, info.frameEstimate() / 2);
                ImageView keyFrame = null;
                try {
                    for (VideoFrame frame = source.next(); frame != null; frame = source.next()) {
                        if (frames == 0) {
                            first = frame.timestampMicros();
                        }
                        if (liveness != null && (frames == 0 || frames == keyIndex)) {
                            keyFrame = ImageViews.copy(frame.image(), keyFrame);
                        }
                        last = frame.timestampMicros();
                        recorder.accept(frame.image(), frame.timestampMicros(), frame.keyAfterPredicted(),
                                frame.predicted());
                        frames++;
                        progress.frames(frames, info.frameEstimate());
                    }
                } catch (VideoException e) {
                    return AnalysisOutcome.failed(summary(info, frames, first, last, source.videoBytes()),
                            ScanFailure.unreadable(e.getMessage()));
                } catch (VideoException.Unchecked e) {
                    // a frame that failed to convert where the tracker read it
                    return AnalysisOutcome.failed(summary(info, frames, first, last, source.videoBytes()),
                            ScanFailure.unreadable(e.video().getMessage()));
                }
                AnalysisOutcome.VideoSummary video = summary(info, frames, first, last, source.videoBytes());
                progress.step(String.format(Locale.ROOT,
                        "video %dx%d %s%s, %d frames over %.1f s (%.1f /s), %.2f Mbit/s (%.3f bits per pixel)",
                        video.width(), video.height(), info.codec(),
                        hdrNote(info, frames, source.hdrPixelsMapped()), frames,
                        video.durationS(), video.fps(), video.bitrateMbps(), video.bitsPerPixel()));
                if (frames < 2) {
                    return AnalysisOutcome.failed(video, ScanFailure.unreadable("it has no playable frames"));
                }
                if (video.durationS() + 1e-6 < minDurationSec) {
                    return AnalysisOutcome.failed(video, ScanFailure.tooShort(video.durationS(), minDurationSec));
                }
                ScanFaceReport faces = recorder.report();
                double coverage = faces.faceCoverage();
                if (faces.errorCode().isPresent()) {
                    ScanFailure failure = switch (faces.errorCode().getAsInt()) {
                        case ScanFaceReport.NO_FACE -> ScanFailure.noFace();
                        case ScanFaceReport.OUT_OF_FRAME -> ScanFailure.movedOutOfFrame();
                        default -> ScanFailure.notEnoughSkin();
                    };
                    return new AnalysisOutcome(video, null, coverage, failure);
                }
                long tVision = System.nanoTime();
                SignalTraces traces = recorder.traces();
                if (tracesTap != null) {
                    tracesTap.accept(traces);
                }
                VitalsAnalysis analysis = engine.analyse(traces);
                VitalsResult vitals = analysis.result();
                LOG.debugf("Analysed %d frames: decode+vision %d ms, vitals %d ms", frames,
                        (tVision - t0) / 1_000_000, (System.nanoTime() - tVision) / 1_000_000);
                progress.step("vitals: " + analysis.summary());
                Double live = livenessOf(keyFrame, vitals);
                return new AnalysisOutcome(video, vitals, coverage, failureOf(vitals, video), live);
            }
        } catch (VideoException e) {
            return AnalysisOutcome.failed(null, ScanFailure.unreadable(e.getMessage()));
        }
    }

    /** " HDR (HLG, mapped to SDR: 23 % of the pixels)" for HDR video; empty for SDR. */
    static String hdrNote(VideoInfo info, int frames, long mapped) {
        if (info.hdr() == null) {
            return "";
        }
        double all = (double) frames * info.width() * info.height();
        return all > 0 && mapped > 0
                ? String.format(Locale.ROOT, " HDR (%s, mapped to SDR: %.0f %% of the pixels)", info.hdr(),
                        100 * mapped / all)
                : " HDR (" + info.hdr() + ", mapped to SDR)";
    }

    private Double livenessOf(ImageView keyFrame, VitalsResult vitals) {
        if (liveness == null || keyFrame == null) {
            return null;
        }
        try {
            return ScanLiveness.combine(liveness.probability(keyFrame), vitals.heartRateBpm() != null);
        } catch (RuntimeException e) {
            LOG.warnf("Liveness of the scan's key frame could not be judged: %s", e.toString());
            return null;
        }
    }

    private ScanFailure failureOf(VitalsResult vitals, AnalysisOutcome.VideoSummary video) {
        if (vitals.failure() == null) {
            return null;
        }
        return switch (vitals.failure()) {
            case RGB_QUALITY -> ScanFailure.rgbQuality().withCompressionNote(video);
            case PULSE_QUALITY -> ScanFailure.signalQuality().withCompressionNote(video);
            case TOO_SHORT -> ScanFailure.tooShort(video.durationS(), minDurationSec);
            case NO_FACE -> ScanFailure.noFace();
            case NOT_ENOUGH_SKIN -> ScanFailure.notEnoughSkin();
            case FACE_LOST -> ScanFailure.movedOutOfFrame();
        };
    }

    /**
     * Duration as the vitals engine counts it: from the first frame's start to the last frame's end, so
     * 600 frames at 30 fps are 20.0 s.
     */
    static AnalysisOutcome.VideoSummary summary(VideoInfo info, int frames, long firstMicros, long lastMicros,
                                                long bytes) {
        double span = (lastMicros - firstMicros) / 1e6;
        double duration = frames < 2 ? 0 : span * frames / (frames - 1.0);
        double fps = duration > 0 ? frames / duration : info.nominalFps();
        double mbps = duration > 0 ? bytes * 8 / duration / 1e6 : Double.NaN;
        return new AnalysisOutcome.VideoSummary(duration, fps, info.width(), info.height(), frames, mbps,
                info.hdr() == null ? null : info.hdr().toLowerCase(Locale.ROOT));
    }
}
