package dev.facevitals.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Audio test files: a 440 Hz tone as 16-bit PCM, in a WAV file, a QuickTime (MP4 family) file, a Matroska
 * file that also declares a video track without a single frame, or a Matroska file with another file's video
 * track beside it.
 */
final class AudioOnly {

    private AudioOnly() {
    }

    static short[] tone(int rate, double seconds) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return s;
    }

    static byte[] wav(int rate, double seconds) {
        short[] samples = tone(rate, seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
        b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (short v : samples) {
            b.putShort(v);
        }
        return b.array();
    }

    /** Muxes the tone as raw PCM packets (no encoder needed) into a .mov file with one audio track. */
    static void writeMov(Path file, int rate, double seconds) throws IOException {
        write(file, "mov", rate, seconds, false);
    }

    /** A Matroska file with the tone and a declared 320 x 240 MJPEG video track that holds no frame. */
    static void writeMkvWithEmptyVideoTrack(Path file, int rate, double seconds) throws IOException {
        write(file, "matroska", rate, seconds, true);
    }

    /**
     * Copies {@code video}'s first video track, packet for packet, into a Matroska file with the tone beside it
     * (as long as the video), so that the file is larger than its video by the audio.
     */
    static void writeMkvWithVideoOf(Path video, Path file, int rate) throws IOException {
        AVFormatContext ic = new AVFormatContext(null);
        if (avformat_open_input(ic, video.toString(), null, null) < 0) {
            throw new IOException("open " + video);
        }
        AVFormatContext oc = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        AVPacket tonePacket = av_packet_alloc();
        AVRational sampleBase = new AVRational().num(1).den(rate);
        try {
            if (avformat_find_stream_info(ic, (PointerPointer<?>) null) < 0) {
                throw new IOException("stream info " + video);
            }
            int in = -1;
            for (int i = 0; i < ic.nb_streams(); i++) {
                if (ic.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    in = i;
                    break;
                }
            }
            if (in < 0 || avformat_alloc_output_context2(oc, null, "matroska", file.toString()) < 0) {
                throw new IOException("no video track in " + video + ", or no matroska muxer");
            }
            AVStream src = ic.streams(in);
            AVStream dst = avformat_new_stream(oc, null);
            avcodec_parameters_copy(dst.codecpar(), src.codecpar());
            dst.codecpar().codec_tag(0);
            dst.time_base(src.time_base());
            AVStream audio = audioStream(oc, rate);
            short[] samples = tone(rate, ic.duration() / 1e6); // the container's duration, in microseconds
            openAndWriteHeader(oc, file);
            int written = 0;
            try {
                while (av_read_frame(ic, packet) >= 0) {
                    if (packet.stream_index() != in) {
                        av_packet_unref(packet);
                        continue;
                    }
                    // the tone up to this packet's time first, so the muxer interleaves the two tracks
                    long upTo = av_rescale_q(packet.dts(), src.time_base(), sampleBase);
                    while (written < Math.min(upTo, samples.length)) {
                        written += writeTone(oc, tonePacket, audio, 1, samples, written, sampleBase);
                    }
                    packet.stream_index(0);
                    av_packet_rescale_ts(packet, src.time_base(), dst.time_base());
                    packet.pos(-1);
                    if (av_interleaved_write_frame(oc, packet) < 0) {
                        throw new IOException("write video");
                    }
                }
            } catch (IOException | RuntimeException e) {
                avio_closep(oc.pb());
                oc.pb((AVIOContext) null);
                throw e;
            }
            finish(oc, tonePacket, audio, 1, samples, written, sampleBase);
        } finally {
            sampleBase.close();
            av_packet_free(packet);
            av_packet_free(tonePacket);
            avformat_free_context(oc);
            avformat_close_input(ic);
        }
    }

    /** A mono 16-bit PCM track at {@code rate} in {@code oc}. */
    private static AVStream audioStream(AVFormatContext oc, int rate) {
        AVStream st = avformat_new_stream(oc, null);
        AVCodecParameters par = st.codecpar();
        par.codec_type(AVMEDIA_TYPE_AUDIO);
        par.codec_id(AV_CODEC_ID_PCM_S16LE);
        par.format(AV_SAMPLE_FMT_S16);
        par.sample_rate(rate);
        av_channel_layout_default(par.ch_layout(), 1);
        par.bits_per_coded_sample(16);
        par.block_align(2);
        st.time_base().num(1).den(rate);
        return st;
    }

    private static void openAndWriteHeader(AVFormatContext oc, Path file) throws IOException {
        AVIOContext pb = new AVIOContext(null);
        if (avio_open(pb, file.toString(), AVIO_FLAG_WRITE) < 0) {
            throw new IOException("open " + file);
        }
        oc.pb(pb);
        if (avformat_write_header(oc, (AVDictionary) null) < 0) {
            avio_closep(oc.pb());
            oc.pb((AVIOContext) null);
            throw new IOException("header");
        }
    }

    /** Writes the tone from sample {@code from} on, then the trailer, and closes the file. */
    private static void finish(AVFormatContext oc, AVPacket packet, AVStream st, int index, short[] samples,
                               int from, AVRational sampleBase) throws IOException {
        try {
            for (int start = from; start < samples.length; ) {
                start += writeTone(oc, packet, st, index, samples, start, sampleBase);
            }
            av_write_trailer(oc);
        } finally {
            avio_closep(oc.pb());
            oc.pb((AVIOContext) null);
        }
    }

    /** Writes up to 1024 samples from {@code start} as one packet of track {@code index}; returns how many. */
    private static int writeTone(AVFormatContext oc, AVPacket packet, AVStream st, int index, short[] samples,
                                 int start, AVRational sampleBase) throws IOException {
        int n = Math.min(1024, samples.length - start);
        if (av_new_packet(packet, 2 * n) < 0) {
            throw new IOException("packet");
        }
        ByteBuffer data = packet.data().capacity(2L * n).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long pts = av_rescale_q(start, sampleBase, st.time_base());
        for (int i = 0; i < n; i++) {
            data.putShort(samples[start + i]);
        }
        packet.stream_index(index);
        packet.pts(pts);
        packet.dts(pts);
        packet.duration(av_rescale_q(n, sampleBase, st.time_base()));
        // av_interleaved_write_frame takes the packet's data and unrefs it
        if (av_interleaved_write_frame(oc, packet) < 0) {
            throw new IOException("write audio");
        }
        return n;
    }

    private static void write(Path file, String format, int rate, double seconds, boolean emptyVideo)
            throws IOException {
        short[] samples = tone(rate, seconds);
        AVFormatContext oc = new AVFormatContext(null);
        if (avformat_alloc_output_context2(oc, null, format, file.toString()) < 0) {
            throw new IOException(format + " muxer");
        }
        AVPacket packet = av_packet_alloc();
        AVRational sampleBase = new AVRational().num(1).den(rate);
        try {
            AVStream st = audioStream(oc, rate);
            if (emptyVideo) {
                AVStream video = avformat_new_stream(oc, null);
                AVCodecParameters vp = video.codecpar();
                vp.codec_type(AVMEDIA_TYPE_VIDEO);
                vp.codec_id(AV_CODEC_ID_MJPEG);
                vp.width(320);
                vp.height(240);
                video.time_base().num(1).den(1000);
            }
            openAndWriteHeader(oc, file);
            finish(oc, packet, st, 0, samples, 0, sampleBase);
        } finally {
            sampleBase.close();
            av_packet_free(packet);
            avformat_free_context(oc);
        }
    }
}
