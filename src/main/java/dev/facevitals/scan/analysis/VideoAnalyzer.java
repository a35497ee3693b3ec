package dev.facevitals.scan.analysis;

import java.nio.file.Path;

/**
 * Analyses one video file: decode, face tracking, skin traces, vitals. Blocking and CPU-bound; never throws
 * for a bad video (that is an outcome with a failure), only for bugs.
 */
public interface VideoAnalyzer {

    /**
     * @param file     the video, on local disk
     * @param progress told of progress while frames are decoded (may be called often; keep it cheap)
     */
    AnalysisOutcome analyze(Path file, Progress progress);

    /** Progress of a running analysis. */
    @FunctionalInterface
    interface Progress {
        /** @param frames frames decoded so far @param estimate frames expected (0 when unknown) */
        void frames(int frames, long estimate);

        /**
         * A step of the analysis worth a line in the scan's log (what the vitals engine saw and decided).
         * Ignored unless overridden.
         */
        default void step(String what) {
        }

        Progress NONE = (frames, estimate) -> { };
    }
}
