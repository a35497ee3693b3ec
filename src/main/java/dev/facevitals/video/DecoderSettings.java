package dev.facevitals.video;

import java.util.Set;

/**
 * How {@link VideoDecoder} opens and decodes files. Validates itself.
 *
 * @param threads         decoder threads: 0 lets FFmpeg choose from the CPU count, 1 decodes on the calling
 *                        thread only; more threads speed one video up, fewer leave cores to other scans
 * @param maxDamagedFrames frames (or packets) that may fail to decode or come out concealed before the video
 *                        is refused as corrupt; damaged frames are skipped, never handed out
 * @param maxPixels       largest accepted width x height (bounds memory and time per frame)
 * @param applyRotation   rotate frames upright following the container's display matrix (phones store
 *                        portrait video as landscape pixels plus a rotation)
 * @param formats         accepted containers, by FFmpeg demuxer name (for example {@code mov} covers MP4,
 *                        MOV and 3GP); anything else is refused before it is parsed further, which also
 *                        keeps playlist formats (HLS, concat) that could open other files out
 * @param codecs          accepted video codecs, by FFmpeg codec name
 */
public record DecoderSettings(int threads, int maxDamagedFrames, long maxPixels, boolean applyRotation,
                              Set<String> formats, Set<String> codecs) {

    /** Phone and camera containers. */
    public static final Set<String> DEFAULT_FORMATS = Set.of("mov", "matroska", "avi", "mpegts");

    /** Codecs phones, browsers and our own test clips use. */
    public static final Set<String> DEFAULT_CODECS =
            Set.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mjpeg", "ffv1");

    /** 4096 x 2304: 4K phone video in either orientation. */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 2304L;

    public DecoderSettings {
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("threads must be 0 (auto) to 64: " + threads);
        }
        if (maxDamagedFrames < 0) {
            throw new IllegalArgumentException("maxDamagedFrames must be >= 0: " + maxDamagedFrames);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        formats = Set.copyOf(formats);
        codecs = Set.copyOf(codecs);
        if (formats.isEmpty() || codecs.isEmpty()) {
            throw new IllegalArgumentException("formats and codecs must not be empty");
        }
        for (String f : formats) {
            if (!f.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("not a demuxer name: " + f);
            }
        }
    }

    /** Threads chosen by FFmpeg, up to 5 damaged frames, 4K at most, rotation applied. */
    public static DecoderSettings defaults() {
        return new DecoderSettings(0, 5, DEFAULT_MAX_PIXELS, true, DEFAULT_FORMATS, DEFAULT_CODECS);
    }

    public DecoderSettings withThreads(int n) {
        return new DecoderSettings(n, maxDamagedFrames, maxPixels, applyRotation, formats, codecs);
    }

    public DecoderSettings withMaxDamagedFrames(int n) {
        return new DecoderSettings(threads, n, maxPixels, applyRotation, formats, codecs);
    }

    public DecoderSettings withMaxPixels(long n) {
        return new DecoderSettings(threads, maxDamagedFrames, n, applyRotation, formats, codecs);
    }

    public DecoderSettings withApplyRotation(boolean apply) {
        return new DecoderSettings(threads, maxDamagedFrames, maxPixels, apply, formats, codecs);
    }
}
