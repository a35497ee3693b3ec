package dev.facevitals.video.synthetic;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Writes BGR frames to a video file with FFmpeg: the test-side counterpart of the decoder, used by the
 * synthetic clip generator and the decoder tests. Frames carry their own timestamps (variable frame rate),
 * and a display rotation can be stored the way phones store portrait video.
 *
 * <p>Every native object is allocated in the constructor and freed in {@link #close()}; a failed
 * constructor frees what it had allocated.
 */
public final class ClipEncoder implements AutoCloseable {

    /** Codec time base: 1/15360 s, what FFmpeg itself uses for 30 fps MP4. Fine enough for jittered VFR. */
    public static final int TIMESCALE = 15360;

    /** Quantiser of {@link Codec#H264_INTRA}: 12 and 16 kept the pulse as well as lossless, 20 did not. */
    private static final int INTRA_QP = 16;

    private static final int EAGAIN;

    static {
        // openh264 warns about its own defaults on every open; keep FFmpeg at errors or quieter.
        if (org.bytedeco.ffmpeg.global.avutil.av_log_get_level() > org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR) {
            org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        }
        // The presets class holding AVERROR_EAGAIN() has no loader of its own: avutil must be loaded first.
        EAGAIN = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN();
    }

    /**
     * Codecs to encode with, and the container each goes in. All but {@link #X264} and the {@code X265}
     * codecs are in the LGPL FFmpeg build the product ships; those need FFmpeg's GPL build (see {@link #X264}).
     */
    public enum Codec {
        /**
         * H.264 through Cisco's libopenh264 (the LGPL build has no libx264), in MP4, like a phone: a key frame
         * every {@link Settings#gopFrames()} frames and openh264's rate control at the target bitrate. openh264
         * spends far less than the target on still content, and it codes a frame as a difference from the
         * previous one only when that difference exceeds its quantiser step: a pulse much smaller than one
         * level on a still face mostly disappears between key frames. A hard condition, like real compression.
         */
        H264("libopenh264", "mp4", AV_PIX_FMT_YUV420P),
        /**
         * H.264 (libopenh264), every frame a key frame at a fixed quantiser of 16: a standard H.264 file that
         * keeps the sub-level pulse as well as a lossless one does (measured), at about 1-1.5 MB per second
         * of 640 x 480 video.
         */
        H264_INTRA("libopenh264", "mp4", AV_PIX_FMT_YUV420P),
        /** Lossless FFV1 on BGR pixels, in Matroska: exact pixels, about 8-13 MB per second at 640 x 480. */
        FFV1("ffv1", "matroska", AV_PIX_FMT_BGR0),
        /** MPEG-4 part 2, in MP4. */
        MPEG4("mpeg4", "mp4", AV_PIX_FMT_YUV420P),
        /**
         * MPEG-4 part 2 (FFmpeg's encoder) with P frames, a key frame every {@link Settings#gopFrames()} frames,
         * and FFmpeg's rate control at the target bitrate over its full quantiser range (2-31): inter-frame
         * compression that, unlike openh264, still codes sub-level changes of a still face (measured with
         * {@code bench.CompressionProbe}: about half the rendered pulse kept at 1.2 Mbit/s, against under a
         * fifth with openh264 at any quantiser).
         */
        MPEG4_RATE("mpeg4", "mp4", AV_PIX_FMT_YUV420P),
        /**
         * H.264 through x264 (preset medium, its average-bitrate rate control at the target bitrate, a key frame
         * every second, B frames as the preset has them), in MP4: the encoder most H.264 of the web went
         * through. It is only in FFmpeg's GPL build, which the test classpath carries beside the LGPL one;
         * JavaCPP loads it when the system property {@value #GPL_PROPERTY} is {@code -gpl} before FFmpeg's
         * first use ({@code bench.VitalsBenchmark} sets it). Unlike openh264 ({@link #H264}) it keeps most of
         * a sub-level pulse at a phone's bit budget (measured with {@code bench.CompressionProbe}).
         */
        X264("libx264", "mp4", AV_PIX_FMT_YUV420P),
        /**
         * HEVC through x265 (preset fast, its average-bitrate rate control at the target bitrate, a key frame
         * every second), in MP4: what a phone records when set to its "high efficiency" format. In FFmpeg's GPL
         * build only, like {@link #X264}; single-threaded (no thread pool, one frame thread) so the file is the
         * same on every machine.
         */
        X265("libx265", "mp4", AV_PIX_FMT_YUV420P),
        /**
         * HEVC through x265 as {@link #X265}, in 10 bits with BT.2020 primaries and the HLG transfer, tagged so
         * in the stream and the MP4 ({@code colr}): how an iPhone records video with HDR on, its default. The
         * frames are converted from the rendered sRGB by {@link HdrEncoding}, not by swscale (which converts
         * neither primaries nor transfer).
         */
        X265_HLG("libx265", "mp4", AV_PIX_FMT_YUV420P10LE, HdrEncoding.Transfer.HLG),
        /**
         * As {@link #X265_HLG} with the PQ transfer (SMPTE ST 2084): the "HDR10" video of Android phones.
         */
        X265_PQ("libx265", "mp4", AV_PIX_FMT_YUV420P10LE, HdrEncoding.Transfer.PQ),
        /** Lossless FFV1 in 10 bits, tagged and converted as {@link #X265_HLG} (LGPL build): exact HDR samples. */
        FFV1_HLG("ffv1", "matroska", AV_PIX_FMT_YUV420P10LE, HdrEncoding.Transfer.HLG),
        /** As {@link #FFV1_HLG} with the PQ transfer. */
        FFV1_PQ("ffv1", "matroska", AV_PIX_FMT_YUV420P10LE, HdrEncoding.Transfer.PQ),
        /**
         * VP8 (libvpx, in the LGPL build), in WebM, the way a video call sends it: WebRTC's default codec, the
         * real-time deadline at the fixed speed WebRTC sets on a desktop ({@code cpu-used -6}), rate control at
         * the target bitrate and a key frame only every ten seconds. The speed is negative on purpose: a positive
         * one makes libvpx choose its speed frame by frame from how long the last frames took to encode, so the
         * same frames came out differently from run to run. Keeps 63 and 75 % of a sub-level pulse's gain at
         * 1 Mbit/s on two faces ({@code bench.CompressionProbe}), half on {@code SyntheticClipTest}'s clip.
         */
        VP8("libvpx", "webm", AV_PIX_FMT_YUV420P);

        /** The JavaCPP property that picks FFmpeg's GPL build (libx264, libx265) when set to "-gpl". */
        public static final String GPL_PROPERTY = "org.bytedeco.javacpp.platform.extension";

        final String encoder;
        final String container;
        final int pixelFormat;
        /** The HDR transfer the frames are converted to and tagged with; null for SDR. */
        final HdrEncoding.Transfer transfer;

        Codec(String encoder, String container, int pixelFormat) {
            this(encoder, container, pixelFormat, null);
        }

        Codec(String encoder, String container, int pixelFormat, HdrEncoding.Transfer transfer) {
            this.encoder = encoder;
            this.container = container;
            this.pixelFormat = pixelFormat;
            this.transfer = transfer;
        }

        /** The usual file extension for this codec's container. */
        public String extension() {
            return switch (this) {
                case H264, H264_INTRA, MPEG4, MPEG4_RATE, X264, X265, X265_HLG, X265_PQ -> ".mp4";
                case FFV1, FFV1_HLG, FFV1_PQ -> ".mkv";
                case VP8 -> ".webm";
            };
        }
    }

    /**
     * @param width          stored frame width (the pixels as given to {@link #write})
     * @param height         stored frame height
     * @param nominalFps     frame rate the encoder is told (rate control); timestamps decide the real one
     * @param bitrate        target bits per second for lossy codecs
     * @param gopFrames      frames between key frames
     * @param rotationCw     clockwise degrees a player must rotate the stored pixels by (0, 90, 180, 270),
     *                       written as a display matrix
     * @param moovAtStart    MP4 only: index before the data ("faststart"); phones usually put it at the end
     */
    public record Settings(Codec codec, int width, int height, int nominalFps, long bitrate, int gopFrames,
                           int rotationCw, boolean moovAtStart) {

        public Settings {
            if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("even frame size needed: " + width + "x" + height);
            }
            if (nominalFps < 1 || bitrate < 10_000 || gopFrames < 1 || rotationCw % 90 != 0) {
                throw new IllegalArgumentException("bad encoder settings");
            }
        }

        public static Settings of(Codec codec, int width, int height) {
            return new Settings(codec, width, height, 30, 8_000_000, 60, 0, false);
        }

        public Settings withRotation(int degreesCw) {
            return new Settings(codec, width, height, nominalFps, bitrate, gopFrames, degreesCw, moovAtStart);
        }

        public Settings withMoovAtStart(boolean atStart) {
            return new Settings(codec, width, height, nominalFps, bitrate, gopFrames, rotationCw, atStart);
        }

        public Settings withBitrate(long bitsPerSecond) {
            return new Settings(codec, width, height, nominalFps, bitsPerSecond, gopFrames, rotationCw, moovAtStart);
        }

        public Settings withFps(int fps) {
            return new Settings(codec, width, height, fps, bitrate, gopFrames, rotationCw, moovAtStart);
        }
    }

    private final Settings settings;
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVStream stream;
    private AVFrame frame;
    private AVPacket packet;
    private SwsContext sws;
    /** The 10-bit Y, Cb and Cr samples of an HDR frame, before they go into the encoder's frame. */
    private short[][] hdrPlanes;
    private BytePointer source;
    private PointerPointer<BytePointer> sourcePlanes;
    private IntPointer sourceStrides;
    private AVRational codecTimeBase;
    private boolean headerWritten;
    private boolean finished;
    private long lastTicks = Long.MIN_VALUE;
    private long frames;

    public ClipEncoder(Path file, Settings settings) throws IOException {
        this.settings = settings;
        try {
            open(file);
        } catch (IOException | RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    private void open(Path file) throws IOException {
        String path = file.toAbsolutePath().toString();
        AVFormatContext oc = new AVFormatContext(null);
        // The codec's usual container, unless the file name asks for another one (".ts" for MPEG-TS, say).
        String container = path.endsWith(settings.codec().extension()) ? settings.codec().container : null;
        check(avformat_alloc_output_context2(oc, null, container, path), "output context");
        format = oc;
        AVCodec encoder = avcodec_find_encoder_by_name(settings.codec().encoder);
        if (encoder == null || encoder.isNull()) {
            throw new IOException("encoder not in this FFmpeg build: " + settings.codec().encoder
                    + (settings.codec().encoder.startsWith("libx26")
                            ? " (FFmpeg's GPL build has it: set -D" + Codec.GPL_PROPERTY + "=-gpl before FFmpeg is"
                            + " first used)" : ""));
        }
        stream = avformat_new_stream(format, null);
        codec = avcodec_alloc_context3(encoder);
        codecTimeBase = new AVRational().num(1).den(TIMESCALE);
        AVRational frameRate = new AVRational().num(settings.nominalFps()).den(1);
        codec.width(settings.width());
        codec.height(settings.height());
        codec.pix_fmt(settings.codec().pixelFormat);
        codec.time_base(codecTimeBase);
        codec.framerate(frameRate);
        codec.gop_size(settings.gopFrames());
        codec.bit_rate(settings.bitrate());
        codec.thread_count(1); // deterministic output, and the build machines share two cores
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary options = new AVDictionary(null);
        switch (settings.codec()) {
            case H264 -> {
                av_dict_set(options, "rc_mode", "bitrate", 0);
                av_dict_set(options, "allow_skip_frames", "0", 0);
                codec.qmin(10);
                codec.qmax(30);
            }
            case H264_INTRA -> {
                av_dict_set(options, "rc_mode", "quality", 0);
                codec.gop_size(1);
                codec.qmin(INTRA_QP);
                codec.qmax(INTRA_QP);
            }
            case MPEG4 -> {
                codec.qmin(2);
                codec.qmax(6);
            }
            case MPEG4_RATE -> {
                codec.qmin(2);
                codec.qmax(31);
            }
            case X264 -> {
                av_dict_set(options, "preset", "medium", 0);
                codec.gop_size(settings.nominalFps());
            }
            case X265, X265_HLG, X265_PQ -> {
                av_dict_set(options, "preset", "fast", 0);
                av_dict_set(options, "x265-params", "pools=none:frame-threads=1:log-level=error", 0);
                codec.gop_size(settings.nominalFps());
            }
            case VP8 -> {
                av_dict_set(options, "deadline", "realtime", 0);
                av_dict_set(options, "cpu-used", "-6", 0);
                codec.gop_size(10 * settings.nominalFps());
            }
            case FFV1, FFV1_HLG, FFV1_PQ -> av_dict_set(options, "level", "3", 0);
        }
        if (settings.codec().transfer != null) {
            codec.color_primaries(AVCOL_PRI_BT2020);
            codec.color_trc(settings.codec().transfer == HdrEncoding.Transfer.HLG ? AVCOL_TRC_ARIB_STD_B67
                    : AVCOL_TRC_SMPTE2084);
            codec.colorspace(AVCOL_SPC_BT2020_NCL);
            codec.color_range(AVCOL_RANGE_MPEG);
        }
        int r = avcodec_open2(codec, encoder, options);
        av_dict_free(options);
        frameRate.close();
        check(r, "open encoder " + settings.codec().encoder);
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "codec parameters");
        stream.time_base(codecTimeBase);
        if (settings.rotationCw() % 360 != 0) {
            addDisplayMatrix(stream.codecpar(), settings.rotationCw());
        }

        frame = av_frame_alloc();
        frame.format(settings.codec().pixelFormat);
        frame.width(settings.width());
        frame.height(settings.height());
        check(av_frame_get_buffer(frame, 0), "frame buffer");
        packet = av_packet_alloc();
        int w = settings.width();
        int h = settings.height();
        source = new BytePointer((long) w * h * 3);
        sourcePlanes = new PointerPointer<>(4);
        sourcePlanes.put(0, source);
        sourceStrides = new IntPointer(4);
        sourceStrides.put(0, w * 3);
        sws = sws_getContext(w, h, AV_PIX_FMT_BGR24, w, h, settings.codec().pixelFormat, SWS_BILINEAR,
                (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IOException("swscale context");
        }

        if ((format.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext pb = new AVIOContext(null);
            check(avio_open(pb, path, AVIO_FLAG_WRITE), "open " + path);
            format.pb(pb);
        }
        AVDictionary muxerOptions = new AVDictionary(null);
        // no random ids or version strings in the container (WebM's segment id was random): same frames, same file
        av_dict_set(muxerOptions, "fflags", "+bitexact", 0);
        if (settings.moovAtStart()) {
            av_dict_set(muxerOptions, "movflags", "+faststart", 0);
        }
        r = avformat_write_header(format, muxerOptions);
        av_dict_free(muxerOptions);
        check(r, "write header");
        headerWritten = true;
    }

    /** Stores a display matrix that tells players to rotate the pixels {@code degreesCw} clockwise. */
    private static void addDisplayMatrix(AVCodecParameters par, int degreesCw) throws IOException {
        int[] matrix = new int[9];
        // av_display_rotation_get() returns minus the angle given here: set(90) gives the matrix an iPhone
        // writes for portrait video ([0 1; -1 0]), which players rotate 90 degrees clockwise.
        av_display_rotation_set(matrix, degreesCw);
        AVPacketSideData list = par.coded_side_data();
        if (list == null) {
            list = new AVPacketSideData((Pointer) null);
        }
        IntPointer count = new IntPointer(1);
        count.put(0, par.nb_coded_side_data());
        // av_packet_side_data_new reallocates the list; JavaCPP updates 'list' to the new address.
        AVPacketSideData added = av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
        if (added == null || added.isNull()) {
            count.close();
            throw new IOException("display matrix side data");
        }
        par.coded_side_data(list);
        par.nb_coded_side_data(count.get(0));
        count.close();
        new IntPointer(added.data()).put(matrix);
    }

    /**
     * The timestamp, in microseconds from the first frame, that a decoder will report for a frame written
     * at {@code ticks} (in 1/{@link #TIMESCALE} s, first frame at 0): the muxer may round to its own time
     * base (Matroska keeps milliseconds).
     */
    public long decodedMicros(long ticks) {
        AVRational tb = stream.time_base();
        long num = tb.num();
        long den = tb.den();
        long streamPts = roundDiv(ticks * den, TIMESCALE * num);
        return roundDiv(streamPts * 1_000_000L * num, den);
    }

    private static long roundDiv(long a, long b) {
        return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
    }

    /**
     * Encodes one frame.
     *
     * @param bgr   packed BGR24, {@code width * 3} bytes per row, {@code height} rows
     * @param ticks presentation time in 1/{@link #TIMESCALE} s; strictly increasing
     */
    public void write(byte[] bgr, long ticks) throws IOException {
        if (finished) {
            throw new IllegalStateException("encoder finished");
        }
        if (ticks <= lastTicks) {
            throw new IllegalArgumentException("timestamps must increase: " + ticks + " after " + lastTicks);
        }
        int w = settings.width();
        int h = settings.height();
        if (bgr.length < w * h * 3) {
            throw new IllegalArgumentException("frame buffer too small");
        }
        lastTicks = ticks;
        source.position(0).put(bgr, 0, w * h * 3);
        check(av_frame_make_writable(frame), "frame writable");
        if (settings.codec().transfer != null) {
            writeHdr(settings.codec().transfer, bgr, w, h);
        } else {
            sws_scale(sws, sourcePlanes, sourceStrides, 0, h, frame.data(), frame.linesize());
        }
        frame.pts(ticks);
        check(avcodec_send_frame(codec, frame), "send frame");
        drain();
        frames++;
    }

    /** Fills the 10-bit frame's planes from the rendered sRGB by {@link HdrEncoding}. */
    private void writeHdr(HdrEncoding.Transfer transfer, byte[] bgr, int w, int h) {
        if (hdrPlanes == null) {
            hdrPlanes = new short[][] {new short[w * h], new short[(w / 2) * (h / 2)], new short[(w / 2) * (h / 2)]};
        }
        HdrEncoding.toYuv420p10(transfer, bgr, w, h, hdrPlanes[0], hdrPlanes[1], hdrPlanes[2]);
        for (int p = 0; p < 3; p++) {
            int pw = p == 0 ? w : w / 2;
            // linesize in bytes; two bytes a sample
            int stride = frame.linesize(p) / 2;
            ShortPointer dst = new ShortPointer(frame.data(p));
            for (int row = 0; row < (p == 0 ? h : h / 2); row++) {
                dst.position((long) row * stride).put(hdrPlanes[p], row * pw, pw);
            }
        }
    }

    private void drain() throws IOException {
        while (true) {
            int r = avcodec_receive_packet(codec, packet);
            if (r == AVERROR_EOF || r == EAGAIN) {
                return;
            }
            check(r, "receive packet");
            if (packet.duration() <= 0) {
                // Encoders leave it unset; without it the muxer gives the last frame no time, and the
                // container's duration and average rate come out one frame short.
                packet.duration(Math.round((double) TIMESCALE / settings.nominalFps()));
            }
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "write packet"); // unrefs the packet
        }
    }

    public long frames() {
        return frames;
    }

    /** Flushes the encoder and writes the index; the file is complete only after this. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        check(avcodec_send_frame(codec, null), "flush");
        drain();
        check(av_write_trailer(format), "write trailer");
    }

    /** Finishes the file (when no error happened) and frees everything. */
    @Override
    public void close() throws IOException {
        try {
            if (!finished && headerWritten) {
                finish();
            }
        } finally {
            release();
        }
    }

    private void release() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
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
            if (format.pb() != null && !format.pb().isNull()
                    && (format.oformat().flags() & AVFMT_NOFILE) == 0) {
                avio_closep(format.pb());
                format.pb((AVIOContext) null);
            }
            avformat_free_context(format);
            format = null;
        }
        closeQuietly(source);
        closeQuietly(sourcePlanes);
        closeQuietly(sourceStrides);
        closeQuietly(codecTimeBase);
        source = null;
        sourcePlanes = null;
        sourceStrides = null;
        codecTimeBase = null;
    }

    private static void closeQuietly(Pointer p) {
        if (p != null) {
            p.close();
        }
    }

    private static void check(int r, String what) throws IOException {
        if (r < 0) {
            byte[] buf = new byte[256];
            av_strerror(r, buf, buf.length);
            int n = 0;
            while (n < buf.length && buf[n] != 0) {
                n++;
            }
            throw new IOException(what + ": " + new String(buf, 0, n, StandardCharsets.UTF_8) + " (" + r + ")");
        }
    }
}
