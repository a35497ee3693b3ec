package dev.facevitals.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facevitals.video.synthetic.PulseModel;
import dev.facevitals.video.synthetic.SyntheticTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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
