package dev.facevitals.bench.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facevitals.video.synthetic.SyntheticTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the contact pulse recorded beside real videos into the truth JSON that {@code VitalsBenchmark --videos}
 * measures against (a command, not a test): for every video under a folder with a reference beside it
 * ({@link ReferenceTrace}: {@code <video>.ppg.csv}; UBFC-rPPG's {@code ground_truth.txt} or {@code gtdump.xmp} in
 * a folder with one video; PURE's {@code <name>.json} beside {@code <name>.mkv}, the video {@link PureFrames} makes
 * of its frames; UBFC-Phys's {@code bvp_<name>.csv} beside {@code vid_<name>.avi}), the beats of that pulse
 * ({@link ContactPulse}) give the heart rate, SDNN, RMSSD and pNN50 written to {@code <video>.truth.json}, with
 * where they came from under {@code reference}.
 * HRV is left out (null) when fewer than 80 % of the intervals were accepted or fewer than 25 were: the
 * reference itself is then not good enough to judge the engine by. There is no breathing reference in these
 * layouts, so breathing is not judged.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.reference.ReferenceImport \
 *     DIR [--force]
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.VitalsBenchmark \
 *     --conditions none --hrv-clips 0 --no-speed --videos DIR
 * </pre>
 * A truth JSON that this command did not write (no {@code reference} key) is left alone unless {@code --force}.
 */
public final class ReferenceImport {

    /** The file names taken for videos. */
    public static final String VIDEO_NAME = "(?i).*\\.(mp4|mov|mkv|avi|webm)$";
    static final double MIN_ACCEPTED_SHARE = 0.8;
    static final int MIN_INTERVALS = 25;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReferenceImport() {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length < 1) {
            System.err.println("usage: ReferenceImport DIR [--force]");
            System.exit(2);
        }
        boolean force = List.of(args).contains("--force");
        int written = 0;
        for (Path video : videos(Path.of(args[0]))) {
            try {
                Path ref = referenceFor(video);
                if (ref == null) {
                    continue;
                }
                String line = importOne(video, ref, force);
                System.out.println(line);
                written += line.startsWith("wrote") ? 1 : 0;
            } catch (IOException | IllegalArgumentException e) {
                System.out.println("skipped " + video + ": " + e.getMessage());
            }
        }
        System.out.println(written + " truth files written");
    }

    /** Video files under {@code dir} (four levels deep at most), in path order. */
    static List<Path> videos(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir, 4)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(VIDEO_NAME)).sorted().toList();
        }
    }

    /**
     * The reference beside a video: its own {@code .ppg.csv}; PURE's JSON of the same name; UBFC-Phys's
     * {@code bvp_} file of the same name; else a UBFC-rPPG file in a folder with one video.
     */
    static Path referenceFor(Path video) throws IOException {
        String name = video.getFileName().toString();
        Path own = video.resolveSibling(name + ".ppg.csv");
        if (Files.exists(own)) {
            return own;
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        Path json = video.resolveSibling(stem + ".json");
        if (Files.exists(json) && JSON.readTree(json.toFile()).has("/FullPackage")) {
            return json;
        }
        if (stem.startsWith("vid_") && Files.exists(video.resolveSibling("bvp_" + stem.substring(4) + ".csv"))) {
            return video.resolveSibling("bvp_" + stem.substring(4) + ".csv");
        }
        Path dir = video.toAbsolutePath().getParent();
        List<Path> siblings;
        try (Stream<Path> s = Files.list(dir)) {
            siblings = s.filter(p -> p.getFileName().toString().matches(VIDEO_NAME)).toList();
        }
        if (siblings.size() != 1) {
            return null;
        }
        for (String ubfc : new String[] {"ground_truth.txt", "gtdump.xmp"}) {
            if (Files.exists(dir.resolve(ubfc))) {
                return dir.resolve(ubfc);
            }
        }
        return null;
    }

    static ReferenceTrace read(Path ref) throws IOException {
        String name = ref.getFileName().toString();
        return name.equals("ground_truth.txt") ? ReferenceTrace.ubfc2(ref)
                : name.equals("gtdump.xmp") ? ReferenceTrace.ubfc1(ref)
                : name.endsWith(".json") ? ReferenceTrace.pure(ref)
                : name.startsWith("bvp_") ? ReferenceTrace.e4(ref) : ReferenceTrace.csv(ref);
    }

    /** Writes one video's truth; returns the line to print. */
    static String importOne(Path video, Path ref, boolean force) throws IOException {
        Path out = SyntheticTruth.pathFor(video);
        if (!force && Files.exists(out) && !JSON.readTree(out.toFile()).has("reference")) {
            return "kept " + out + " (not written by this command; --force replaces it)";
        }
        ReferenceTrace trace = read(ref);
        ContactPulse.Beats beats = ContactPulse.beats(trace.timesSec(), trace.ppg());
        ContactPulse.Stats st = beats.stats();
        boolean hrv = hrvCredible(st);
        ObjectNode root = JSON.createObjectNode();
        root.put("clip", video.getFileName().toString());
        put(root, "heart_rate_bpm", st.heartRateBpm());
        put(root, "sdnn_ms", hrv ? st.sdnnMs() : Double.NaN);
        put(root, "rmssd_ms", hrv ? st.rmssdMs() : Double.NaN);
        put(root, "pnn50_pct", hrv ? st.pnn50Pct() : Double.NaN);
        root.putNull("respiratory_rate_bpm");
        ObjectNode r = root.putObject("reference");
        r.put("file", video.toAbsolutePath().getParent().relativize(ref.toAbsolutePath()).toString());
        r.put("format", trace.format());
        r.put("samples", trace.timesSec().length);
        put(r, "rate_hz", beats.rateHz());
        put(r, "span_sec", trace.timesSec()[trace.timesSec().length - 1] - trace.timesSec()[0]);
        r.put("inverted", beats.inverted());
        r.put("beats", st.beats());
        r.put("intervals", st.intervals());
        r.put("accepted", st.accepted());
        put(r, "device_heart_rate_bpm", trace.deviceMeanBpm());
        if (!hrv) {
            r.put("hrv_withheld", String.format("%d of %d intervals accepted (HRV needs %d and %.0f %%)",
                    st.accepted(), st.intervals(), MIN_INTERVALS, 100 * MIN_ACCEPTED_SHARE));
        }
        // on the video's clock: PURE's frames carry their own times, the other layouts start with the video
        double offset = trace.videoStartSec();
        put(r, "video_start_sec", offset);
        ArrayNode times = r.putArray("beat_times_sec");
        for (double t : beats.timesSec()) {
            times.add(Math.round((t - offset) * 1e6) / 1e6);
        }
        ArrayNode ok = r.putArray("accepted_intervals");
        for (boolean a : beats.accepted()) {
            ok.add(a);
        }
        JSON.writeValue(out.toFile(), root);
        return String.format("wrote %s: %s, %d samples at %.1f Hz, %d beats, %d of %d intervals accepted;"
                        + " HR %.1f bpm (device %.1f), SDNN %s, RMSSD %s", out, trace.format(),
                trace.timesSec().length, beats.rateHz(), st.beats(), st.accepted(), st.intervals(),
                st.heartRateBpm(), trace.deviceMeanBpm(), hrv ? fmt(st.sdnnMs()) : "withheld",
                hrv ? fmt(st.rmssdMs()) : "withheld");
    }

    /** Whether the reference's HRV is good enough to judge the engine by. */
    static boolean hrvCredible(ContactPulse.Stats st) {
        return st.intervals() >= MIN_INTERVALS && st.acceptedShare() >= MIN_ACCEPTED_SHARE;
    }

    private static String fmt(double ms) {
        return String.format("%.1f ms", ms);
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
