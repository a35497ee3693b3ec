package dev.facevitals.video;

import java.nio.file.Path;

/**
 * Opens video files for decoding with one set of {@link DecoderSettings}. Stateless and thread-safe; each
 * opened {@link FrameSource} is for one thread.
 *
 * <p>Takes file paths, not streams: the worker spools uploads to disk first because phone MP4s often keep
 * their index (the {@code moov} atom) at the end of the file.
 */
public final class VideoDecoder {

    private final DecoderSettings settings;

    public VideoDecoder() {
        this(DecoderSettings.defaults());
    }

    public VideoDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    public DecoderSettings settings() {
        return settings;
    }

    /**
     * Opens a file for frame-by-frame decoding to upright BGR; see {@link FfmpegFrameSource}.
     *
     * @throws VideoException when the file is not a video we accept or has no decodable frame
     */
    public FrameSource open(Path file) throws VideoException {
        return FfmpegFrameSource.open(file, settings);
    }

    /**
     * Decodes every frame of the file and touches nothing: no colour conversion, no rotation. The baseline
     * for speed benchmarks, with the same demuxer, decoder, threads and error checks as {@link #open}.
     *
     * @throws VideoException for the same files {@link #open} or reading the frames would refuse
     */
    public DecodeStats bareDecode(Path file) throws VideoException {
        try (FfmpegVideoInput input = FfmpegVideoInput.open(file, settings)) {
            while (input.nextFrame() != null) {
                // decode only
            }
            return new DecodeStats(input.framesOut(), input.damaged(), Math.max(0, input.lastMicros()));
        }
    }
}
