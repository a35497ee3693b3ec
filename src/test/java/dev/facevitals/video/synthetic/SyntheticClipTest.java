package dev.facevitals.video.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoException;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.VideoInfo;
import dev.facevitals.vision.ImageView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's own truth, checked against what the decoder reads back from its clips. These tests hold
 * the benchmark's ground truth in place: a change that moves the pulse, the beats or the timing fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticClipTest {

    private static final Path PHOTOS = Path.of("target/test-classes/photos");

    @TempDir
    static Path dir;

    private Path clip;
    private SyntheticTruth truth;
    /** Per decoded frame: timestamp (s), and mean B, G, R over a box on the cheeks and nose. */
    private double[] times;
    private double[][] bgr;
    private VideoInfo info;

    /** One realistic clean clip for the whole class: 21 s, H.264 (all intra), sensor noise, 0.3 % pulse. */
    @BeforeAll
    void renderCleanClip() throws IOException, VideoException {
        clip = dir.resolve("clean.mp4");
        truth = SyntheticClip.builder().photo(PHOTOS.resolve("sample3.jpg")).heartRate(66).respiratoryRate(14)
                .condition(SyntheticClip.Condition.SENSOR_NOISE).seed(7).write(clip);
        double[][] rows = readBox(clip, box(truth));
        times = rows[0];
        bgr = new double[][] {rows[1], rows[2], rows[3]};
        try (FrameSource source = new VideoDecoder().open(clip)) {
            info = source.info();
        }
    }

    /** Per decoded frame of {@code file}: timestamp (s), then mean B, G and R over {@code box}, as four rows. */
    static double[][] readBox(Path file, int[] box) throws VideoException {
        List<double[]> rows = new ArrayList<>();
        try (FrameSource source = new VideoDecoder().open(file)) {
            VideoFrame frame;
            while ((frame = source.next()) != null) {
                ImageView v = frame.image();
                double[] sum = new double[3];
                for (int y = box[1]; y < box[3]; y++) {
                    for (int x = box[0]; x < box[2]; x++) {
                        int o = v.offset(x, y);
                        for (int c = 0; c < 3; c++) {
                            sum[c] += v.pixels().get(o + c) & 0xff;
                        }
                    }
                }
                int n = (box[2] - box[0]) * (box[3] - box[1]);
                rows.add(new double[] {frame.timestampMicros() / 1e6, sum[0] / n, sum[1] / n, sum[2] / n});
            }
        }
        double[][] out = new double[4][];
        for (int c = 0; c < 4; c++) {
            int col = c;
            out[c] = rows.stream().mapToDouble(r -> r[col]).toArray();
        }
        return out;
    }

    /** Cheeks and nose below the eyes (x0, y0, x1, y1), inside the face even when breathing moves it 2 px. */
    static int[] box(SyntheticTruth truth) {
        double[] face = truth.faceBox();
        double size = face[2];
        double cx = face[0] + size / 2;
        double cy = face[1] + size / 2;
        return new int[] {(int) (cx - 0.3 * size), (int) (cy - 0.05 * size), (int) (cx + 0.3 * size),
                (int) (cy + 0.3 * size)};
    }

    @Test
    void clipHasTheFramesSizeAndTimesTheTruthSays() {
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(480);
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(truth.frameCount()).isEqualTo(630);
        assertThat(times).hasSize(truth.frameCount());
        for (int i = 0; i < times.length; i++) {
            assertThat(times[i]).as("frame %d", i).isCloseTo(truth.frameTimesSec()[i], within(1e-6));
        }
        assertThat(truth.durationSec()).isGreaterThanOrEqualTo(20.0);
        assertThat(SyntheticTruth.pathFor(clip)).exists();
        // A face of realistic size, wholly in the frame.
        double[] box = truth.faceBox();
        assertThat(box[2]).isBetween(150.0, 250.0);
        assertThat(box[0]).isGreaterThan(0);
        assertThat(box[1]).isGreaterThan(0);
        assertThat(box[0] + box[2]).isLessThan(640);
        assertThat(box[1] + box[2]).isLessThan(480);
        assertThat(truth.faceOutOfFrameSec()).isEmpty();
        assertThat(truth.skinPixels()).isGreaterThan(5000);
    }

    @Test
    void pulseSurvivesH264AndNoiseAtTheTrueHeartRate() {
        double rate = 30;
        double[] green = PulseSpectrum.bandPass(PulseSpectrum.resample(times, bgr[1], rate), rate, 0.7, 4.0);
        double peakBpm = 60 * PulseSpectrum.peakHz(green, rate, 0.7, 4.0);
        assertThat(peakBpm).isCloseTo(truth.heartRateBpm(), within(0.5));

        // The skin darkens as the blood volume rises: the trace follows the truth waveform, inverted.
        double[] bvp = PulseSpectrum.bandPass(PulseSpectrum.resample(truth.frameTimesSec(), truth.bvp(), rate),
                rate, 0.7, 4.0);
        assertThat(PulseSpectrum.correlation(green, bvp)).isLessThan(-0.5);
    }

    @Test
    void pulseHasTheSkinColourDirection() {
        // Regress each band-passed channel on the truth waveform: slope / mean is the relative change per unit
        // pulse, which must follow the blood-volume weights (green strongest, then blue, then red).
        double[] relative = relativePulse(truth, times, bgr);
        assertThat(relative[1]).isNegative();
        double blueToGreen = relative[0] / relative[1];
        double redToGreen = relative[2] / relative[1];
        assertThat(blueToGreen).isCloseTo(SyntheticClip.PULSE_BGR[0], within(0.2));
        assertThat(redToGreen).isCloseTo(SyntheticClip.PULSE_BGR[2], within(0.2));
        assertThat(blueToGreen).isGreaterThan(redToGreen);
        // Size: 0.3 % peak to peak on skin, diluted by the box's non-skin pixels (lips, teeth, nostrils):
        // the expected share comes from the scene's own skin mask at the rest pose.
        FaceScene scene = FaceScene.build(PHOTOS.resolve("sample3.jpg"), 0, 640, 480, 170, 0.42, true);
        int[] box = box(truth);
        double weighted = 0;
        double total = 0;
        for (int y = box[1]; y < box[3]; y++) {
            for (int x = box[0]; x < box[2]; x++) {
                int px = y * 640 + x;
                double green = scene.subject[4 * px + 1] & 0xff;
                weighted += green * (scene.faceMasks[2 * px] & 0xff) / 255.0;
                total += green;
            }
        }
        double expected = truth.pulseAmplitude() * weighted / total;
        assertThat(expected).isBetween(0.3 * truth.pulseAmplitude(), truth.pulseAmplitude());
        assertThat(-relative[1]).isCloseTo(expected, within(0.25 * expected));
    }

    /** Relative change of B, G and R per unit of the truth's pulse waveform (band-passed, regressed). */
    static double[] relativePulse(SyntheticTruth truth, double[] times, double[][] bgr) {
        double rate = 30;
        double[] bvp = PulseSpectrum.bandPass(PulseSpectrum.resample(truth.frameTimesSec(), truth.bvp(), rate),
                rate, 0.7, 4.0);
        double[] relative = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] x = PulseSpectrum.bandPass(PulseSpectrum.resample(times, bgr[c], rate), rate, 0.7, 4.0);
            double mean = Arrays.stream(bgr[c]).average().orElseThrow();
            relative[c] = slope(x, bvp) / mean;
        }
        return relative;
    }

    /**
     * Another pulse colour (another light or camera) is rendered and written into the truth. What the decoder
     * reads back is further from the asked colour than the rendering: the file's YUV rounds away part of a
     * colour change this small (a fraction of a level in red and blue), which then shows in all three channels
     * alike (measured on this clip: red/green 0.22 for 0.13 asked, in FFV1; in the benchmark's all-intra H.264
     * more). Still far from PBV's signature (0.43 and 0.69), which is what the `green-pulse` condition needs.
     */
    @Test
    void aPulseColourOtherThanPbvsIsRendered() throws IOException, VideoException {
        Path other = dir.resolve("green-pulse.mkv");
        SyntheticTruth t = SyntheticClip.builder().photo(PHOTOS.resolve("sample3.jpg")).heartRate(66)
                .durationSec(8).pulseColour(0.05, 1.0, 0.13).codec(ClipEncoder.Codec.FFV1).seed(7).write(other);
        assertThat(t.pulseWeightsBgr()).containsExactly(0.05, 1.0, 0.13);
        double[][] rows = readBox(other, box(t));
        double[] relative = relativePulse(t, rows[0], new double[][] {rows[1], rows[2], rows[3]});
        assertThat(relative[1]).isNegative();
        assertThat(relative[0] / relative[1]).as("blue/green").isBetween(-0.1, 0.25);
        assertThat(relative[2] / relative[1]).as("red/green").isBetween(0.0, 0.3);
    }

    static double slope(double[] y, double[] x) {
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
        }
        return sxy / sxx;
    }

    @Test
    void truthNumbersAgreeWithTheBeats() throws IOException {
        double[] beats = truth.beatTimesSec();
        assertThat(beats[0]).isGreaterThanOrEqualTo(0);
        assertThat(beats[beats.length - 1]).isLessThanOrEqualTo(truth.frameTimesSec()[truth.frameCount() - 1]);
        assertThat(beats.length).isBetween(20, 26); // 66 bpm for 21 s
        double[] hrv = SyntheticTruth.hrv(beats);
        assertThat(truth.heartRateBpm()).isEqualTo(hrv[0]);
        assertThat(truth.heartRateBpm()).isCloseTo(66, within(66 * 0.04));
        assertThat(truth.sdnnMs()).isEqualTo(hrv[1]).isBetween(10.0, 80.0);
        assertThat(truth.rmssdMs()).isEqualTo(hrv[2]).isBetween(5.0, 80.0);
        assertThat(truth.pnn50Pct()).isEqualTo(hrv[3]);
        assertThat(truth.ibiMs()).hasSize(beats.length - 1);
        assertThat(truth.ibiMs()[0]).isCloseTo(1000 * (beats[1] - beats[0]), within(1e-9));

        // Each listed beat is a peak of the truth waveform.
        double[] t = truth.frameTimesSec();
        double[] bvp = truth.bvp();
        for (double beat : Arrays.copyOfRange(beats, 1, beats.length - 1)) {
            int i = nearest(t, beat);
            assertThat(bvp[i]).as("bvp at beat %.3f", beat).isGreaterThan(0.3);
        }

        // Breathing moves the face at the respiratory rate.
        double breathHz = PulseSpectrum.peakHz(truth.breathPx(), 30, 0.05, 1.0);
        assertThat(60 * breathHz).isCloseTo(truth.respiratoryRateBpm(), within(0.5));
        assertThat(Arrays.stream(truth.breathPx()).max().orElseThrow()).isCloseTo(2.0, within(0.05));

        // The JSON beside the clip reads back to the same truth.
        SyntheticTruth read = SyntheticTruth.read(SyntheticTruth.pathFor(clip));
        assertThat(read.beatTimesSec()).containsExactly(beats);
        assertThat(read.heartRateBpm()).isEqualTo(truth.heartRateBpm());
        assertThat(read.conditions()).isEqualTo(truth.conditions());
        assertThat(read.photo()).isEqualTo("sample3.jpg");
        assertThat(read.seed()).isEqualTo(7);
        assertThat(Files.readString(SyntheticTruth.pathFor(clip))).contains("\"heart_rate_bpm\"", "\"sdnn_ms\"",
                "\"beat_times_sec\"", "\"respiratory_rate_bpm\"", "\"noise_sigma\"");
    }

    private static int nearest(double[] t, double x) {
        int best = 0;
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - x) < Math.abs(t[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void everySamplePhotoHasAUsableFace() {
        for (int i = 1; i <= 6; i++) {
            List<FaceScene.FaceBox> faces = FaceScene.detectFaces(PHOTOS.resolve("sample" + i + ".jpg"));
            assertThat(faces).as("sample%d", i).isNotEmpty();
            for (FaceScene.FaceBox f : faces) {
                assertThat(f.size()).isGreaterThanOrEqualTo(120);
                assertThat(f.x()).isNotNegative();
                assertThat(f.y()).isNotNegative();
            }
            for (int k = 1; k < faces.size(); k++) {
                assertThat(faces.get(k).size()).isLessThanOrEqualTo(faces.get(k - 1).size());
            }
        }
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedDoesNot() throws IOException {
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample1.jpg")).durationSec(2)
                .condition(SyntheticClip.Condition.HEAD_MOTION).condition(SyntheticClip.Condition.SENSOR_NOISE);
        Path a = dir.resolve("a.mp4");
        Path a2 = dir.resolve("a2.mp4");
        Path c = dir.resolve("c.mp4");
        SyntheticTruth ta = b.seed(11).write(a);
        SyntheticTruth ta2 = b.seed(11).write(a2);
        SyntheticTruth tc = b.seed(12).write(c);
        assertThat(Files.readAllBytes(a2)).isEqualTo(Files.readAllBytes(a));
        assertThat(ta2.beatTimesSec()).containsExactly(ta.beatTimesSec());
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
        assertThat(tc.beatTimesSec()).isNotEqualTo(ta.beatTimesSec());
    }

    @Test
    void jitteredFrameTimesArePreservedThroughThePhoneLikeCodec() throws IOException, VideoException {
        Path file = dir.resolve("vfr.mp4");
        SyntheticTruth t = SyntheticClip.builder().photo(PHOTOS.resolve("sample6.jpg")).durationSec(3).seed(3)
                .codec(ClipEncoder.Codec.H264).condition(SyntheticClip.Condition.VFR_JITTER).write(file);
        List<Long> stamps = new ArrayList<>();
        try (FrameSource source = new VideoDecoder().open(file)) {
            VideoFrame f;
            while ((f = source.next()) != null) {
                stamps.add(f.timestampMicros());
            }
        }
        assertThat(stamps).hasSize(t.frameCount());
        double minStep = Double.MAX_VALUE;
        double maxStep = 0;
        for (int i = 0; i < stamps.size(); i++) {
            assertThat(stamps.get(i) / 1e6).isCloseTo(t.frameTimesSec()[i], within(1e-6));
            if (i > 0) {
                double step = t.frameTimesSec()[i] - t.frameTimesSec()[i - 1];
                minStep = Math.min(minStep, step);
                maxStep = Math.max(maxStep, step);
            }
        }
        assertThat(minStep).isLessThan(0.030);
        assertThat(maxStep).isGreaterThan(0.037);
    }

    @Test
    void storedRotationDecodesToTheSameUprightPixels() throws IOException, VideoException {
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample2.jpg")).durationSec(1)
                .seed(5).codec(ClipEncoder.Codec.FFV1);
        Path upright = dir.resolve("upright.mkv");
        Path phone = dir.resolve("phone.mkv");
        b.write(upright);
        SyntheticTruth t = b.storedRotation(90).write(phone);
        assertThat(t.storedRotationDeg()).isEqualTo(90);
        try (FrameSource x = new VideoDecoder().open(upright); FrameSource y = new VideoDecoder().open(phone)) {
            assertThat(y.info().rotationDegrees()).isEqualTo(90);
            assertThat(y.info().width()).isEqualTo(640);
            assertThat(y.info().height()).isEqualTo(480);
            VideoFrame fx;
            int frames = 0;
            while ((fx = x.next()) != null) {
                VideoFrame fy = y.next();
                ImageView vx = fx.image();
                ImageView vy = fy.image();
                for (int row = 0; row < 480; row += 7) {
                    for (int col = 0; col < 640; col += 5) {
                        int ox = vx.offset(col, row);
                        int oy = vy.offset(col, row);
                        for (int c = 0; c < 3; c++) {
                            assertThat(vy.pixels().get(oy + c)).isEqualTo(vx.pixels().get(ox + c));
                        }
                    }
                }
                frames++;
            }
            assertThat(frames).isEqualTo(30);
        }
    }

    @Test
    void everyConditionRendersAndTheFaceLeavesWhenAsked() throws IOException, VideoException {
        Path file = dir.resolve("hard.mp4");
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample5.jpg")).faceIndex(1)
                .durationSec(6).seed(9).screenFlicker(1.9, 0.02);
        for (SyntheticClip.Condition c : SyntheticClip.Condition.values()) {
            if (c != SyntheticClip.Condition.SCREEN_FLICKER) {
                b.condition(c);
            }
        }
        SyntheticTruth t = b.faceExit(2.0, 1.0).write(file);
        SyntheticClip.Conditions c = t.conditions();
        assertThat(c.headMotion()).isEqualTo(1.0);
        assertThat(c.sideLight()).isPositive();
        assertThat(c.specular()).isPositive();
        assertThat(c.exposureSteps()).isPositive();
        assertThat(c.noiseSigma()).isEqualTo(2.0);
        assertThat(c.vfrJitter()).isPositive();
        assertThat(c.flickerHz()).isEqualTo(1.9);

        // The face leaves to the left after 2 s (1 s slide) and is back after about 5 s.
        assertThat(t.faceOutOfFrameSec()).hasSize(1);
        double[] out = t.faceOutOfFrameSec().get(0);
        assertThat(out[0]).isBetween(2.0, 3.0);
        assertThat(out[1]).isBetween(4.0, 5.0);
        int mid = nearest(t.frameTimesSec(), 3.5);
        assertThat(t.faceCenterX()[mid] + t.faceSize()[mid] / 2).isNegative();

        int frames = 0;
        try (FrameSource source = new VideoDecoder().open(file)) {
            while (source.next() != null) {
                frames++;
            }
        }
        assertThat(frames).isEqualTo(t.frameCount());
    }

    @Test
    void screenFlickerIsAtItsFrequency() throws IOException, VideoException {
        Path file = dir.resolve("flicker.mp4");
        SyntheticTruth t = SyntheticClip.builder().photo(PHOTOS.resolve("sample4.jpg")).durationSec(5).seed(4)
                .screenFlicker(1.9, 0.02).sensorNoise(2).write(file);
        assertThat(t.conditions().flickerHz()).isEqualTo(1.9);
        // The screen light also reaches the background: its top-right corner flickers at that frequency.
        List<double[]> corner = new ArrayList<>();
        try (FrameSource source = new VideoDecoder().open(file)) {
            VideoFrame f;
            while ((f = source.next()) != null) {
                ImageView v = f.image();
                double sum = 0;
                for (int y = 4; y < 64; y++) {
                    for (int x = 576; x < 636; x++) {
                        sum += v.pixels().get(v.offset(x, y) + 1) & 0xff;
                    }
                }
                corner.add(new double[] {f.timestampMicros() / 1e6, sum / 3600});
            }
        }
        double[] ts = corner.stream().mapToDouble(r -> r[0]).toArray();
        double[] g = corner.stream().mapToDouble(r -> r[1]).toArray();
        double[] band = PulseSpectrum.bandPass(PulseSpectrum.resample(ts, g, 30), 30, 0.7, 4.0);
        assertThat(PulseSpectrum.peakHz(band, 30, 0.7, 4.0)).isCloseTo(1.9, within(0.1));
    }

    /**
     * A video call's VP8 (the {@code call} condition of the benchmark) keeps about half of a sub-level pulse on
     * this clip (0.50 of the all-intra file's gain, correlation −0.52), where openh264's P frames keep almost none
     * ({@link GplEncoderClipTest} has x264's case and the openh264 figure).
     */
    @Test
    void aVideoCallsVp8KeepsAboutHalfThePulse() throws IOException, VideoException {
        EncodedPulse vp8 = pulseThrough(ClipEncoder.Codec.VP8, 1_000_000, dir.resolve("call.webm"));
        assertThat(vp8.codec()).isEqualTo("vp8");
        assertThat(vp8.correlation()).isLessThan(-0.4);
        assertThat(vp8.kept()).isBetween(0.35, 1.3);
    }

    /**
     * The {@code call} condition's clips are the same file from the same seed, however loaded the machine:
     * libvpx's real-time mode picks its speed from the time the last frames took unless the speed is fixed.
     */
    @Test
    void aVideoCallsVp8IsTheSameFileEveryTime() throws IOException {
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample3.jpg")).heartRate(72)
                .durationSec(4).condition(SyntheticClip.Condition.SENSOR_NOISE).seed(5)
                .codec(ClipEncoder.Codec.VP8).bitrate(1_000_000);
        b.write(dir.resolve("once.webm"));
        b.write(dir.resolve("twice.webm"));
        assertThat(Files.readAllBytes(dir.resolve("twice.webm")))
                .isEqualTo(Files.readAllBytes(dir.resolve("once.webm")));
    }

    /** What one encoder made of a rendered pulse: the file's codec, and the pulse measures of the decoded box. */
    record EncodedPulse(String codec, double correlation, double kept) {
    }

    /**
     * Renders a 12 s still clip (sensor noise, 0.3 % pulse at 72 bpm) twice from the same seed, all-intra
     * (which keeps the pulse as lossless does) and through {@code codec} at {@code bitrate} into {@code file},
     * and measures the second against the truth: the correlation of its band-passed green level with the truth
     * waveform (negative: the skin darkens as blood volume rises), and its green gain against the truth as a
     * share of the all-intra clip's.
     */
    static EncodedPulse pulseThrough(ClipEncoder.Codec codec, long bitrate, Path file)
            throws IOException, VideoException {
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample3.jpg")).heartRate(72)
                .respiratoryRate(14).durationSec(12).condition(SyntheticClip.Condition.SENSOR_NOISE).seed(11);
        Path reference = file.resolveSibling("intra-" + file.getFileName() + ".mp4");
        SyntheticTruth truth = b.write(reference);
        b.codec(codec).bitrate(bitrate).write(file);
        String name;
        try (FrameSource source = new VideoDecoder().open(file)) {
            name = source.info().codec();
        }
        int[] box = box(truth);
        double[][] rows = readBox(file, box);
        double[][] bgr = {rows[1], rows[2], rows[3]};
        assertThat(rows[0]).hasSize(truth.frameCount());
        double rate = 30;
        double[] green = PulseSpectrum.bandPass(PulseSpectrum.resample(rows[0], bgr[1], rate), rate, 0.7, 4.0);
        double[] bvp = PulseSpectrum.bandPass(PulseSpectrum.resample(truth.frameTimesSec(), truth.bvp(), rate),
                rate, 0.7, 4.0);
        double[][] ref = readBox(reference, box);
        double kept = relativePulse(truth, rows[0], bgr)[1]
                / relativePulse(truth, ref[0], new double[][] {ref[1], ref[2], ref[3]})[1];
        EncodedPulse result = new EncodedPulse(name, PulseSpectrum.correlation(green, bvp), kept);
        System.out.printf("%s: correlation with the truth %.3f, green gain kept %.3f%n", codec,
                result.correlation(), result.kept());
        return result;
    }

    @Test
    void optionsAreValidated() {
        SyntheticClip.Builder b = SyntheticClip.builder();
        assertThatThrownBy(() -> b.heartRate(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.pulseAmplitude(0.02)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.respiratoryRate(40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.durationSec(901)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.storedRotation(45)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.write(dir.resolve("x.mp4"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SyntheticClip.builder().photo(PHOTOS.resolve("sample1.jpg")).faceIndex(9)
                .durationSec(1).write(dir.resolve("y.mp4"))).isInstanceOf(IllegalArgumentException.class);
    }
}
