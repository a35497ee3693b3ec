package dev.facevitals.scan.analysis;

import dev.facevitals.vitals.VitalsResult;

/**
 * What the analysis of one video gave: what the video is, the vitals (null when it failed before the
 * vitals engine), how much of the time a face was tracked, the failure if there is one, and the scan's
 * liveness score ({@link ScanLiveness}; null when the vitals engine did not run or no frame could be judged).
 */
public record AnalysisOutcome(VideoSummary video, VitalsResult vitals, Double faceCoverage, ScanFailure failure,
                              Double livenessScore) {

    public AnalysisOutcome(VideoSummary video, VitalsResult vitals, Double faceCoverage, ScanFailure failure) {
        this(video, vitals, faceCoverage, failure, null);
    }

    /**
     * @param durationS   seconds between first and last frame timestamps; fps = frames per second over it
     * @param bitrateMbps the video track's coded size over its duration (audio not counted), Mbit/s; NaN when
     *                    either is unknown
     * @param hdr         the HDR transfer, {@code hlg} or {@code pq}, whose frames the decoder mapped to SDR; null
     *                    for SDR video
     */
    public record VideoSummary(double durationS, double fps, int width, int height, int frames, double bitrateMbps,
                               String hdr) {

        /** An SDR video. */
        public VideoSummary(double durationS, double fps, int width, int height, int frames, double bitrateMbps) {
            this(durationS, fps, width, height, frames, bitrateMbps, null);
        }

        /** The video's bits per pixel of each frame (bit rate over pixels per second); NaN when unknown. */
        public double bitsPerPixel() {
            double pixelsPerSecond = (double) width * height * fps;
            return pixelsPerSecond > 0 ? bitrateMbps * 1e6 / pixelsPerSecond : Double.NaN;
        }
    }

    public static AnalysisOutcome failed(VideoSummary video, ScanFailure failure) {
        return new AnalysisOutcome(video, null, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
