package dev.facevitals.video;

import dev.facevitals.vision.ImageView;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes a video file with FFmpeg, one frame at a time, to upright packed BGR24: SDR colours, HDR video
 * (HLG or PQ) mapped to SDR as a player would show it ({@link HdrToSdr}).
 *
 * <p>Memory is flat in video length: one FFmpeg packet and frame, one BGR buffer (and one rotated buffer
 * for videos with a display rotation, and three 16-bit planes for HDR video), all allocated when the file is
 * opened (which converts the first frame). Each {@link VideoFrame}'s
 * {@link ImageView} is a read-only view of that buffer with its real row stride (rows padded to 64 bytes),
 * without a copy: it is overwritten by the next {@link #next()}.
 *
 * <p>Timestamps are each frame's own presentation time, in microseconds from the first frame handed out,
 * so variable frame rate survives; they are strictly increasing. Opening decodes the first frame, so a file
 * without any decodable frame fails at {@link #open}, not later.
 *
 * <p>Damaged frames (decode errors, concealed frames) are skipped, up to the settings' tolerance; past it
 * {@link #next()} throws {@link VideoException.Kind#CORRUPT}. A file that ends well before the frame count
 * its MP4 index declares (an incomplete upload) makes the last {@link #next()} throw
 * {@link VideoException.Kind#TRUNCATED} instead of returning {@code null}.
 *
 * <p>Not thread-safe. Use with try-with-resources.
 */
public final class FfmpegFrameSource implements FrameSource {

    private final FfmpegVideoInput input;
    private final BgrConverter converter;
    private final FrameRotator rotator;
    private final ImageView view;
    private final VideoInfo info;
    private VideoFrame pending;
    private int index;
    private boolean closed;

    private FfmpegFrameSource(FfmpegVideoInput input, AVFrame first, DecoderSettings settings)
            throws VideoException {
        this.input = input;
        int width = first.width();
        int height = first.height();
        int rotation = settings.applyRotation() ? input.rotationDegrees() : 0;
        BgrConverter bgr = new BgrConverter(width, height);
        FrameRotator rot = null;
        try {
            if (rotation != 0) {
                rot = new FrameRotator(bgr.buffer(), width, height, bgr.stride(), rotation);
            }
        } catch (RuntimeException | Error e) {
            bgr.close();
            throw e;
        }
        this.converter = bgr;
        this.rotator = rot;
        this.view = rot != null ? rot.view() : bgr.view();
        HdrToSdr.Transfer hdr = BgrConverter.transferOf(first.color_trc());
        this.info = new VideoInfo(view.width(), view.height(), input.nominalFps(), input.durationSec(),
                input.frameEstimate(), input.codecName(), input.formatName(), rotation,
                hdr == null ? null : hdr.name());
        this.pending = convert(first);
    }

    /**
     * Opens a video file and decodes its first frame.
     *
     * @throws VideoException when the file is not a video we accept or has no decodable frame
     */
    public static FfmpegFrameSource open(Path file, DecoderSettings settings) throws VideoException {
        FfmpegVideoInput input = FfmpegVideoInput.open(file, settings);
        try {
            AVFrame first = input.nextFrame();
            if (first == null) {
                throw new VideoException(VideoException.Kind.NO_FRAMES, "no frame in " + file);
            }
            return new FfmpegFrameSource(input, first, settings);
        } catch (VideoException | RuntimeException | Error e) {
            input.close();
            throw e;
        }
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    @Override
    public VideoFrame next() throws VideoException {
        if (closed) {
            throw new IllegalStateException("frame source is closed");
        }
        if (pending != null) {
            VideoFrame first = pending;
            pending = null;
            return first;
        }
        AVFrame frame = input.nextFrame();
        return frame == null ? null : convert(frame);
    }

    private VideoFrame convert(AVFrame frame) throws VideoException {
        converter.convert(frame);
        if (rotator != null) {
            rotator.rotate();
        }
        return new VideoFrame(index++, input.lastMicros(), view, input.lastKeyAfterPredicted(),
                input.lastPredicted());
    }

    /** Frames skipped so far because they failed to decode (at most the settings' tolerance). */
    public long damagedFrames() {
        return input.damaged();
    }

    @Override
    public long videoBytes() {
        return input.videoBytes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        if (rotator != null) {
            rotator.close();
        }
        converter.close();
        input.close();
    }
}
