package dev.facevitals.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P12LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P12LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P12LE;

import dev.facevitals.vision.ImageView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes a video file with FFmpeg, one frame at a time, to upright packed BGR24: SDR colours, HDR video
 * (HLG or PQ) mapped to SDR as a player would show it ({@link HdrToSdr}). HDR frames in the planar 10- and
 * 12-bit Y'CbCr that HEVC, VP9 and AV1 decode to are mapped in Java ({@link HdrFrameMapper}), straight into the
 * upright frame, and after {@link #pixelsOnDemand()} only where they are read; other HDR frames go through
 * swscale's 16-bit RGB first ({@link BgrConverter}). After {@link #pixelsOnDemand()} SDR frames of 8-bit planar
 * Y'CbCr are converted by swscale in bands of rows, and turned upright, only where they are read
 * ({@link SdrOnDemand}), byte for byte as the whole frame would be.
 *
 * <p>Memory is flat in video length: one FFmpeg packet and frame, one BGR buffer (and one rotated buffer
 * for videos with a display rotation; for HDR video the mapper's arrays of one row, or three 16-bit planes for
 * HDR frames it does not read), allocated when the file is opened (which converts the first frame) or at the
 * first frame that needs them. Each {@link VideoFrame}'s {@link ImageView} is a read-only view of that buffer
 * with its real row stride (rows padded to 64 bytes), without a copy: it is overwritten by the next
 * {@link #next()}.
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
    /** The upright frame's pixels, writable, and their rotation from the stored ones. */
    private final ByteBuffer target;
    private final int rotation;
    private VideoFrame pending;
    private int index;
    private boolean closed;
    private boolean onDemand;
    /** HDR frames mapped in Java: the mapper, what it was made for, and the view that asks it for pixels. */
    private HdrFrameMapper mapper;
    private MapperKey mapperKey;
    /** Pixels earlier mappers of this source mapped. */
    private long mapped;
    private ImageView demandView;
    /** SDR frames on demand: converted band by band, and the view that asks for them. */
    private SdrOnDemand sdr;
    private ImageView sdrView;

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
        this.target = rot != null ? rot.buffer() : bgr.buffer();
        this.rotation = rotation;
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

    @Override
    public void pixelsOnDemand() {
        onDemand = true;
    }

    private VideoFrame convert(AVFrame frame) throws VideoException {
        ImageView image = view;
        HdrFrameMapper m = mapperFor(frame);
        if (m != null) {
            int chromaRows = (frame.height() + (1 << shiftY(frame.format())) - 1) >> shiftY(frame.format());
            m.load(plane(frame, 0, frame.height()), frame.linesize(0) / 2, plane(frame, 1, chromaRows),
                    plane(frame, 2, chromaRows), frame.linesize(1) / 2);
            if (onDemand) {
                image = demandView;
            } else {
                m.mapAll();
            }
        } else if (onDemand && converter.bandable(frame)) {
            if (sdr == null) {
                sdr = new SdrOnDemand(converter, rotation, storedWidth(), storedHeight(), converter.buffer(),
                        converter.stride(), target, view.stride());
                sdrView = new ImageView(view.width(), view.height(), view.stride(), view.pixels(), sdr);
            }
            sdr.load(frame);
            image = sdrView;
        } else {
            converter.convert(frame);
            if (rotator != null) {
                rotator.rotate();
            }
        }
        return new VideoFrame(index++, input.lastMicros(), image, input.lastKeyAfterPredicted(),
                input.lastPredicted());
    }

    /** A plane of 16-bit samples of the decoded frame: a view of FFmpeg's memory, valid until the next decode. */
    private static ShortBuffer plane(AVFrame frame, int i, int rows) {
        return frame.data(i).capacity((long) frame.linesize(i) * rows).asByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    }

    /**
     * The Java mapper for an HDR frame it can map (planar 10- or 12-bit Y'CbCr of the first frame's size, a
     * known matrix), made or kept for it; null for SDR frames and any other HDR frame (swscale's path).
     */
    private HdrFrameMapper mapperFor(AVFrame frame) {
        HdrToSdr.Transfer transfer = BgrConverter.transferOf(frame.color_trc());
        int format = frame.format();
        int bits = bitsOf(format);
        if (transfer == null || bits == 0 || frame.width() != storedWidth() || frame.height() != storedHeight()
                || frame.linesize(0) <= 0 || frame.linesize(1) <= 0 || frame.linesize(1) != frame.linesize(2)) {
            return null;
        }
        boolean bt2020 = frame.color_primaries() == AVCOL_PRI_BT2020;
        HdrFrameMapper.Matrix matrix = matrixOf(frame.colorspace(), bt2020);
        if (matrix == null) {
            return null;
        }
        boolean full = frame.color_range() == AVCOL_RANGE_JPEG;
        MapperKey key = new MapperKey(format, transfer, bt2020, matrix, full);
        if (mapper == null || !key.equals(mapperKey)) {
            mapped += mapper == null ? 0 : mapper.mapped();
            mapper = new HdrFrameMapper(new HdrToSdr(transfer, bt2020), matrix, full, bits, shiftX(format),
                    shiftY(format), frame.width(), frame.height(), rotation, target, view.stride());
            mapperKey = key;
            demandView = new ImageView(view.width(), view.height(), view.stride(), view.pixels(), mapper);
        }
        return mapper;
    }

    /** What a mapper is made for: a new one when any of it changes between frames. */
    private record MapperKey(int format, HdrToSdr.Transfer transfer, boolean bt2020, HdrFrameMapper.Matrix matrix,
                             boolean fullRange) {
    }

    private int storedWidth() {
        return rotation == 90 || rotation == 270 ? view.height() : view.width();
    }

    private int storedHeight() {
        return rotation == 90 || rotation == 270 ? view.width() : view.height();
    }

    /** Bit depth of the planar Y'CbCr formats the Java mapper reads; 0 for any other format. */
    private static int bitsOf(int format) {
        if (format == AV_PIX_FMT_YUV420P10LE || format == AV_PIX_FMT_YUV422P10LE
                || format == AV_PIX_FMT_YUV444P10LE) {
            return 10;
        }
        if (format == AV_PIX_FMT_YUV420P12LE || format == AV_PIX_FMT_YUV422P12LE
                || format == AV_PIX_FMT_YUV444P12LE) {
            return 12;
        }
        return 0;
    }

    private static int shiftX(int format) {
        return format == AV_PIX_FMT_YUV444P10LE || format == AV_PIX_FMT_YUV444P12LE ? 0 : 1;
    }

    private static int shiftY(int format) {
        return format == AV_PIX_FMT_YUV420P10LE || format == AV_PIX_FMT_YUV420P12LE ? 1 : 0;
    }

    /**
     * The Y'CbCr matrix of a colour space tag; an untagged one is BT.2020's under BT.2020 primaries, else
     * BT.601's (FFmpeg's own default). Null for the rest (BT.2020's constant-luminance form among them).
     */
    static HdrFrameMapper.Matrix matrixOf(int colorspace, boolean bt2020Primaries) {
        if (colorspace == AVCOL_SPC_BT2020_NCL) {
            return HdrFrameMapper.Matrix.BT2020;
        } else if (colorspace == AVCOL_SPC_BT709) {
            return HdrFrameMapper.Matrix.BT709;
        } else if (colorspace == AVCOL_SPC_BT470BG || colorspace == AVCOL_SPC_SMPTE170M) {
            return HdrFrameMapper.Matrix.BT601;
        } else if (colorspace == AVCOL_SPC_UNSPECIFIED) {
            return bt2020Primaries ? HdrFrameMapper.Matrix.BT2020 : HdrFrameMapper.Matrix.BT601;
        }
        return null;
    }

    @Override
    public long hdrPixelsMapped() {
        return mapper == null ? 0 : mapped + mapper.mapped();
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
