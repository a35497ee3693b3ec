package dev.facevitals.bench;

import dev.facevitals.scan.analysis.PipelineAnalyzer;
import dev.facevitals.scan.analysis.VideoAnalyzer;
import dev.facevitals.video.DecoderSettings;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.DefaultVitalsEngine;
import dev.facevitals.vitals.SignalTraces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Where does compression lose the pulse (a command for investigations, not a test). Renders a still clip with
 * sensor noise 2 losslessly (FFV1), re-encodes the same frames under several settings of openh264, x264,
 * MPEG-4 part 2 and VP8 ({@link Variant#encoder()}; x264 needs FFmpeg's GPL build:
 * {@code -Dorg.bytedeco.javacpp.platform.extension=-gpl}), and
 * prints for each the file's bitrate and how much of the rendered pulse each region's trace keeps
 * ({@link TraceDiagnostics} gains; the rendered amplitude is 0.003, or 0.005 for the source
 * {@code biden-amp05pct}), and the green level's frame-to-frame change at key frames against within a GOP.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.CompressionProbe \
 *     [source=biden|obama|biden-amp05pct] [variant ...]
 * </pre>
 */
public final class CompressionProbe {

    private CompressionProbe() {
    }

    /** A named encoder setting: GOP, target bitrate and encoder/AVCodecContext options. */
    record Variant(String name, int gop, long bitrate, Map<String, String> options) {

        /**
         * libx264 for names starting "x264", libvpx (VP8, WebRTC's default video codec) for "vp8", FFmpeg's
         * MPEG-4 part 2 for "mpeg4", else libopenh264.
         */
        String encoder() {
            return name.startsWith("x264") ? "libx264" : name.startsWith("vp8") ? "libvpx"
                    : name.startsWith("mpeg4") ? "mpeg4" : "libopenh264";
        }

        /** VP8 goes in WebM (Matroska), the rest in MP4. */
        String extension() {
            return name.startsWith("vp8") ? ".webm" : ".mp4";
        }
    }

    static Map<String, String> opts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static final List<Variant> VARIANTS = List.of(
            // what ClipEncoder.Codec.H264 does (the h264 condition)
            new Variant("gop60-8M-q10-30", 60, 8_000_000, opts("rc_mode", "bitrate", "allow_skip_frames", "0",
                    "qmin", "10", "qmax", "30")),
            new Variant("intra-8M-q10-30", 1, 8_000_000, opts("rc_mode", "bitrate", "allow_skip_frames", "0",
                    "qmin", "10", "qmax", "30")),
            new Variant("gop60-qp16", 60, 8_000_000, opts("rc_mode", "quality", "qmin", "16", "qmax", "16")),
            new Variant("gop60-qp10", 60, 8_000_000, opts("rc_mode", "quality", "qmin", "10", "qmax", "10")),
            new Variant("gop60-qp22", 60, 8_000_000, opts("rc_mode", "quality", "qmin", "22", "qmax", "22")),
            new Variant("gop60-qp26", 60, 8_000_000, opts("rc_mode", "quality", "qmin", "26", "qmax", "26")),
            new Variant("intra-qp26", 1, 8_000_000, opts("rc_mode", "quality", "qmin", "26", "qmax", "26")),
            new Variant("gop60-8M-q10-22", 60, 8_000_000, opts("rc_mode", "bitrate", "allow_skip_frames", "0",
                    "qmin", "10", "qmax", "22")),
            // MPEG-4 part 2 (FFmpeg's own encoder), P frames at a phone-like bit budget: is the loss openh264's?
            new Variant("mpeg4-gop60-2M", 60, 2_000_000, opts()),
            new Variant("gop60-8M-q10-30-noloop", 60, 8_000_000, opts("rc_mode", "bitrate", "allow_skip_frames",
                    "0", "qmin", "10", "qmax", "30", "loopfilter", "0")),
            // x264 (only in FFmpeg's GPL build, see main): the encoder most H.264 video of the web went through
            new Variant("x264-crf23-gop30", 30, 0, opts("preset", "medium", "crf", "23")),
            new Variant("x264-crf18-gop30", 30, 0, opts("preset", "medium", "crf", "18")),
            new Variant("x264-crf28-gop30", 30, 0, opts("preset", "medium", "crf", "28")),
            new Variant("x264-2M-gop30", 30, 2_000_000, opts("preset", "medium")),
            new Variant("x264-1M-gop60", 60, 1_000_000, opts("preset", "medium")),
            new Variant("x264-2M-gop30-aq0-psy0", 30, 2_000_000, opts("preset", "medium", "aq-mode", "0",
                    "x264-params", "psy=0")),
            new Variant("x264-2M-gop30-veryfast-zerolatency", 30, 2_000_000, opts("preset", "veryfast",
                    "tune", "zerolatency")),
            // what a video call sends: real-time encoders at a call's bitrate, a key frame only now and then
            new Variant("x264-1M-gop300-veryfast-zerolatency", 300, 1_000_000, opts("preset", "veryfast",
                    "tune", "zerolatency")),
            // VP8's real-time speed fixed (negative), as WebRTC sets it: a positive one is re-chosen from the clock
            // frame by frame, and the same frames came out differently from run to run. -6: WebRTC on a desktop;
            // -12: WebRTC on a phone with fewer than four cores (-10 with more, at 640x480)
            new Variant("vp8-1M-gop300-realtime", 300, 1_000_000, opts("deadline", "realtime", "cpu-used", "-6")),
            new Variant("vp8-2M-gop300-realtime", 300, 2_000_000, opts("deadline", "realtime", "cpu-used", "-6")),
            new Variant("vp8-1M-gop300-realtime-phone", 300, 1_000_000, opts("deadline", "realtime",
                    "cpu-used", "-12")),
            new Variant("vp8-1M-gop300-good", 300, 1_000_000, opts("deadline", "good", "cpu-used", "2")));

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path dir = Path.of("target", "probe-clips");
        Files.createDirectories(dir);
        List<String> only = new ArrayList<>(List.of(args));
        String source = only.isEmpty() || !only.get(0).startsWith("source=") ? null : only.remove(0).substring(7);
        Object[][] sources = {
                {"biden", Path.of("..", "shared", "media", "faces", "face_recognition", "biden.jpg"), 97.0, 9.0},
                {"obama", Path.of("..", "shared", "media", "faces", "face_recognition", "obama.jpg"), 76.0, 18.0},
                {"biden-amp05pct", Path.of("..", "shared", "media", "faces", "face_recognition", "biden.jpg"), 97.0, 9.0}};
        VideoDecoder decoder = new VideoDecoder(DecoderSettings.defaults().withThreads(1));
        try (OpenCvVision vision = new OpenCvVision(VisionSettings.defaults())) {
            for (Object[] s : sources) {
                // the 0.005 pulse only when asked for by name: source=biden-amp05pct
                if (source != null ? !source.equals(s[0]) : ((String) s[0]).contains("amp05pct")) {
                    continue;
                }
                String stem = "noise2-" + s[0];
                Path src = dir.resolve(stem + ".mkv");
                if (!Files.exists(src) || !Files.exists(SyntheticTruth.pathFor(src))) {
                    SyntheticClip.builder().photo((Path) s[1])
                            .pulseAmplitude(((String) s[0]).contains("amp05pct") ? 0.005 : 0.003).faceSize(200).heartRate((Double) s[2])
                            .respiratoryRate((Double) s[3]).durationSec(20.5).seed(stem.hashCode())
                            .sensorNoise(2).codec(ClipEncoder.Codec.FFV1).write(src);
                }
                SyntheticTruth truth = SyntheticTruth.read(SyntheticTruth.pathFor(src));
                report(decoder, vision, src, truth, "source FFV1", 60);
                for (Variant v : VARIANTS) {
                    if (!only.isEmpty() && !only.contains(v.name())) {
                        continue;
                    }
                    Path out = dir.resolve(stem + "-" + v.name() + v.extension());
                    if (!Files.exists(out)) {
                        encode(src, out, v);
                    }
                    Files.copy(SyntheticTruth.pathFor(src), SyntheticTruth.pathFor(out),
                            StandardCopyOption.REPLACE_EXISTING);
                    report(decoder, vision, out, truth, v.name(), v.gop());
                }
            }
        }
    }

    /** @param gop input: frames between the clip's key frames, for {@link #gopSteps} (the source has none: 60) */
    static void report(VideoDecoder decoder, OpenCvVision vision, Path clip, SyntheticTruth truth, String label,
                       int gop)
            throws Exception {
        SignalTraces[] tap = new SignalTraces[1];
        new PipelineAnalyzer(decoder, vision, new DefaultVitalsEngine(), 1)
                .analyze(clip, VideoAnalyzer.Progress.NONE, t -> tap[0] = t);
        double mbps = Files.size(clip) * 8 / 20.5 / 1e6;
        System.out.printf("%s  [%s, %.2f Mbit/s]%n", clip.getFileName(), label, mbps);
        if (tap[0] != null) {
            TraceDiagnostics.regions(tap[0], truth);
            gopSteps(tap[0], gop);
        }
    }

    /**
     * Per region, the RMS frame-to-frame change of the green level (relative to its mean) at key frames (every
     * {@code gop} frames) and between them: a trace that only moves at key frames is a sample-and-hold of the
     * pulse at the key-frame rate.
     */
    static void gopSteps(SignalTraces t, int gop) {
        StringBuilder line = new StringBuilder("  green frame-to-frame change RMS (key frame / other):");
        for (int k = 0; k < t.regions(); k++) {
            double[] g = t.green(k);
            double m = 0;
            int n = 0;
            for (double v : g) {
                if (Double.isFinite(v)) {
                    m += v;
                    n++;
                }
            }
            m /= n;
            double key = 0;
            double other = 0;
            int nk = 0;
            int no = 0;
            for (int i = 1; i < g.length; i++) {
                double d = (g[i] - g[i - 1]) / m;
                if (!Double.isFinite(d)) {
                    continue;
                }
                if (i % gop == 0) {
                    key += d * d;
                    nk++;
                } else {
                    other += d * d;
                    no++;
                }
            }
            line.append(String.format(" %s %.5f / %.5f", t.regionName(k), Math.sqrt(key / nk), Math.sqrt(other / no)));
        }
        System.out.println(line);
    }

    static void encode(Path src, Path out, Variant v) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(src.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.start();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), g.getImageWidth(), g.getImageHeight())) {
                r.setFormat(v.extension().equals(".webm") ? "webm" : "mp4");
                r.setVideoCodecName(v.encoder());
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.setFrameRate(30);
                r.setGopSize(v.gop());
                if (v.bitrate() > 0) {
                    r.setVideoBitrate((int) v.bitrate());
                }
                v.options().forEach(r::setVideoOption);
                r.start();
                Frame f;
                while ((f = g.grabImage()) != null) {
                    r.record(f, avutil.AV_PIX_FMT_BGR24);
                }
                r.stop();
            }
            g.stop();
        }
    }
}
