package dev.facevitals.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoException;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.synthetic.PulseModel;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.ImageView;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;

/** The dataset layouts read back, and the truth JSON the benchmark reads written from them. */
class ReferenceImportTest {

    @TempDir
    Path dir;

    private static final PulseModel PULSE = new PulseModel(68, 0.25, 40, 20, 20, 60, 0.3, new SplittableRandom(7));

    /** The pulse as a 30 Hz oximeter gives it: {times, ppg, device heart rate}. */
    private static double[][] recording(double seconds) {
        int n = (int) (30 * seconds);
        double[][] r = new double[3][n];
        for (int i = 0; i < n; i++) {
            r[0][i] = i / 30.0;
            r[1][i] = 0.5 + 0.2 * PULSE.bvp(r[0][i]);
            r[2][i] = 68;
        }
        return r;
    }

    private static String row(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(String.format(Locale.ROOT, "  %.7e", x));
        }
        return b.toString();
    }

    private Path ubfc2(String subject, double seconds) throws IOException {
        Path s = Files.createDirectories(dir.resolve(subject));
        Files.write(s.resolve("vid.avi"), new byte[0]);
        double[][] r = recording(seconds);
        Files.writeString(s.resolve("ground_truth.txt"), row(r[1]) + "\n" + row(r[2]) + "\n" + row(r[0]) + "\n");
        return s.resolve("vid.avi");
    }

    private static JsonNode truth(Path video) throws IOException {
        return new ObjectMapper().readTree(SyntheticTruth.pathFor(video).toFile());
    }

    @Test
    void aUbfcSubjectFolderGetsTheTruthOfItsPulse() throws IOException {
        Path video = ubfc2("subject1", 60);
        ReferenceImport.main(new String[] {dir.toString()});
        JsonNode t = truth(video);
        ContactPulse.Stats want = ContactPulse.beats(recording(60)[0], recording(60)[1]).stats();
        // the file holds 8 significant digits, as UBFC's do
        assertThat(t.get("heart_rate_bpm").asDouble()).isCloseTo(want.heartRateBpm(), within(1e-3))
                .isCloseTo(68, within(1.5));
        assertThat(t.get("sdnn_ms").asDouble()).isCloseTo(want.sdnnMs(), within(0.01));
        assertThat(t.get("rmssd_ms").asDouble()).isCloseTo(want.rmssdMs(), within(0.01)).isBetween(20.0, 80.0);
        assertThat(t.get("respiratory_rate_bpm").isNull()).isTrue();
        JsonNode ref = t.get("reference");
        assertThat(ref.get("format").asText()).isEqualTo("ubfc2");
        assertThat(ref.get("file").asText()).isEqualTo("ground_truth.txt");
        assertThat(ref.get("device_heart_rate_bpm").asDouble()).isEqualTo(68.0);
        assertThat(ref.get("beat_times_sec")).hasSize(want.beats());
        assertThat(ref.get("accepted").asInt()).isEqualTo(want.intervals());
    }

    @Test
    void aShortRecordingGetsAHeartRateButNoHrv() throws IOException {
        Path video = ubfc2("subject2", 15);
        ReferenceImport.main(new String[] {dir.toString()});
        JsonNode t = truth(video);
        assertThat(t.get("heart_rate_bpm").asDouble()).isCloseTo(68, within(3.0));
        assertThat(t.get("sdnn_ms").isNull()).isTrue();
        assertThat(t.get("rmssd_ms").isNull()).isTrue();
        assertThat(t.get("reference").get("hrv_withheld").asText()).contains("intervals accepted");
    }

    @Test
    void aVideosOwnCsvAndUbfcsFirstLayoutAreReadToo() throws IOException {
        double[][] r = recording(40);
        StringBuilder csv = new StringBuilder("time_s,ppg\n");
        StringBuilder xmp = new StringBuilder();
        for (int i = 0; i < r[0].length; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.6f%n", r[0][i], r[1][i]));
            xmp.append(String.format(Locale.ROOT, "%.0f,%.0f,98,%.6f%n", 1000 * r[0][i] + 12345, r[2][i], r[1][i]));
        }
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Path a = flat.resolve("a.mp4");
        Path b = flat.resolve("b.mp4");
        Files.write(a, new byte[0]);
        Files.write(b, new byte[0]);
        Files.writeString(flat.resolve("a.mp4.ppg.csv"), csv);
        Path ubfc1 = Files.createDirectories(dir.resolve("ubfc1"));
        Path v = ubfc1.resolve("vid.avi");
        Files.write(v, new byte[0]);
        Files.writeString(ubfc1.resolve("gtdump.xmp"), xmp);

        ReferenceTrace parsed = ReferenceTrace.csv(flat.resolve("a.mp4.ppg.csv"));
        assertThat(parsed.timesSec()).hasSize(r[0].length);
        assertThat(parsed.ppg()[100]).isCloseTo(r[1][100], within(1e-6));
        assertThat(parsed.deviceHeartRateBpm()).isNull();
        ReferenceTrace xmpParsed = ReferenceTrace.ubfc1(ubfc1.resolve("gtdump.xmp"));
        assertThat(xmpParsed.timesSec()[0]).isCloseTo(12.345, within(1e-9));
        assertThat(xmpParsed.deviceMeanBpm()).isEqualTo(68.0);

        ReferenceImport.main(new String[] {dir.toString()});
        assertThat(truth(a).get("reference").get("format").asText()).isEqualTo("csv");
        // two videos in one folder: a folder-wide file could belong to either, and b has no file of its own
        assertThat(Files.exists(SyntheticTruth.pathFor(b))).isFalse();
        assertThat(truth(v).get("reference").get("format").asText()).isEqualTo("ubfc1");
        assertThat(truth(v).get("heart_rate_bpm").asDouble())
                .isCloseTo(truth(a).get("heart_rate_bpm").asDouble(), within(0.05));
    }

    @Test
    void aTruthFileThisCommandDidNotWriteIsKeptUnlessForced() throws IOException {
        Path video = ubfc2("subject3", 40);
        Files.writeString(SyntheticTruth.pathFor(video), "{\"heart_rate_bpm\": 61.0}");
        ReferenceImport.main(new String[] {dir.toString()});
        assertThat(truth(video).get("heart_rate_bpm").asDouble()).isEqualTo(61.0);
        ReferenceImport.main(new String[] {dir.toString(), "--force"});
        assertThat(truth(video).get("heart_rate_bpm").asDouble()).isCloseTo(68, within(1.5));
        // and the command's own file is replaced without being forced
        ReferenceImport.main(new String[] {dir.toString()});
        assertThat(truth(video).has("reference")).isTrue();
    }

    @Test
    void aPureRecordingBecomesALosslessVideoWithItsFrameTimesAndItsJsonIsTheReference()
            throws IOException, VideoException {
        Path rec = Files.createDirectories(dir.resolve("01-01"));
        Path frames = Files.createDirectories(rec.resolve("01-01"));
        long t0 = 1_392_643_993_642_815_000L; // nanoseconds, as PURE's clock counts
        long[] frameNs = {0, 33_300_000, 66_800_000, 100_000_000, 140_100_000};
        for (int i = 0; i < frameNs.length; i++) {
            BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
            img.setRGB(3, 4, 0x10 * i << 16 | 0x20 << 8 | 0x30);
            ImageIO.write(img, "png", frames.resolve("Image" + (t0 + frameNs[i]) + ".png").toFile());
        }
        double[][] r = recording(40);
        ObjectNode json = new ObjectMapper().createObjectNode();
        ArrayNode full = json.putArray("/FullPackage");
        for (int i = 0; i < r[0].length; i++) {
            ObjectNode p = full.addObject();
            p.put("Timestamp", t0 + Math.round(r[0][i] * 1e9));
            p.putObject("Value").put("waveform", Math.round(100 * r[1][i])).put("pulseRate", 68)
                    .put("o2saturation", 98).put("signalStrength", 4);
        }
        ArrayNode images = json.putArray("/Image");
        for (long ns : frameNs) {
            images.addObject().put("Timestamp", t0 + ns);
        }
        new ObjectMapper().writeValue(rec.resolve("01-01.json").toFile(), json);

        // a second recording whose frame is not an image: skipped, and no half-written video left behind
        Path broken = Files.createDirectories(dir.resolve("02-01").resolve("02-01"));
        Files.writeString(broken.resolve("Image" + t0 + ".png"), "not a png");
        Files.writeString(dir.resolve("02-01").resolve("02-01.json"), "{\"/FullPackage\": []}");

        PureFrames.main(new String[] {dir.toString()});
        assertThat(Files.exists(dir.resolve("02-01").resolve("02-01.mkv"))).isFalse();
        Path video = rec.resolve("01-01.mkv");
        try (FrameSource src = new VideoDecoder().open(video)) {
            for (int i = 0; i < frameNs.length; i++) {
                VideoFrame f = src.next();
                assertThat(f.timestampMicros()).as("frame %d", i).isCloseTo(frameNs[i] / 1000, within(1000L));
                ImageView v = f.image();
                int o = v.offset(3, 4);
                // lossless: the one coloured pixel as written (blue, green, red)
                assertThat(new int[] {v.pixels().get(o) & 0xff, v.pixels().get(o + 1) & 0xff,
                        v.pixels().get(o + 2) & 0xff}).containsExactly(0x30, 0x20, 0x10 * i);
            }
            assertThat(src.next()).isNull();
        }
        ReferenceImport.main(new String[] {dir.toString()});
        JsonNode t = truth(video);
        assertThat(t.get("reference").get("format").asText()).isEqualTo("pure");
        assertThat(t.get("reference").get("file").asText()).isEqualTo("01-01.json");
        assertThat(t.get("reference").get("device_heart_rate_bpm").asDouble()).isEqualTo(68.0);
        assertThat(t.get("heart_rate_bpm").asDouble()).isCloseTo(68, within(1.5));
        assertThat(t.get("rmssd_ms").isNull()).isFalse();
        // the beats are on the video's clock: its first frame is PURE's first image
        assertThat(t.get("reference").get("video_start_sec").asDouble()).isCloseTo(t0 / 1e9, within(1e-6));
        double firstBeat = t.get("reference").get("beat_times_sec").get(0).asDouble();
        assertThat(firstBeat).isBetween(0.0, 2.0).isCloseTo(PULSE.peaksBetween(0, 2)[0], within(0.3));
    }

    @Test
    void theBenchmarksTruthCanBeCutToTheStretchTheEngineAnalysed() throws IOException {
        Path video = ubfc2("subject4", 60);
        ReferenceImport.main(new String[] {dir.toString()});
        ReferenceBeats beats = ReferenceBeats.read(SyntheticTruth.pathFor(video));
        double[] whole = beats.truthWithin(0, 60);
        JsonNode t = truth(video);
        // beat times are kept to the microsecond
        assertThat(whole[0]).isCloseTo(t.get("heart_rate_bpm").asDouble(), within(1e-4));
        assertThat(whole[2]).isCloseTo(t.get("sdnn_ms").asDouble(), within(0.01));
        assertThat(whole[3]).isCloseTo(t.get("rmssd_ms").asDouble(), within(0.01));
        assertThat(whole[1]).isNaN();
        // the second half: the beats' own rate there, and HRV from its 30-odd intervals
        double[] half = beats.truthWithin(30, 60);
        double[] peaks = PULSE.peaksBetween(30, 60);
        assertThat(half[0]).isCloseTo(60 * (peaks.length - 1) / (peaks[peaks.length - 1] - peaks[0]), within(0.3));
        assertThat(half[3]).isFinite().isNotCloseTo(whole[3], within(1e-6));
        // ten seconds: a heart rate, but too few intervals for HRV
        double[] short10 = beats.truthWithin(20, 30);
        assertThat(short10[0]).isCloseTo(68, within(4.0));
        assertThat(short10[2]).isNaN();
        assertThat(beats.truthWithin(20, 20.5)[0]).isNaN();
        // a truth file without reference beats gives none
        Files.writeString(dir.resolve("other.json"), "{\"heart_rate_bpm\": 61.0}");
        assertThat(ReferenceBeats.read(dir.resolve("other.json"))).isNull();
    }

    @Test
    void aUbfcPhysBvpFileIsReadAtTheE4sRateOrTheRateItsHeaderGives() throws IOException {
        Path s1 = Files.createDirectories(dir.resolve("s1"));
        Path video = s1.resolve("vid_s1_T1.avi");
        Files.write(video, new byte[0]);
        Files.write(s1.resolve("vid_s1_T2.avi"), new byte[0]);
        StringBuilder plain = new StringBuilder();
        StringBuilder headed = new StringBuilder("1541419421.000000\n128.000000\n");
        for (int i = 0; i < 64 * 40; i++) {
            plain.append(String.format(Locale.ROOT, "%.4f%n", PULSE.bvp(i / 64.0)));
        }
        for (int i = 0; i < 128 * 40; i++) {
            headed.append(String.format(Locale.ROOT, "%.4f%n", PULSE.bvp(i / 128.0)));
        }
        Files.writeString(s1.resolve("bvp_s1_T1.csv"), plain);
        Files.writeString(s1.resolve("bvp_s1_T2.csv"), headed);
        ReferenceTrace e4 = ReferenceTrace.e4(s1.resolve("bvp_s1_T2.csv"));
        assertThat(e4.timesSec()).hasSize(128 * 40);
        assertThat(e4.timesSec()[128]).isCloseTo(1.0, within(1e-12));

        ReferenceImport.main(new String[] {dir.toString()});
        JsonNode t1 = truth(video);
        JsonNode t2 = truth(s1.resolve("vid_s1_T2.avi"));
        assertThat(t1.get("reference").get("format").asText()).isEqualTo("e4");
        assertThat(t1.get("reference").get("rate_hz").asDouble()).isCloseTo(64, within(0.01));
        assertThat(t2.get("reference").get("rate_hz").asDouble()).isCloseTo(128, within(0.01));
        assertThat(t1.get("heart_rate_bpm").asDouble()).isCloseTo(t2.get("heart_rate_bpm").asDouble(), within(0.05))
                .isCloseTo(68, within(1.5));
    }

    @Test
    void aBrokenReferenceIsSkippedAndTheOthersAreStillImported() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("broken"));
        Files.write(bad.resolve("x.mkv"), new byte[0]);
        Files.writeString(bad.resolve("x.json"), "{\"/FullPackage\": [");
        Files.write(bad.resolve("y.mkv"), new byte[0]);
        Files.writeString(bad.resolve("y.mkv.ppg.csv"), "time_s,ppg\n0,1\n");
        Path good = ubfc2("subject5", 40);
        ReferenceImport.main(new String[] {dir.toString()});
        assertThat(Files.exists(SyntheticTruth.pathFor(bad.resolve("x.mkv")))).isFalse();
        assertThat(Files.exists(SyntheticTruth.pathFor(bad.resolve("y.mkv")))).isFalse();
        assertThat(truth(good).get("heart_rate_bpm").asDouble()).isCloseTo(68, within(1.5));
    }

    @Test
    void malformedFilesSaySoAndNameTheLine() throws IOException {
        Path bad = dir.resolve("ground_truth.txt");
        Files.writeString(bad, "1 2 3\n4 5\n");
        assertThatThrownBy(() -> ReferenceTrace.ubfc2(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("three rows expected");
        Files.writeString(bad, "1 2 3\n4 5 6\n7 8\n");
        assertThatThrownBy(() -> ReferenceTrace.ubfc2(bad)).hasMessageContaining("equally long");
        Path csv = dir.resolve("x.ppg.csv");
        Files.writeString(csv, "time_s,ppg\n0.0,1\n0.1,abc\n");
        assertThatThrownBy(() -> ReferenceTrace.csv(csv)).hasMessageContaining("line 3").hasMessageContaining("abc");
        Files.writeString(csv, "0.0\n");
        assertThatThrownBy(() -> ReferenceTrace.csv(csv)).hasMessageContaining("2 columns expected");
    }
}
