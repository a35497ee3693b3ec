package dev.facevitals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facevitals.bench.reference.ReferenceBeats;
import dev.facevitals.bench.reference.ReferenceImport;
import dev.facevitals.scan.analysis.AnalysisOutcome;
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
import dev.facevitals.vitals.VitalsAnalysis;
import dev.facevitals.vitals.VitalsResult;
import dev.facevitals.vitals.VitalsSettings;
import dev.facevitals.vitals.rppg.PulseMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The vitals benchmark (a command, not a test: nothing here is asserted). Generates a set of synthetic face
 * clips with known pulse, breathing and HRV under named conditions, runs each through the real scan pipeline
 * ({@link PipelineAnalyzer}: frames decoded from the encoded file, face tracking, skin traces) once, then
 * evaluates every rPPG method on those same traces and prints MAE, RMSE and Pearson r for heart rate,
 * breathing rate, SDNN and RMSSD per method and condition. Optionally the same for a folder of real videos
 * with {@code <video>.truth.json} beside each, the talking-face clip as a real-video check, and the speed
 * ratio: scan time over bare decode time of one 30 s 640 x 480 30 fps clip, same decoder thread setting.
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * ./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.VitalsBenchmark [flags]
 *   --quick          1 clip per condition, no 60 s clips (default: 2 per condition, plus two 60 s clips)
 *   --seconds N      clip length (default 20, the scan minimum)
 *   --per N          clips per condition
 *   --hrv-clips N    60 s still clips for the HRV rows (default 2; 0 with --quick)
 *   --conditions a,b only these conditions (lossless, still, h264, motion, flicker, exposure, all, p-frames,
 *                    x264 (the h264 clips' frames through x264); motion-half and motion-quarter run only when
 *                    named: the motion clips with less head motion; green-pulse too: the still clips with a
 *                    pulse colour unlike PBV's signature; call: the h264 clips' frames as a video call's VP8; and
 *                    key-rate: as x264 with the heart at 60 or 120 bpm, on the key frames' 1 Hz line; x265:
 *                    the h264 clips' frames as a phone's HEVC; x265-hlg: the same in 10-bit HDR (BT.2020,
 *                    HLG), as an iPhone records it; x265-pq: with the PQ transfer (HDR10); x264-720p: as
 *                    x264 at 1280 x 720, the same bits per pixel; x264-1m, x264-500k, x264-250k and
 *                    call-500k: x264 and call at lower bit rates; motion-quarter-x264 and
 *                    motion-quarter-x264-1m: motion-quarter through x264)
 *   --videos DIR     also every video in DIR (or up to three folders below) with a truth JSON beside it
 *                    ({@code bench.reference.ReferenceImport} writes it from a contact PPG: UBFC-rPPG's, PURE's
 *                    and UBFC-Phys's layouts, or a CSV; the truth is then cut to the stretch the engine analysed)
 *   --talking FILE   the talking-face clip (default ../shared/media/faces/face_recognition/short_hamilton_clip.mp4)
 *   --evm FILE       a real still face with a nominal pulse (default ../shared/media/rppg/evm/face.mp4; "none" skips)
 *   --no-speed       skip the speed benchmark; --speed-only runs only it; --speed-hdr also times the speed
 *                    clip's frames as a phone's HDR video (10-bit HEVC, HLG), which the decoder maps to SDR;
 *                    --speed-phone also times 20 s of a phone's portrait video at 1080p (stored on its side
 *                    with a display rotation), through x264 and as 10-bit HLG HEVC, 10 Mbit/s, a 500 px face
 *   --out DIR        where clips are cached (default target/bench-clips)
 *   --patches on|off skin traces per small patch or per region (default: the tracker setting's default)
 *   --affine on|off  affine tracking between key frames or a shift alone (default: the tracker setting's)
 *   --landmark-interval N  frames between face-mesh refreshes while tracking (default: the tracker's, 90)
 *   --grid-cells N   cells per side of the patch tracker's grid (default: the tracker's, 32)
 *   --traces-tag T   saved traces are named with T too (to compare versions of the tracking code)
 *   --face-px N      face size of the generated clips, pixels (default 200; other sizes get "-fN" in their names)
 *   --lively-heart   the conditions' clips get the still-60s clips' livelier heart ("-lv" in their names)
 *   --reuse-traces   run the engine on the traces saved beside each clip by an earlier run (the same
 *                    --patches setting) instead of decoding and tracking it again: milliseconds per clip
 *   --hrv-gate-open  report SDNN and RMSSD whenever beats were found (measures beat timing, not the gate)
 *   --ignore-key-frames  the engine sees the traces without the decoder's key-frame and predicted marks, as if
 *                    the video were coded frame by frame (what HRV would read through inter-frame coding)
 *   --green-fallback on|off  PBV's fallback to GREEN below its gate (default: the engine's, on since stop 20)
 *   --pbv-signature skin|fixed  PBV may also use the skin's own measured signature (default: the engine's, skin)
 *   --hrv-window S   window of the method for HRV's second beat wave, s (default: the engine's; the pulse
 *                    window, 1.6, times the beats on the heart-rate wave alone)
 *   --hrv-noise-runs N  timing-noise surrogates per scan (default: the engine's, 32; 0 reports SDNN and
 *                    RMSSD uncorrected, and without the noise-share gate)
 * </pre>
 * Truth JSON of real videos: {@code heart_rate_bpm}, and optionally {@code respiratory_rate_bpm},
 * {@code sdnn_ms}, {@code rmssd_ms} (the synthetic clips' truth files have these keys too).
 */
public final class VitalsBenchmark {

    private static final PulseMethod[] METHODS = PulseMethod.values();
    /** HR peak: the spectral heart rate before the quality gate, for every clip that reached the engine. */
    private static final String[] MEASURES = {"HR", "RR", "SDNN", "RMSSD", "HR peak"};
    private static final String[] UNITS = {"bpm", "/min", "ms", "ms", "bpm"};

    /** HR and RR truths cycled through the clips of a condition. */
    private static final double[][] TRUTHS = {{58, 12}, {76, 18}, {97, 9}, {122, 24}, {66, 15}, {88, 21}};

    /** One named condition of the generated set. */
    record Condition(String name, String what, UnaryOperator<SyntheticClip.Builder> options, String ext) {
        Condition(String name, String what, UnaryOperator<SyntheticClip.Builder> options) {
            this(name, what, options, ".mp4");
        }
    }

    /**
     * The still-60s clips' heart, livelier than the default, so SDNN and RMSSD have something to measure (and the
     * named conditions' with --lively-heart).
     */
    private static final UnaryOperator<SyntheticClip.Builder> LIVELY_HEART = b -> b.hrv(40, 20, 20);

    /** H.264 from x264 at a phone's bit budget (2 Mbit/s at 640 x 480), a key frame every second. */
    private static final UnaryOperator<SyntheticClip.Builder> PHONE_X264 =
            b -> b.sensorNoise(2).codec(ClipEncoder.Codec.X264).bitrate(2_000_000);

    static final List<Condition> CONDITIONS = List.of(
            new Condition("lossless", "still face, lossless FFV1 (reference: no compression at all)",
                    b -> b.codec(ClipEncoder.Codec.FFV1), ".mkv"),
            new Condition("still", "still face, near-lossless all-intra H.264 (QP 16)", b -> b),
            new Condition("h264", "still face, sensor noise 2, phone-like H.264 (openh264 8 Mbit/s, GOP 60)",
                    b -> b.sensorNoise(2).codec(ClipEncoder.Codec.H264)),
            new Condition("motion", "head motion and turning, light from the side, specular highlights",
                    b -> b.headMotion(1.0).sideLight(0.25).specular(0.3)),
            new Condition("flicker", "bluish screen light flickering at 1.6 Hz inside the pulse band, 1 %",
                    b -> b.screenFlicker(1.6, 0.01)),
            new Condition("exposure", "auto-exposure steps up to 8 % every 4-8 s", b -> b.exposureSteps(0.08)),
            new Condition("all", "all of the above, sensor noise 2, frame-time jitter 25 %, phone-like H.264",
                    b -> b.headMotion(1.0).sideLight(0.25).specular(0.3).screenFlicker(1.6, 0.01)
                            .exposureSteps(0.08).sensorNoise(2).vfrJitter(0.25).codec(ClipEncoder.Codec.H264)),
            // Beside h264, not instead of it: the same still face and noise with an encoder whose P frames keep
            // sub-level changes (openh264's drop them at any quantiser; see docs/vitals.md), at a bit budget
            // per pixel like a phone's (2 Mbit/s target at 640 x 480 is about 14 Mbit/s at 1080p).
            new Condition("p-frames", "still face, sensor noise 2, MPEG-4 part 2 with P frames, 2 Mbit/s, GOP 60",
                    b -> b.sensorNoise(2).codec(ClipEncoder.Codec.MPEG4_RATE).bitrate(2_000_000)),
            // Phone-like H.264 from x264 (FFmpeg's GPL build, loaded by main), at the same phone-like budget, on
            // h264's frames (SLOTS): only the encoder differs
            new Condition("x264", "still face, sensor noise 2, H.264 from x264, 2 Mbit/s, a key frame every second",
                    PHONE_X264));

    /**
     * Run only when named in {@code --conditions}: the {@code motion} clips again (same faces, rates, beats and
     * head trajectories: the same seeds) with the head motion scaled down, to find how much head motion under
     * the side light the engine reports through.
     */
    private static final Condition MOTION_QUARTER = new Condition("motion-quarter",
            "as motion with a quarter of the head motion (3 px, yaw 5 deg)",
            b -> b.headMotion(0.25).sideLight(0.25).specular(0.3));

    static final List<Condition> MOTION_SWEEP = List.of(
            new Condition("motion-half",
                    "as motion with half the head motion (6 px, roll 2 deg, scale 2 %, yaw 10 deg)",
                    b -> b.headMotion(0.5).sideLight(0.25).specular(0.3)),
            MOTION_QUARTER);

    /**
     * Run only when named, on the h264 clips' frames (same faces, rates and seeds, so only the encoder differs):
     * what a telehealth call records, VP8 as WebRTC sends it.
     */
    static final Condition CALL = new Condition("call",
            "still face, sensor noise 2, a video call's VP8 (real-time libvpx, 1 Mbit/s, a key frame every 10 s)",
            b -> b.sensorNoise(2).codec(ClipEncoder.Codec.VP8).bitrate(1_000_000), ".webm");

    /**
     * Run only when named, on the h264 clips' frames (same faces, rates and seeds): HEVC as a phone records it
     * in its "high efficiency" format, from x265 at a phone's HEVC bit budget (about 10 Mbit/s at 1080p is
     * 1.5 Mbit/s at 640 x 480), a key frame every second.
     */
    static final Condition X265 = new Condition("x265",
            "still face, sensor noise 2, HEVC from x265, 1.5 Mbit/s, a key frame every second",
            b -> b.sensorNoise(2).codec(ClipEncoder.Codec.X265).bitrate(1_500_000));

    /**
     * Run only when named, on the h264 clips' frames (same faces, rates and seeds): {@code x265} as a phone
     * records it with HDR on (an iPhone's default): 10 bits, BT.2020 primaries, the HLG transfer, tagged so.
     */
    static final Condition X265_HLG = new Condition("x265-hlg",
            "as x265 in 10-bit HDR as a phone records it: BT.2020 primaries, the HLG transfer",
            b -> X265.options().apply(b).codec(ClipEncoder.Codec.X265_HLG));

    /** As {@link #X265_HLG} with the PQ transfer: an Android phone's "HDR10" video. */
    static final Condition X265_PQ = new Condition("x265-pq",
            "as x265 in 10-bit HDR10: BT.2020 primaries, the PQ transfer",
            b -> X265.options().apply(b).codec(ClipEncoder.Codec.X265_PQ));

    /**
     * Run only when named, on the h264 clips' faces, rates and seeds: {@code x264} at 1280 x 720 with the face
     * half as large again (the same framing, 2.25 times the face's pixels) at 6 Mbit/s, the same bits per pixel
     * as {@code x264}'s 2 Mbit/s at 640 x 480: whether more pixels on the face make up for the encoder.
     */
    static final Condition X264_720P = new Condition("x264-720p",
            "as x264 at 1280 x 720, the face 1.5 times larger, 6 Mbit/s (the same bits per pixel)",
            b -> PHONE_X264.apply(b).size(1280, 720).faceSize(Math.min(300, VitalsBenchmark.facePx * 3 / 2))
                    .bitrate(6_000_000));

    /**
     * Run only when named, on the h264 clips' frames (same faces, rates and seeds): {@code x264} and {@code call}
     * at lower bit rates, to find how far a client can cut the bit budget before the pulse is lost. x264 as in
     * {@code x264} (a key frame every second) at 1, 0.5 and 0.25 Mbit/s at 640 x 480 (its 2 Mbit/s is about
     * 14 Mbit/s at 1080p, 0.25 Mbit/s about 1.7); VP8 as in {@code call} at 0.5 Mbit/s (a call on a poor link). And on the motion clips' faces, rates and seeds: motion-quarter (a
     * face turning a little under the side light) through x264 at 2 and 1 Mbit/s, the same frames as
     * motion-quarter's.
     */
    static final List<Condition> BIT_RATE_SWEEP = List.of(
            new Condition("x264-1m", "as x264 at 1 Mbit/s", b -> PHONE_X264.apply(b).bitrate(1_000_000)),
            new Condition("x264-500k", "as x264 at 0.5 Mbit/s", b -> PHONE_X264.apply(b).bitrate(500_000)),
            new Condition("x264-250k", "as x264 at 0.25 Mbit/s", b -> PHONE_X264.apply(b).bitrate(250_000)),
            new Condition("call-500k", "as call at 0.5 Mbit/s",
                    b -> CALL.options().apply(b).bitrate(500_000), ".webm"),
            // the motion-quarter clips' frames (a face turning a little under the side light) through x264
            new Condition("motion-quarter-x264", "as motion-quarter through x264 at 2 Mbit/s",
                    b -> MOTION_QUARTER.options().apply(b).codec(ClipEncoder.Codec.X264).bitrate(2_000_000)),
            new Condition("motion-quarter-x264-1m", "as motion-quarter through x264 at 1 Mbit/s",
                    b -> MOTION_QUARTER.options().apply(b).codec(ClipEncoder.Codec.X264).bitrate(1_000_000)));

    /**
     * Run only when named, on the h264 clips' faces at the rates of {@link #RATES} (so with seeds of its own):
     * x264 as in {@code x264} (a key frame every second) with the heart on the key frames' 1 Hz line or its
     * harmonic, where an artefact of the key frames and the pulse share a frequency.
     */
    static final Condition KEY_RATE = new Condition("key-rate",
            "as x264, the heart at 60 or 120 bpm: on the key frames' 1 Hz line and its harmonic", PHONE_X264);

    /** HR and RR truths of the conditions that do not take {@link #TRUTHS}. */
    static final Map<String, double[][]> RATES = Map.of("key-rate", new double[][] {{60, 15}, {120, 15}});

    /**
     * Run only when named, on the still clips' faces, rates and seeds: the pulse almost only in green (red 0.13
     * and blue 0.05 of it, as measured on the real EVM clip), where PBV's white-light signature expects 0.43 and
     * 0.69 (another light or camera).
     */
    static final Condition GREEN_PULSE = new Condition("green-pulse",
            "still face, the pulse's colour red 0.13, blue 0.05 of green (PBV expects 0.43, 0.69)",
            b -> b.pulseColour(0.05, 1.0, 0.13));

    /**
     * Conditions rendered on another condition's faces, rates and seeds (the same frames with one thing
     * changed): the head-motion sweep on motion's, the pulse colour on still's, the other encoders on h264's.
     * {@code key-rate} takes h264's faces only: its rates ({@link #RATES}), and so its seeds, are its own.
     */
    static final Map<String, String> SLOTS = Map.ofEntries(
            Map.entry("motion-half", "motion"), Map.entry("motion-quarter", "motion"),
            Map.entry("green-pulse", "still"), Map.entry("x264", "h264"), Map.entry("call", "h264"),
            Map.entry("key-rate", "h264"), Map.entry("x265", "h264"), Map.entry("x265-hlg", "h264"),
            Map.entry("x265-pq", "h264"), Map.entry("x264-720p", "h264"),
            Map.entry("x264-1m", "h264"), Map.entry("x264-500k", "h264"), Map.entry("x264-250k", "h264"),
            Map.entry("call-500k", "h264"), Map.entry("motion-quarter-x264", "motion"),
            Map.entry("motion-quarter-x264-1m", "motion"));

    /** One measured value against its truth. */
    record Pair(double truth, Double measured) {
    }

    /** Results of one method on one condition: pairs per measure, and failure codes. */
    static final class Cell {
        final List<List<Pair>> pairs = new ArrayList<>();
        final Map<Integer, Integer> failures = new TreeMap<>();
        int clips;
        double snrSum;
        int snrCount;

        Cell() {
            for (int i = 0; i < MEASURES.length; i++) {
                pairs.add(new ArrayList<>());
            }
        }
    }

    private VitalsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        // The x264 condition's encoder is only in FFmpeg's GPL build (on the test classpath beside the LGPL one,
        // with the same decoders): JavaCPP must be told before FFmpeg's first use. -D...=  (empty) keeps LGPL.
        if (System.getProperty(ClipEncoder.Codec.GPL_PROPERTY) == null) {
            System.setProperty(ClipEncoder.Codec.GPL_PROPERTY, "-gpl");
        }
        boolean quick = has(args, "--quick");
        double seconds = Double.parseDouble(opt(args, "--seconds", "20"));
        int per = Integer.parseInt(opt(args, "--per", quick ? "1" : "2"));
        int hrvClips = Integer.parseInt(opt(args, "--hrv-clips", quick ? "0" : "2"));
        Path out = Path.of(opt(args, "--out", "target/bench-clips"));
        String only = opt(args, "--conditions", null);
        String videos = opt(args, "--videos", null);
        Path talking = Path.of(opt(args, "--talking",
                "../shared/media/faces/face_recognition/short_hamilton_clip.mp4"));
        Path evm = Path.of(opt(args, "--evm", "../shared/media/rppg/evm/face.mp4"));
        boolean speed = !has(args, "--no-speed");
        boolean speedOnly = has(args, "--speed-only");
        boolean speedHdr = has(args, "--speed-hdr");
        boolean speedPhone = has(args, "--speed-phone");
        Files.createDirectories(out);

        List<Path> photos = photos();
        System.out.printf("VitalsBenchmark: %s; default method %s; photos %s%n", String.join(" ", args),
                VitalsSettings.DEFAULTS.pulse().method(),
                photos.stream().map(p -> p.getFileName().toString()).toList());
        DecoderSettings decoderSettings = DecoderSettings.defaults().withThreads(1);
        VideoDecoder decoder = new VideoDecoder(decoderSettings);
        // --patches on|off: skin traces per small patch instead of per region (default: the settings' default)
        String patchOpt = opt(args, "--patches", null);
        VisionSettings visionSettings = VisionSettings.defaults();
        if (patchOpt != null) {
            visionSettings = visionSettings.withTracker(
                    visionSettings.tracker().withSkinPatches(patchOpt.equals("on")));
        }
        // --affine on|off: affine tracking between key frames, or a shift alone (default: the settings' default)
        String affineOpt = opt(args, "--affine", null);
        if (affineOpt != null) {
            visionSettings = visionSettings.withTracker(
                    visionSettings.tracker().withAffineTracking(affineOpt.equals("on")));
        }
        String interval = opt(args, "--landmark-interval", null);
        if (interval != null) {
            visionSettings = visionSettings.withTracker(
                    visionSettings.tracker().withLandmarkInterval(Integer.parseInt(interval)));
        }
        String grid = opt(args, "--grid-cells", null);
        if (grid != null) {
            visionSettings = visionSettings.withTracker(
                    visionSettings.tracker().withGridCells(Integer.parseInt(grid)));
        }
        System.out.printf("skin patches: %s, landmark interval %d frames, tracking grid %d cells, %s tracking%n",
                visionSettings.tracker().skinPatches(), visionSettings.tracker().landmarkInterval(),
                visionSettings.tracker().gridCells(), visionSettings.tracker().affineTracking() ? "affine" : "shift");
        String tag = opt(args, "--traces-tag", null);
        // traces tracked affinely are saved apart from those tracked by a shift (".affine" before the layout)
        traceSuffix = (tag == null ? "" : "." + tag) + (visionSettings.tracker().affineTracking() ? ".affine" : "")
                + (interval == null ? "" : ".li" + interval)
                + (grid == null ? "" : ".g" + grid)
                + (visionSettings.tracker().skinPatches() ? ".patches.traces" : ".regions.traces");
        reuseTraces = has(args, "--reuse-traces");
        facePx = Integer.parseInt(opt(args, "--face-px", "200"));
        livelyHeart = has(args, "--lively-heart");
        ignoreKeyFrames = has(args, "--ignore-key-frames");
        if (facePx < 40 || facePx > 400) {
            throw new IllegalArgumentException("--face-px must be 40-400, not " + facePx);
        }
        hrvGateOpen = has(args, "--hrv-gate-open");
        String noiseRuns = opt(args, "--hrv-noise-runs", null);
        hrvNoiseRuns = noiseRuns == null ? VitalsSettings.DEFAULTS.hrv().noiseRuns() : Integer.parseInt(noiseRuns);
        String signature = opt(args, "--pbv-signature", null);
        skinSignature = signature == null ? VitalsSettings.DEFAULTS.pulse().skinSignature() : signature.equals("skin");
        System.out.printf("PBV signature: %s%n", skinSignature ? "standard or the skin's own" : "standard only");
        String fallback = opt(args, "--green-fallback", null);
        greenFallback = fallback == null ? VitalsSettings.DEFAULTS.pulse().greenFallback() : fallback.equals("on");
        String beatWindow = opt(args, "--hrv-window", null);
        hrvBeatWindowSec = beatWindow == null ? VitalsSettings.DEFAULTS.hrv().beatWindowSec()
                : Double.parseDouble(beatWindow);
        System.out.printf("HRV: gate %s, timing-noise surrogates per scan %d, second beat wave's window %.1f s%n",
                hrvGateOpen ? "open" : "default", hrvNoiseRuns, hrvBeatWindowSec);
        try (OpenCvVision vision = new OpenCvVision(visionSettings)) {
            if (!speedOnly) {
                Map<String, Map<PulseMethod, Cell>> table = new LinkedHashMap<>();
                List<String> named = only == null ? null : List.of(only.split(","));
                List<Condition> all = new ArrayList<>(CONDITIONS);
                all.addAll(MOTION_SWEEP);
                all.add(GREEN_PULSE);
                all.add(CALL);
                all.add(KEY_RATE);
                all.add(X265);
                all.add(X265_HLG);
                all.add(X265_PQ);
                all.add(X264_720P);
                all.addAll(BIT_RATE_SWEEP);
                for (Condition c : all) {
                    boolean optIn = !CONDITIONS.contains(c);
                    if (named == null ? optIn : !named.contains(c.name())) {
                        continue;
                    }
                    // a condition's clips take faces, rates and seeds from their slot (SLOTS, else its own)
                    String slotName = SLOTS.getOrDefault(c.name(), c.name());
                    Condition slot = CONDITIONS.stream().filter(k -> k.name().equals(slotName)).findFirst()
                            .orElseThrow();
                    int slotNo = CONDITIONS.indexOf(slot);
                    for (int i = 0; i < per; i++) {
                        double[][] rates = RATES.getOrDefault(c.name(), TRUTHS);
                        double[] t = rates[(i + slotNo) % rates.length];
                        Path photo = photos.get((i + slotNo) % photos.size());
                        String tail = String.format("-%d-%s-hr%.0f-rr%.0f-%.0fs%s%s", i, stem(photo), t[0], t[1],
                                seconds, faceTag(), livelyHeart ? "-lv" : "");
                        UnaryOperator<SyntheticClip.Builder> options = livelyHeart
                                ? b -> c.options().apply(LIVELY_HEART.apply(b)) : c.options();
                        SyntheticTruth truth = generate(out, c.name() + tail + c.ext(), slot.name() + tail + slot.ext(),
                                photo, t[0], t[1], seconds, options);
                        evaluate(decoder, vision, out.resolve(truth.clip()), c.name(), truthOf(truth), table);
                    }
                }
                for (int i = 0; i < hrvClips; i++) {
                    double[] t = TRUTHS[i % TRUTHS.length];
                    Path photo = photos.get(i % photos.size());
                    String name = String.format("hrv60-%d-%s-hr%.0f-rr%.0f%s", i, stem(photo), t[0], t[1], faceTag());
                    SyntheticTruth truth = generate(out, name, photo, t[0], t[1], 60, LIVELY_HEART);
                    evaluate(decoder, vision, out.resolve(truth.clip()), "still-60s", truthOf(truth), table);
                }
                if (videos != null) {
                    for (Path v : listVideos(Path.of(videos))) {
                        Path truthFile = SyntheticTruth.pathFor(v);
                        evaluate(decoder, vision, v, "videos", readTruth(truthFile), table,
                                ReferenceBeats.read(truthFile));
                    }
                }
                printTable(table);
                if (Files.exists(talking)) {
                    talkingFace(decoder, vision, talking);
                } else {
                    System.out.println("talking-face clip not found: " + talking);
                }
                if (Files.exists(evm)) {
                    stillFace(decoder, vision, evm);
                } else {
                    System.out.println("EVM face clip not found: " + evm);
                }
            }
            if (speed) {
                speed(decoder, vision, out, ClipEncoder.Codec.H264);
                if (speedHdr) {
                    speed(decoder, vision, out, ClipEncoder.Codec.X265_HLG);
                }
                if (speedPhone) {
                    speedPhone(decoder, vision, out, ClipEncoder.Codec.X264);
                    speedPhone(decoder, vision, out, ClipEncoder.Codec.X265_HLG);
                }
            }
        }
    }

    // ---------------------------------------------------------------- generation and evaluation

    private static SyntheticTruth generate(Path dir, String name, Path photo, double hr, double rr, double sec,
                                           UnaryOperator<SyntheticClip.Builder> options) throws IOException {
        return generate(dir, name, name, photo, hr, rr, sec, options);
    }

    /** @param seedName input: the name whose hash seeds the clip's randomness (its beats, breathing, motion) */
    private static SyntheticTruth generate(Path dir, String name, String seedName, Path photo, double hr, double rr,
                                           double sec, UnaryOperator<SyntheticClip.Builder> options)
            throws IOException {
        Path clip = dir.resolve(name.contains(".") ? name : name + ".mp4");
        Path truthFile = SyntheticTruth.pathFor(clip);
        if (Files.exists(clip) && Files.exists(truthFile)) {
            return SyntheticTruth.read(truthFile);
        }
        long t0 = System.nanoTime();
        SyntheticClip.Builder b = SyntheticClip.builder().photo(photo).faceSize(facePx).heartRate(hr)
                .respiratoryRate(rr).durationSec(Math.min(60, sec + 0.5)).seed(seedName.hashCode());
        SyntheticTruth truth = options.apply(b).write(clip);
        System.out.printf("  generated %s in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        return truth;
    }

    /** Truth values HR, RR, SDNN, RMSSD (NaN when unknown). */
    private static double[] truthOf(SyntheticTruth t) {
        return new double[] {t.heartRateBpm(), t.respiratoryRateBpm(), t.sdnnMs(), t.rmssdMs(), t.heartRateBpm()};
    }

    private static double[] readTruth(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        String[] keys = {"heart_rate_bpm", "respiratory_rate_bpm", "sdnn_ms", "rmssd_ms", "heart_rate_bpm"};
        double[] v = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            v[i] = n.hasNonNull(keys[i]) ? n.get(keys[i]).asDouble() : Double.NaN;
        }
        return v;
    }

    private static void evaluate(VideoDecoder decoder, OpenCvVision vision, Path clip, String condition,
                                 double[] truth, Map<String, Map<PulseMethod, Cell>> table) {
        evaluate(decoder, vision, clip, condition, truth, table, null);
    }

    /**
     * @param reference input: a real video's reference beats (null for generated clips): the truth is then
     *                  taken over the stretch the engine analysed, not the whole recording
     */
    private static void evaluate(VideoDecoder decoder, OpenCvVision vision, Path clip, String condition,
                                 double[] truth, Map<String, Map<PulseMethod, Cell>> table, ReferenceBeats reference) {
        long t0 = System.nanoTime();
        SignalTraces[] tapped = new SignalTraces[1];
        Path saved = clip.resolveSibling(clip.getFileName() + traceSuffix);
        AnalysisOutcome outcome = null;
        if (reuseTraces && Files.exists(saved)) {
            try {
                tapped[0] = TraceFiles.read(saved);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            PipelineAnalyzer analyzer = new PipelineAnalyzer(decoder, vision,
                    new DefaultVitalsEngine(VitalsSettings.DEFAULTS), 20);
            outcome = analyzer.analyze(clip, VideoAnalyzer.Progress.NONE, tr -> tapped[0] = tr);
            if (tapped[0] != null) {
                try {
                    TraceFiles.write(saved, tapped[0]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (ignoreKeyFrames && tapped[0] != null) {
            tapped[0] = TraceFiles.withoutKeyFrames(tapped[0]);
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        Map<PulseMethod, VitalsAnalysis> analyses = new EnumMap<>(PulseMethod.class);
        if (tapped[0] != null) {
            for (PulseMethod m : METHODS) {
                analyses.put(m, new DefaultVitalsEngine(settings(m)).analyse(tapped[0]));
            }
        }
        String cut = "";
        if (reference != null && tapped[0] != null) {
            // every method analyses the same stretch: the traces' longest one with a face and skin
            VitalsAnalysis at = analyses.get(PulseMethod.PBV);
            double from = at.segmentStartSec();
            double to = from + at.segmentDurationSec();
            if (Double.isFinite(from) && Double.isFinite(to)) {
                double[] c = reference.truthWithin(from, to);
                truth = new double[] {c[0], c[1], c[2], c[3], c[0]}; // the last: the peak's truth, the heart rate
                cut = String.format(" (reference %.1f-%.1f s)", from, to);
            }
        }
        Map<PulseMethod, Cell> row = table.computeIfAbsent(condition, k -> new LinkedHashMap<>());
        // a dataset names every subject's video alike (UBFC: vid.avi): say whose it is
        String name = condition.equals("videos") && clip.getParent() != null
                ? clip.getParent().getFileName() + "/" + clip.getFileName() : clip.getFileName().toString();
        StringBuilder line = new StringBuilder(String.format("  %-44s %5.1f s  truth HR %5.1f RR %4.1f SDNN %5.1f"
                + " RMSSD %5.1f%s |", name, sec, truth[0], truth[1], truth[2], truth[3], cut));
        for (PulseMethod m : METHODS) {
            Cell cell = row.computeIfAbsent(m, k -> new Cell());
            cell.clips++;
            if (tapped[0] == null) {
                int code = outcome.failure() == null ? 99 : outcome.failure().code();
                cell.failures.merge(code, 1, Integer::sum);
                line.append(String.format(" %s err %d", m, code));
                for (int i = 0; i < MEASURES.length; i++) {
                    if (Double.isFinite(truth[i])) {
                        cell.pairs.get(i).add(new Pair(truth[i], null));
                    }
                }
                continue;
            }
            VitalsAnalysis a = analyses.get(m);
            VitalsResult r = a.result();
            if (r.failure() != null) {
                cell.failures.merge(r.failure().code(), 1, Integer::sum);
            }
            if (Double.isFinite(r.pulseSnrDb())) {
                cell.snrSum += r.pulseSnrDb();
                cell.snrCount++;
            }
            Double peak = Double.isFinite(a.heartRateHz()) ? 60 * a.heartRateHz() : null;
            Double[] got = {r.heartRateBpm(), r.respiratoryRateBpm(), r.sdnnMs(), r.rmssdMs(), peak};
            for (int i = 0; i < MEASURES.length; i++) {
                if (Double.isFinite(truth[i])) {
                    cell.pairs.get(i).add(new Pair(truth[i], got[i]));
                }
            }
            line.append(String.format(" %s %s/%s/%s/%s %.1fdB%s%s", m, fmt(got[0]), fmt(got[1]), fmt(got[2]),
                    fmt(got[3]), r.pulseSnrDb(), (a.pbvSignature() == null ? "" : " (skin signature)")
                            + (a.fallbackFrom() == null ? "" : " (GREEN in its place)"),
                    r.failure() == null ? ""
                            : String.format(" err %d (peak %.1f)", r.failure().code(), 60 * a.heartRateHz())));
        }
        System.out.println(line);
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format("%.1f", v);
    }

    /** Where a clip's traces are saved beside it (one file per skin-patch setting), and whether to reuse them. */
    private static String traceSuffix = ".regions.traces";
    private static boolean reuseTraces;
    /** Face size of the generated clips, pixels (--face-px); clips of another size than 200 carry it in their name. */
    private static int facePx = 200;

    /** With --lively-heart the conditions' clips have the still-60s clips' heart, and "-lv" in their names. */
    private static boolean livelyHeart;
    /** With --ignore-key-frames the engine sees the traces without the decoder's key-frame marks. */
    private static boolean ignoreKeyFrames;

    private static String faceTag() {
        return facePx == 200 ? "" : "-f" + facePx;
    }
    /** With --hrv-gate-open, HRV is reported whenever there are beats (to measure timing, not the gate). */
    private static boolean hrvGateOpen;
    /** Timing-noise surrogates per scan (--hrv-noise-runs; 0 = SDNN and RMSSD uncorrected). */
    private static int hrvNoiseRuns = VitalsSettings.DEFAULTS.hrv().noiseRuns();
    /** Window of the method for HRV's second beat wave (--hrv-window). */
    private static double hrvBeatWindowSec = VitalsSettings.DEFAULTS.hrv().beatWindowSec();
    /** Whether PBV may fall back to GREEN (--green-fallback on|off). */
    private static boolean greenFallback = VitalsSettings.DEFAULTS.pulse().greenFallback();
    /** Whether PBV may use the skin's own measured signature (--pbv-signature skin|fixed). */
    private static boolean skinSignature = VitalsSettings.DEFAULTS.pulse().skinSignature();

    static VitalsSettings settings(PulseMethod m) {
        VitalsSettings s = VitalsSettings.DEFAULTS.withMethod(m);
        s = s.withHrv(s.hrv().withNoiseRuns(hrvNoiseRuns).withBeatWindowSec(hrvBeatWindowSec))
                .withPulse(s.pulse().withSkinSignature(skinSignature).withGreenFallback(greenFallback));
        return hrvGateOpen ? hrvGateOpened(s) : s;
    }

    /** The settings with the HRV gate opened: SDNN and RMSSD whenever three beats were found. */
    static VitalsSettings hrvGateOpened(VitalsSettings s) {
        VitalsSettings.Hrv h = s.hrv();
        return s.withHrv(new VitalsSettings.Hrv(1, 3, -100, h.maxDeviation(), h.medianHalfWindow(), 0,
                h.beatMinDistanceFraction(), h.noiseRuns(), Double.MAX_VALUE, h.beatWindowSec()));
    }

    // ---------------------------------------------------------------- statistics and table

    /** MAE, RMSE, Pearson r and count over the reported pairs; NaN where undefined. */
    static double[] stats(List<Pair> pairs) {
        int n = 0;
        double abs = 0;
        double sq = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (Pair p : pairs) {
            if (p.measured() == null) {
                continue;
            }
            double x = p.truth();
            double y = p.measured();
            double e = y - x;
            n++;
            abs += Math.abs(e);
            sq += e * e;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        double r = n > 2 && vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
        return new double[] {abs / n, Math.sqrt(sq / n), r, n};
    }

    private static void printTable(Map<String, Map<PulseMethod, Cell>> table) {
        System.out.println();
        System.out.println("Per method and condition: MAE / RMSE / Pearson r over the clips where a value was"
                + " reported (n = reported/clips); SNR = mean pulse SNR; errors = failure codes of clips without a"
                + " heart rate (count); HR peak = the spectral heart rate before the quality gate.");
        StringBuilder head = new StringBuilder(String.format("%-10s %-6s", "condition", "method"));
        for (int i = 0; i < MEASURES.length; i++) {
            head.append(String.format(" | %-25s", MEASURES[i] + " (" + UNITS[i] + ") MAE RMSE r n"));
            if (i == 3) {
                head.append(String.format(" | %-6s | %-13s", "SNR dB", "errors"));
            }
        }
        System.out.println(head);
        Map<PulseMethod, Cell> totals = new LinkedHashMap<>();
        for (Map.Entry<String, Map<PulseMethod, Cell>> e : table.entrySet()) {
            for (Map.Entry<PulseMethod, Cell> me : e.getValue().entrySet()) {
                printRow(e.getKey(), me.getKey(), me.getValue());
                if (!e.getKey().equals("videos")) {
                    Cell t = totals.computeIfAbsent(me.getKey(), k -> new Cell());
                    Cell c = me.getValue();
                    t.clips += c.clips;
                    t.snrSum += c.snrSum;
                    t.snrCount += c.snrCount;
                    for (int i = 0; i < MEASURES.length; i++) {
                        t.pairs.get(i).addAll(c.pairs.get(i));
                    }
                    c.failures.forEach((k, v) -> t.failures.merge(k, v, Integer::sum));
                }
            }
        }
        for (Map.Entry<PulseMethod, Cell> me : totals.entrySet()) {
            printRow("generated", me.getKey(), me.getValue());
        }
    }

    private static void printRow(String condition, PulseMethod m, Cell c) {
        StringBuilder row = new StringBuilder(String.format("%-10s %-6s", condition, m));
        for (int i = 0; i < MEASURES.length; i++) {
            List<Pair> p = c.pairs.get(i);
            if (p.isEmpty()) {
                row.append(String.format(" | %-25s", "no truth"));
                if (i == 3) {
                    row.append(String.format(" | %6.1f | %-13s", c.snrCount == 0 ? Double.NaN : c.snrSum / c.snrCount,
                            c.failures.isEmpty() ? "-" : c.failures.toString()));
                }
                continue;
            }
            double[] s = stats(p);
            row.append(String.format(" | %5.2f %5.2f %5.2f %2d/%-2d", s[0], s[1], s[2], (int) s[3], p.size()));
            if (i == 3) {
                row.append(String.format(" | %6.1f | %-13s", c.snrCount == 0 ? Double.NaN : c.snrSum / c.snrCount,
                        c.failures.isEmpty() ? "-" : c.failures.toString()));
            }
        }
        System.out.println(row);
    }

    // ---------------------------------------------------------------- real-video check

    private static void talkingFace(VideoDecoder decoder, OpenCvVision vision, Path clip) {
        System.out.println();
        System.out.println("Talking-face clip " + clip.getFileName() + " through the pipeline:");
        for (double min : new double[] {20, 5}) {
            SignalTraces[] tapped = new SignalTraces[1];
            List<String> steps = new ArrayList<>();
            AnalysisOutcome o = new PipelineAnalyzer(decoder, vision, shortScans(VitalsSettings.DEFAULTS, min), min)
                    .analyze(clip, stepsInto(steps), tr -> tapped[0] = tr);
            AnalysisOutcome.VideoSummary v = o.video();
            System.out.printf("  minimum duration %.0f s: %s, %.1f s, %.1f fps, face coverage %s -> %s%n", min,
                    v == null ? "?" : v.width() + "x" + v.height(), v == null ? 0 : v.durationS(),
                    v == null ? 0 : v.fps(), o.faceCoverage() == null ? "-" : String.format("%.2f", o.faceCoverage()),
                    o.failure() != null ? "error " + o.failure().code() + " (" + o.failure().message() + ")"
                            : String.format("HR %s bpm, RR %s /min, SDNN %s ms, SNR %.1f dB",
                            fmt(o.vitals().heartRateBpm()), fmt(o.vitals().respiratoryRateBpm()),
                            fmt(o.vitals().sdnnMs()), o.vitals().pulseSnrDb()));
            steps.forEach(line -> System.out.println("    " + line));
        }
    }

    /** Progress that keeps the analysis's step lines (what the scan's log would say). */
    private static VideoAnalyzer.Progress stepsInto(List<String> steps) {
        return new VideoAnalyzer.Progress() {
            @Override
            public void frames(int frames, long estimate) {
            }

            @Override
            public void step(String what) {
                steps.add(what);
            }
        };
    }

    /** Nominal heart rate of the EVM face clip (its source gives about 53 bpm; no pulse trace). */
    static final double EVM_NOMINAL_BPM = 53;

    /**
     * A real still face (the MIT Eulerian Video Magnification sample, 10 s) through the real scan path once,
     * then every method on its traces with the minimum duration lowered to 8 s, the spectrum's segment to the
     * whole stretch: the pulse reported, or the quality error, against the nominal rate.
     */
    private static void stillFace(VideoDecoder decoder, OpenCvVision vision, Path clip) {
        System.out.println();
        System.out.printf("Real still face %s (nominal pulse about %.0f bpm, no reference trace):%n",
                clip.getFileName(), EVM_NOMINAL_BPM);
        AnalysisOutcome atDefault = new PipelineAnalyzer(decoder, vision, new DefaultVitalsEngine(), 20)
                .analyze(clip, VideoAnalyzer.Progress.NONE);
        double min = 8;
        SignalTraces[] tapped = new SignalTraces[1];
        List<String> steps = new ArrayList<>();
        AnalysisOutcome o = new PipelineAnalyzer(decoder, vision, shortScans(settings(PulseMethod.PBV), min), min)
                .analyze(clip, stepsInto(steps), tr -> tapped[0] = tr);
        AnalysisOutcome.VideoSummary v = o.video();
        System.out.printf("  %s, %.1f s, %.1f fps, face coverage %s; at the default 20 s minimum: %s%n",
                v == null ? "?" : v.width() + "x" + v.height(), v == null ? 0 : v.durationS(), v == null ? 0 : v.fps(),
                o.faceCoverage() == null ? "-" : String.format("%.2f", o.faceCoverage()),
                atDefault.failure() == null ? "reported" : "error " + atDefault.failure().code());
        if (tapped[0] == null) {
            System.out.println("  no traces: " + (o.failure() == null ? "?" : o.failure().message()));
            return;
        }
        for (PulseMethod m : METHODS) {
            VitalsAnalysis a = shortScans(settings(m), min).analyse(tapped[0]);
            VitalsResult r = a.result();
            System.out.printf("  minimum %.0f s, %-5s: %s, SNR %.1f dB, peak %s bpm (%.1f s used)%n", min, m,
                    r.failure() == null ? String.format("HR %s bpm, RR %s /min", fmt(r.heartRateBpm()),
                            fmt(r.respiratoryRateBpm())) : "error " + r.failure().code(),
                    r.pulseSnrDb(), Double.isFinite(a.heartRateHz()) ? String.format("%.1f", 60 * a.heartRateHz())
                            : "-", a.segmentDurationSec());
        }
        steps.forEach(line -> System.out.println("  scan log, minimum " + (int) min + " s: " + line));
    }

    /** An engine with another minimum duration, the spectrum's segment no longer than it. */
    private static DefaultVitalsEngine shortScans(VitalsSettings s, double minSec) {
        VitalsSettings.Signal g = s.signal();
        return new DefaultVitalsEngine(s.withSignal(new VitalsSettings.Signal(g.resampleHz(), minSec, g.maxGapSec(),
                g.detrendCutoffHz(), g.filterOrder(), Math.min(g.spectrumSegmentSec(), minSec),
                g.spectrumResolutionHz())));
    }

    // ---------------------------------------------------------------- speed

    /**
     * @param codec H264 for the speed target's clip; X265_HLG for the same frames as a phone's HDR video, whose
     *              frames the decoder maps to SDR (10-bit HEVC: a slower bare decode as well)
     */
    private static void speed(VideoDecoder decoder, OpenCvVision vision, Path dir, ClipEncoder.Codec codec)
            throws Exception {
        System.out.println();
        Path photo = photos().get(0);
        String name = "speed-30s-640x480-30fps-motion-" + (codec == ClipEncoder.Codec.H264 ? "h264" : "hevc-hlg");
        // the HDR clip: the same frames as the x265-hlg condition encodes them
        SyntheticTruth truth = generate(dir, name, name.replace("hevc-hlg", "h264"), photo, 72, 15, 30,
                b -> codec == ClipEncoder.Codec.H264 ? b.headMotion(1.0).sensorNoise(2).codec(codec)
                        : X265_HLG.options().apply(b.headMotion(1.0)));
        time(decoder, vision, dir.resolve(truth.clip()), truth);
    }

    /**
     * A phone's portrait video as it stores it: 1080×1920 upright, stored 1920×1080 with a display rotation of
     * 90 degrees, 20 s, 10 Mbit/s, a 500 px face turning a little (a quarter of the head motion).
     *
     * @param codec X264 for SDR H.264, X265_HLG for an iPhone's default HDR (10-bit HEVC, HLG)
     */
    private static void speedPhone(VideoDecoder decoder, OpenCvVision vision, Path dir, ClipEncoder.Codec codec)
            throws Exception {
        System.out.println();
        String name = "speed-20s-1080x1920-portrait-" + (codec == ClipEncoder.Codec.X264 ? "x264" : "hevc-hlg");
        SyntheticTruth truth = generate(dir, name, "speed-20s-1080x1920-portrait", photos().get(0), 72, 15, 20,
                b -> b.size(1080, 1920).storedRotation(90).faceSize(500).headMotion(0.25).sensorNoise(2)
                        .codec(codec).bitrate(10_000_000));
        time(decoder, vision, dir.resolve(truth.clip()), truth);
    }

    /** Bare decode against the whole scan of one clip, alternating, best of 9 rounds after a warm-up. */
    private static void time(VideoDecoder decoder, OpenCvVision vision, Path clip, SyntheticTruth truth)
            throws Exception {
        PipelineAnalyzer analyzer = new PipelineAnalyzer(decoder, vision,
                new DefaultVitalsEngine(VitalsSettings.DEFAULTS), 20);
        int rounds = 9;
        double bestDecode = Double.MAX_VALUE;
        double bestScan = Double.MAX_VALUE;
        double[] ratios = new double[rounds];
        long frames = 0;
        String result = "";
        // interleaved, first round is warm-up (JIT, model sessions); best of the rest, and the median of each
        // round's own ratio (a decode and a scan a second apart share the machine's load, which on a shared
        // machine moves either by a tenth or more)
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            frames = decoder.bareDecode(clip).frames();
            double d = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            AnalysisOutcome o = analyzer.analyze(clip, VideoAnalyzer.Progress.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                bestDecode = Math.min(bestDecode, d);
                bestScan = Math.min(bestScan, s);
                ratios[r - 1] = s / d;
            }
            result = o.failure() != null ? "error " + o.failure().code()
                    : String.format("%s HR %.1f, truth %.1f", VitalsSettings.DEFAULTS.pulse().method(),
                    o.vitals().heartRateBpm(), truth.heartRateBpm());
        }
        System.out.printf("Speed (%s, %d frames, decoder threads %d for both, best of %d after a warm-up):%n",
                clip.getFileName(), frames, decoder.settings().threads(), rounds);
        System.out.printf("  bare decode %.3f s (%.0f frames/s); full scan %.3f s (%.0f frames/s, %s)%n",
                bestDecode, frames / bestDecode, bestScan, frames / bestScan, result);
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("  scan / decode = %.2f (best of each); median of the rounds' own ratios %.2f (%.2f-%.2f)%n",
                bestScan / bestDecode, sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Path> photos() throws IOException {
        List<Path> p = new ArrayList<>();
        p.add(Path.of("target", "test-classes", "photos", "sample3.jpg"));
        for (String s : new String[] {"obama.jpg", "biden.jpg"}) {
            Path f = Path.of("..", "shared", "media", "faces", "face_recognition", s);
            if (Files.exists(f)) {
                p.add(f);
            }
        }
        return p;
    }

    private static String stem(Path p) {
        String s = p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /** Videos with a truth beside them, in DIR or up to three folders below it (a dataset's subject folders). */
    private static List<Path> listVideos(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 4)) {
            return s.filter(p -> p.getFileName().toString().matches(ReferenceImport.VIDEO_NAME))
                    .filter(p -> Files.exists(SyntheticTruth.pathFor(p))).sorted().toList();
        }
    }

    private static boolean has(String[] args, String flag) {
        return List.of(args).contains(flag);
    }

    private static String opt(String[] args, String flag, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
