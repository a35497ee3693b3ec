package dev.facevitals.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
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

/**
 * Audio test files: a 440 Hz tone as 16-bit PCM, in a WAV file, a QuickTime (MP4 family) file, or a Matroska
 * file that also declares a video track without a single frame.
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
            if (emptyVideo) {
                AVStream video = avformat_new_stream(oc, null);
                AVCodecParameters vp = video.codecpar();
                vp.codec_type(AVMEDIA_TYPE_VIDEO);
                vp.codec_id(AV_CODEC_ID_MJPEG);
                vp.width(320);
                vp.height(240);
                video.time_base().num(1).den(1000);
            }
            AVIOContext pb = new AVIOContext(null);
            if (avio_open(pb, file.toString(), AVIO_FLAG_WRITE) < 0) {
                throw new IOException("open " + file);
            }
            oc.pb(pb);
            try {
                if (avformat_write_header(oc, (AVDictionary) null) < 0) {
                    throw new IOException("header");
                }
                int chunk = 1024;
                for (int start = 0; start < samples.length; start += chunk) {
                    int n = Math.min(chunk, samples.length - start);
                    if (av_new_packet(packet, 2 * n) < 0) {
                        throw new IOException("packet");
                    }
                    ByteBuffer data = packet.data().capacity(2L * n).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    long pts = av_rescale_q(start, sampleBase, st.time_base());
                    for (int i = 0; i < n; i++) {
                        data.putShort(samples[start + i]);
                    }
                    packet.stream_index(0);
                    packet.pts(pts);
                    packet.dts(pts);
                    packet.duration(av_rescale_q(n, sampleBase, st.time_base()));
                    // av_interleaved_write_frame takes the packet's data and unrefs it
                    if (av_interleaved_write_frame(oc, packet) < 0) {
                        throw new IOException("write");
                    }
                }
                av_write_trailer(oc);
            } finally {
                avio_closep(oc.pb());
                oc.pb((AVIOContext) null);
            }
        } finally {
            sampleBase.close();
            av_packet_free(packet);
            avformat_free_context(oc);
        }
    }
}
