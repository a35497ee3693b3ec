package dev.facevitals.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import dev.facevitals.video.VideoException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The native core shared by {@link FfmpegFrameSource} and the bare decode: demuxes one file, decodes its
 * video track frame by frame and keeps the books (timestamps, damaged frames, truncation). Holds every
 * FFmpeg object it allocates and frees them all in {@link #close()}; nothing is allocated per frame.
 */
final class FfmpegVideoInput implements AutoCloseable {

    // From libavutil/frame.h and libavcodec/avcodec.h; the presets do not map these macros.
    private static final int AV_FRAME_FLAG_CORRUPT = 1;
    private static final int AV_FRAME_FLAG_KEY = 1 << 1;
    private static final int FF_THREAD_FRAME = 1;
    private static final int FF_THREAD_SLICE = 2;
    private static final int AV_DISPOSITION_ATTACHED_PIC = 1 << 10;
    private static final int EAGAIN;

    static {
        // FFmpeg logs to stderr, outside our logging, and a corrupt upload can make the decoder print
        // thousands of lines: keep only fatal messages. What failed is in VideoException.detail().
        av_log_set_level(AV_LOG_FATAL);
        // The presets class holding AVERROR_EAGAIN() has no loader of its own: avutil must be loaded first.
        EAGAIN = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN();
    }

    private final DecoderSettings settings;
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;

    private int streamIndex = -1;
    private int tbNum;
    private int tbDen;
    private long nominalIntervalMicros;
    private double nominalFps;
    private double durationSec = Double.NaN;
    private long declaredFrames;
    private int rotationDegrees;
    private String codecName;
    private String formatName;

    private boolean flushed;
    private boolean ended;
    private boolean readError;
    private String readErrorText;
    private long framesOut;
    private long damaged;
    /** Bytes of the video track's packets read so far (other tracks, such as audio, not counted). */
    private long videoBytes;
    private long firstPts = AV_NOPTS_VALUE;
    private long lastMicros = -1;
    /** Whether the frame last returned was coded on its own after frames that were not (see VideoFrame). */
    private boolean lastKeyAfterPredicted;
    /** Whether the frame last returned was predicted from others (neither a key frame nor an I picture). */
    private boolean lastPredicted;
    /** Whether the frame before it was coded on its own; true before the first, which starts any stream. */
    private boolean previousIntra = true;

    private FfmpegVideoInput(DecoderSettings settings) {
        this.settings = settings;
    }

    /** Opens the file and its video decoder; frees everything and throws when that fails. */
    static FfmpegVideoInput open(Path file, DecoderSettings settings) throws VideoException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new VideoException(Kind.UNREADABLE, "not a regular file: " + file);
            }
            if (Files.size(file) == 0) {
                throw new VideoException(Kind.UNREADABLE, "empty file: " + file);
            }
        } catch (IOException e) {
            throw new VideoException(Kind.UNREADABLE, "cannot read " + file + ": " + e);
        }
        FfmpegVideoInput in = new FfmpegVideoInput(settings);
        try {
            in.openFile(file);
            return in;
        } catch (VideoException | RuntimeException | Error e) {
            in.close();
            throw e;
        }
    }

    private void openFile(Path file) throws VideoException {
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "format_whitelist", String.join(",", settings.formats()), 0);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        AVFormatContext ctx = new AVFormatContext(null);
        int r = avformat_open_input(ctx, file.toAbsolutePath().toString(), null, options);
        av_dict_free(options);
        if (r < 0) {
            // avformat_open_input frees the context itself on failure.
            throw new VideoException(Kind.UNREADABLE, "avformat_open_input: " + errorText(r));
        }
        format = ctx;
        r = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (r < 0) {
            throw new VideoException(Kind.UNREADABLE, "avformat_find_stream_info: " + errorText(r));
        }
        formatName = format.iformat().name().getString();

        AVStream stream = pickVideoStream();
        AVCodecParameters par = stream.codecpar();
        codecName = avcodec_get_name(par.codec_id()).getString();
        if (!settings.codecs().contains(codecName)) {
            throw new VideoException(Kind.UNSUPPORTED_CODEC, "codec not accepted: " + codecName);
        }
        if ((long) par.width() * par.height() > settings.maxPixels()) {
            throw new VideoException(Kind.TOO_LARGE, "frame " + par.width() + "x" + par.height());
        }
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null || decoder.isNull()) {
            throw new VideoException(Kind.UNSUPPORTED_CODEC, "no decoder in this FFmpeg build: " + codecName);
        }
        codec = avcodec_alloc_context3(decoder);
        if (codec == null || codec.isNull()) {
            throw new OutOfMemoryError("avcodec_alloc_context3");
        }
        r = avcodec_parameters_to_context(codec, par);
        if (r < 0) {
            throw new VideoException(Kind.UNSUPPORTED_CODEC, "avcodec_parameters_to_context: " + errorText(r));
        }
        codec.pkt_timebase(stream.time_base());
        codec.thread_count(settings.threads());
        codec.thread_type(FF_THREAD_FRAME | FF_THREAD_SLICE);
        r = avcodec_open2(codec, decoder, (AVDictionary) null);
        if (r < 0) {
            throw new VideoException(Kind.UNSUPPORTED_CODEC, "avcodec_open2 " + codecName + ": " + errorText(r));
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (packet == null || packet.isNull() || frame == null || frame.isNull()) {
            throw new OutOfMemoryError("av_packet_alloc / av_frame_alloc");
        }

        AVRational tb = stream.time_base();
        tbNum = tb.num();
        tbDen = tb.den();
        if (tbNum <= 0 || tbDen <= 0) {
            throw new VideoException(Kind.UNREADABLE, "invalid time base " + tbNum + "/" + tbDen);
        }
        nominalFps = rate(stream.avg_frame_rate());
        if (!(nominalFps > 0)) {
            nominalFps = rate(stream.r_frame_rate());
        }
        if (!(nominalFps > 0 && nominalFps < 1000)) {
            nominalFps = 30;
        }
        nominalIntervalMicros = Math.round(1e6 / nominalFps);
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            durationSec = stream.duration() * (double) tbNum / tbDen;
        } else if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            durationSec = format.duration() / 1e6;
        }
        declaredFrames = Math.max(0, stream.nb_frames());
        rotationDegrees = readRotation(stream);
    }

    private AVStream pickVideoStream() throws VideoException {
        long bestPixels = -1;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream s = format.streams(i);
            AVCodecParameters p = s.codecpar();
            boolean video = p.codec_type() == AVMEDIA_TYPE_VIDEO
                    && (s.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0; // cover art is not video
            long pixels = (long) p.width() * p.height();
            if (video && pixels > bestPixels) {
                bestPixels = pixels;
                streamIndex = i;
            }
        }
        if (streamIndex < 0) {
            throw new VideoException(Kind.NO_VIDEO_STREAM, "no video stream among " + format.nb_streams());
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            if (i != streamIndex) {
                format.streams(i).discard(AVDISCARD_ALL); // do not even demux audio
            }
        }
        return format.streams(streamIndex);
    }

    /** Clockwise degrees (0, 90, 180, 270) that make the stored pixels upright. */
    private static int readRotation(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        double counterClockwise = Double.NaN;
        if (sd != null && !sd.isNull() && sd.size() >= 9 * 4 && sd.data() != null) {
            counterClockwise = av_display_rotation_get(new IntPointer(sd.data()));
        } else {
            // Files written by old muxers may only carry the legacy tag (clockwise degrees).
            AVDictionaryEntry tag = av_dict_get(stream.metadata(), "rotate", null, 0);
            if (tag != null && !tag.isNull()) {
                try {
                    counterClockwise = -Double.parseDouble(tag.value().getString().trim());
                } catch (NumberFormatException e) {
                    counterClockwise = Double.NaN;
                }
            }
        }
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long quarter = Math.round(-counterClockwise / 90.0);
        return (int) Math.floorMod(quarter * 90, 360L);
    }

    /**
     * Decodes the next good frame.
     *
     * @return the frame, valid until the next call; {@code null} at the end of the stream
     */
    AVFrame nextFrame() throws VideoException {
        if (ended) {
            return null;
        }
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r >= 0) {
                if (frame.decode_error_flags() != 0 || (frame.flags() & AV_FRAME_FLAG_CORRUPT) != 0) {
                    damage("concealed or corrupt frame");
                    continue;
                }
                stamp();
                boolean intra = (frame.flags() & AV_FRAME_FLAG_KEY) != 0 || frame.pict_type() == AV_PICTURE_TYPE_I;
                lastKeyAfterPredicted = intra && !previousIntra;
                lastPredicted = !intra;
                previousIntra = intra;
                framesOut++;
                return frame;
            }
            if (r == AVERROR_EOF) {
                ended = true;
                checkComplete();
                return null;
            }
            if (r != EAGAIN) {
                damage("avcodec_receive_frame: " + errorText(r));
                if (flushed) {
                    continue; // draining: the decoder returns EOF once its queued frames are out
                }
            }
            if (flushed) {
                // EAGAIN after a flush packet should not happen; do not spin on it.
                ended = true;
                checkComplete();
                return null;
            }
            readAndSend();
        }
    }

    /** Reads packets until one of the video track has been sent to the decoder, or flushes at the end. */
    private void readAndSend() throws VideoException {
        while (true) {
            int r = av_read_frame(format, packet);
            if (r < 0) {
                if (r != AVERROR_EOF) {
                    readError = true;
                    readErrorText = errorText(r);
                }
                avcodec_send_packet(codec, null); // enter draining mode
                flushed = true;
                return;
            }
            try {
                if (packet.stream_index() != streamIndex) {
                    continue;
                }
                videoBytes += Math.max(0, packet.size());
                if ((packet.flags() & AV_PKT_FLAG_CORRUPT) != 0) {
                    damage("packet flagged corrupt by the demuxer");
                }
                int s = avcodec_send_packet(codec, packet);
                if (s < 0 && s != EAGAIN && s != AVERROR_EOF) {
                    damage("avcodec_send_packet: " + errorText(s));
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private void damage(String what) throws VideoException {
        damaged++;
        if (damaged > settings.maxDamagedFrames()) {
            throw new VideoException(Kind.CORRUPT, damaged + " damaged frames (last: " + what + ") after "
                    + framesOut + " good ones");
        }
    }

    /** Sets {@link #lastMicros} to this frame's presentation time, from the first good frame. */
    private void stamp() {
        long pts = frame.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = frame.pts();
        }
        long micros;
        if (pts == AV_NOPTS_VALUE) {
            micros = framesOut == 0 ? 0 : lastMicros + nominalIntervalMicros;
        } else {
            if (firstPts == AV_NOPTS_VALUE) {
                firstPts = pts;
            }
            micros = toMicros(pts - firstPts, tbNum, tbDen);
        }
        // Consumers divide by time steps: keep the stamps strictly increasing even in a broken file.
        if (framesOut > 0 && micros <= lastMicros) {
            micros = lastMicros + 1;
        }
        lastMicros = micros;
    }

    /** At the end of the stream: refuse a file that stopped short of what its container declares. */
    private void checkComplete() throws VideoException {
        if (framesOut == 0) {
            String why = readError ? "read error " + readErrorText : damaged + " damaged, no good frame";
            Kind kind = declaredFrames > 0 && readError ? Kind.TRUNCATED : damaged > 0 ? Kind.CORRUPT : Kind.NO_FRAMES;
            throw new VideoException(kind, why);
        }
        long seen = framesOut + damaged;
        // Only MP4/MOV count their frames reliably (the sample table); a few declared samples may still never
        // come out (edit lists drop pre-roll frames). AVI indexes count dropped-frame placeholders too.
        if (countsReliable() && seen < declaredFrames - Math.max(2, declaredFrames / 50)) {
            throw new VideoException(Kind.TRUNCATED, "decoded " + seen + " of " + declaredFrames
                    + " declared frames" + (readError ? ", read error " + readErrorText : ""));
        }
        double lastSec = lastMicros / 1e6;
        if (!countsReliable() && durationSec > 0 && lastSec + 1.0 < 0.95 * durationSec) {
            throw new VideoException(Kind.TRUNCATED, "frames end at " + lastSec + " s of " + durationSec
                    + " s" + (readError ? ", read error " + readErrorText : ""));
        }
        // A read error after everything declared came out (junk at the end of the file) is harmless.
    }

    private boolean countsReliable() {
        return declaredFrames > 0 && formatName.startsWith("mov,");
    }

    /** {@code value * num / den} seconds in microseconds, rounded half away from zero like {@code av_rescale_q}. */
    static long toMicros(long value, int num, int den) {
        try {
            long product = Math.multiplyExact(value, 1_000_000L * num);
            long half = den / 2;
            return product >= 0 ? (product + half) / den : -((-product + half) / den);
        } catch (ArithmeticException e) {
            // Beyond 64 bits (years of 90 kHz ticks): exactness no longer matters.
            return Math.round(value * 1e6 * num / den);
        }
    }

    private static double rate(AVRational r) {
        return r == null || r.den() == 0 ? Double.NaN : (double) r.num() / r.den();
    }

    static String errorText(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }

    int rotationDegrees() {
        return rotationDegrees;
    }

    double nominalFps() {
        return nominalFps;
    }

    double durationSec() {
        return durationSec;
    }

    long frameEstimate() {
        if (declaredFrames > 0) {
            return declaredFrames;
        }
        return durationSec > 0 ? Math.round(durationSec * nominalFps) : 0;
    }

    String codecName() {
        return codecName;
    }

    String formatName() {
        return formatName;
    }

    /** Presentation time of the frame last returned, microseconds from the first good frame. */
    long lastMicros() {
        return lastMicros;
    }

    /** Whether the frame last returned is a key frame after predicted ones ({@link VideoFrame#keyAfterPredicted}). */
    boolean lastKeyAfterPredicted() {
        return lastKeyAfterPredicted;
    }

    /** Whether the frame last returned was predicted from others ({@link VideoFrame#predicted}). */
    boolean lastPredicted() {
        return lastPredicted;
    }

    long framesOut() {
        return framesOut;
    }

    long damaged() {
        return damaged;
    }

    long videoBytes() {
        return videoBytes;
    }

    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }
}
