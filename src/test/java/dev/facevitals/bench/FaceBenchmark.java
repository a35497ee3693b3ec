package dev.facevitals.bench;

import dev.facevitals.vision.AnalyzedFace;
import dev.facevitals.vision.Box;
import dev.facevitals.vision.EmbeddingIndex;
import dev.facevitals.vision.Embeddings;
import dev.facevitals.vision.FaceAnalyzer;
import dev.facevitals.vision.FaceAnalyzer.Extras;
import dev.facevitals.vision.FaceSettings;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.LivenessCheck;
import dev.facevitals.vision.LivenessFusion;
import dev.facevitals.vision.LivenessFusion.Calibration;
import dev.facevitals.vision.Roc;
import dev.facevitals.vision.SpoofCues;
import dev.facevitals.vision.SpoofSimulator;
import dev.facevitals.vision.SpoofSimulator.Attack;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vision.opencv.OpenCvFaces;
import dev.facevitals.vision.opencv.OpenCvImage;
import dev.facevitals.vision.opencv.OpenCvVision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The face and liveness figures of docs/faces.md and docs/liveness.md, on the real photos of
 * {@code ../shared/media/faces} (not needed by the tests). Single-threaded. Run (see docs/faces.md):
 *
 * <pre>
 * ./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/faces-cp.txt
 * taskset -c 1 java -XX:ActiveProcessorCount=1 -cp target/test-classes:target/classes:$(cat /tmp/faces-cp.txt) \
 *     dev.facevitals.bench.FaceBenchmark [media dir [all|latency|liveness|blinks]]
 * </pre>
 */
public final class FaceBenchmark {

    /** deepface's 25 photos of 9 people, labelled by eye (the set has no labels file). */
    static final Map<String, String> DEEPFACE = new LinkedHashMap<>();

    static {
        for (int i : new int[] {1, 2, 4, 5, 6, 7, 10, 11}) {
            DEEPFACE.put("img" + i + ".jpg", "angelina_jolie");
        }
        String[][] rest = {{"3", "jennifer_aniston"}, {"12", "jennifer_aniston"}, {"8", "scarlett_johansson"},
                {"9", "scarlett_johansson"}, {"13", "mark_zuckerberg"}, {"14", "mark_zuckerberg"},
                {"15", "mark_zuckerberg"}, {"16", "jack_dorsey"}, {"17", "jack_dorsey"}, {"18", "elon_musk"},
                {"19", "elon_musk"}, {"20", "jeff_bezos"}, {"21", "jeff_bezos"}, {"22", "marissa_mayer"},
                {"23", "marissa_mayer"}, {"24", "sundar_pichai"}, {"25", "sundar_pichai"}};
        for (String[] r : rest) {
            DEEPFACE.put("img" + r[0] + ".jpg", r[1]);
        }
    }

    /** Faces per group photo, counted by eye (as the vision tests). */
    static final int[] GROUP_FACES = {3, 3, 3, 4, 5, 4};

    record Labelled(String set, String file, String identity, ImageView image, byte[] bytes) {
    }

    public static void main(String[] args) throws Exception {
        Path media = Path.of(args.length > 0 ? args[0] : "../shared/media/faces");
        String only = args.length > 1 ? args[1] : "all";
        FaceSettings settings = FaceSettings.defaults();
        try (OpenCvVision vision = new OpenCvVision(VisionSettings.defaults());
             OpenCvFaces faces = new OpenCvFaces(vision, settings);
             FaceAnalyzer analyzer = faces.newAnalyzer()) {
            List<Labelled> photos = labelled(media);
            if (only.equals("all")) {
                verification(analyzer, photos, settings.matchThreshold());
                detection(analyzer, media);
            }
            if (only.equals("all") || only.equals("latency")) {
                latency(analyzer, photos);
                identify();
            }
            if (only.equals("all") || only.equals("liveness")) {
                liveness(analyzer, photos);
            }
            if (only.equals("all") || only.equals("liveness") || only.equals("blinks")) {
                blinks(analyzer, media.resolve("face_recognition").resolve("short_hamilton_clip.mp4"));
            }
        }
    }

    /** face_recognition: identity from the file name; deepface: the table above. */
    static List<Labelled> labelled(Path media) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (var files = Files.list(media.resolve("face_recognition"))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.matches(".*\\.(jpg|png)") || name.startsWith("two_people") || name.contains("_with_")) {
                    continue; // two people in one picture: no single identity
                }
                String id = name.replaceAll("\\.(jpg|png)$", "").replaceFirst("^(train|test)_", "")
                        .replaceAll("_?img\\d+$", "").replaceAll("\\d+$", "").replaceFirst("^biden_biden$", "biden");
                out.add(load("face_recognition", p, id));
            }
        }
        for (Map.Entry<String, String> e : DEEPFACE.entrySet()) {
            out.add(load("deepface", media.resolve("deepface").resolve(e.getKey()), e.getValue()));
        }
        return out;
    }

    static Labelled load(String set, Path p, String id) throws IOException {
        byte[] b = Files.readAllBytes(p);
        try (OpenCvImage img = OpenCvImage.decode(b)) {
            return new Labelled(set, p.getFileName().toString(), id, ImageViews.copy(img.view()), b);
        }
    }

    static void verification(FaceAnalyzer analyzer, List<Labelled> photos, double threshold) {
        System.out.println("== 1:1 verification (largest face, aligned, fr_feature cosine) ==");
        List<float[]> emb = new ArrayList<>();
        List<Labelled> used = new ArrayList<>();
        for (Labelled l : photos) {
            AnalyzedFace f = analyzer.largest(l.image(), Extras.EMBEDDING);
            if (f == null) {
                System.out.printf("  no face: %s/%s%n", l.set(), l.file());
                continue;
            }
            emb.add(f.embedding());
            used.add(l);
        }
        for (String set : new String[] {"face_recognition", "deepface", "all"}) {
            List<Double> same = new ArrayList<>();
            List<Double> diff = new ArrayList<>();
            for (int i = 0; i < used.size(); i++) {
                for (int j = i + 1; j < used.size(); j++) {
                    Labelled a = used.get(i);
                    Labelled b = used.get(j);
                    if (!set.equals("all") && !(a.set().equals(set) && b.set().equals(set))) {
                        continue;
                    }
                    double s = Embeddings.cosine(emb.get(i), emb.get(j));
                    (a.identity().equals(b.identity()) ? same : diff).add(s);
                }
            }
            double[] s = same.stream().mapToDouble(Double::doubleValue).toArray();
            double[] d = diff.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf(Locale.ROOT, "  %-16s images %2d  same pairs %3d  different pairs %4d  AUC %.4f  "
                            + "accuracy at %.2f: %.4f  same min %.3f  different max %.3f%n", set,
                    set.equals("all") ? used.size() : (int) used.stream().filter(u -> u.set().equals(set)).count(),
                    s.length, d.length, Roc.auc(s, d), threshold, Roc.accuracy(s, d, threshold),
                    Arrays.stream(s).min().orElse(Double.NaN), Arrays.stream(d).max().orElse(Double.NaN));
        }
    }

    static void detection(FaceAnalyzer analyzer, Path media) throws IOException {
        System.out.println("== detection on group photos (truth counted by eye) ==");
        int found = 0;
        int truth = 0;
        for (int i = 1; i <= 6; i++) {
            Labelled l = load("groups", media.resolve("groups").resolve("sample" + i + ".jpg"), "");
            int n = analyzer.all(l.image(), Extras.NONE).size();
            System.out.printf("  sample%d.jpg  found %d  by eye %d%n", i, n, GROUP_FACES[i - 1]);
            found += n;
            truth += GROUP_FACES[i - 1];
        }
        Labelled messi = load("misc", media.resolve("messi5.jpg"), "");
        int m = analyzer.all(messi.image(), Extras.NONE).size();
        System.out.printf("  messi5.jpg   found %d  by eye 1%n  total found %d of %d%n", m, found + m, truth + 1);
    }

    static void latency(FaceAnalyzer analyzer, List<Labelled> photos) {
        System.out.println("== latency, one thread (decode included; JIT warmed on one pass) ==");
        for (int pass = 0; pass < 2; pass++) {
            double[] detect = new double[photos.size()];
            double[] perFace = new double[photos.size()];
            double[] decode = new double[photos.size()];
            double[] compare = new double[photos.size() - 1];
            for (int i = 0; i < photos.size(); i++) {
                long t0 = System.nanoTime();
                int n;
                try (OpenCvImage img = OpenCvImage.decode(photos.get(i).bytes())) {
                    n = analyzer.all(img.view(), Extras.LIVENESS).size();
                }
                detect[i] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                try (OpenCvImage img = OpenCvImage.decode(photos.get(i).bytes())) {
                    long t1b = System.nanoTime();
                    decode[i] = (t1b - t1) / 1e6;
                    analyzer.largest(img.view(), Extras.EMBEDDING);
                    perFace[i] = (System.nanoTime() - t1b) / 1e6;
                }
                if (i > 0) {
                    long t2 = System.nanoTime();
                    for (int k = i - 1; k <= i; k++) {
                        try (OpenCvImage img = OpenCvImage.decode(photos.get(k).bytes())) {
                            analyzer.largest(img.view(), Extras.BOTH);
                        }
                    }
                    compare[i - 1] = (System.nanoTime() - t2) / 1e6;
                }
            }
            if (pass == 1) {
                System.out.printf(Locale.ROOT, "  detect request (all faces + metrics + model liveness), %d images: "
                        + "p50 %.0f ms  p95 %.0f ms%n", detect.length, pct(detect, 50), pct(detect, 95));
                System.out.printf(Locale.ROOT, "  JPEG/PNG decode (330-2500 px photos), %d images: p50 %.0f ms  "
                        + "p95 %.0f ms%n", decode.length, pct(decode, 50), pct(decode, 95));
                System.out.printf(Locale.ROOT, "  detect + landmarks + align + embed of the largest face (decoded), "
                        + "%d images: p50 %.0f ms  p95 %.0f ms%n", perFace.length, pct(perFace, 50), pct(perFace, 95));
                System.out.printf(Locale.ROOT, "  compare (two images, embed + model liveness), %d pairs: p50 %.0f ms"
                        + "  p95 %.0f ms%n", compare.length, pct(compare, 50), pct(compare, 95));
            }
        }
    }

    static void identify() {
        System.out.println("== 1:N identify over 100,000 synthetic enrollments (512-d, brute force, top 5) ==");
        Random r = new Random(5);
        EmbeddingIndex index = new EmbeddingIndex(512);
        for (int i = 0; i < 100_000; i++) {
            index.put("u" + i, unit(r));
        }
        double[] ms = new double[300];
        for (int q = 0; q < 350; q++) {
            float[] query = unit(r);
            long t0 = System.nanoTime();
            index.search(query, 5);
            if (q >= 50) {
                ms[q - 50] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "  %d entries, %d queries after 50 warm-up: p50 %.1f ms  p95 %.1f ms%n",
                index.size(), ms.length, pct(ms, 50), pct(ms, 95));
    }

    static float[] unit(Random r) {
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embeddings.normalized(v);
    }

    /** One sample for liveness: cues and model output of the largest face, or null when no face was judged. */
    record Sample(double[] cues, double model, boolean live, String kind) {
    }

    static void liveness(FaceAnalyzer analyzer, List<Labelled> photos) throws IOException {
        System.out.println("== liveness: calibration on the build's test photos, evaluation on ../shared/media ==");
        List<ImageView> calibration = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            try (var in = FaceBenchmark.class.getClassLoader().getResourceAsStream("photos/sample" + i + ".jpg");
                 OpenCvImage img = OpenCvImage.decode(in.readAllBytes())) {
                ImageView v = ImageViews.copy(img.view());
                for (AnalyzedFace f : analyzer.all(v, Extras.NONE)) {
                    calibration.add(faceCrop(v, f.box()));
                }
            }
        }
        List<Sample> cal = samples(analyzer, calibration, new Random(100));
        List<ImageView> evaluation = new ArrayList<>();
        for (Labelled l : photos) {
            AnalyzedFace f = analyzer.largest(l.image(), Extras.NONE);
            if (f != null) {
                evaluation.add(faceCrop(l.image(), f.box()));
            }
        }
        List<Sample> eval = samples(analyzer, evaluation, new Random(200));
        System.out.printf("  calibration: %d face crops -> %s%n  evaluation: %d face crops -> %s%n",
                calibration.size(), counts(cal), evaluation.size(), counts(eval));
        LivenessFusion fused = fit(cal, true);
        LivenessFusion texture = fit(cal, false);
        System.out.println("  fitted FUSED:   " + fused);
        System.out.println("  fitted TEXTURE: " + texture);
        System.out.println("  shipped defaults equal the fit: FUSED " + same(fused, LivenessFusion.FUSED)
                + ", TEXTURE " + same(texture, LivenessFusion.TEXTURE));
        Map<String, LivenessFusion> pipelines = new LinkedHashMap<>();
        pipelines.put("liveness-model", LivenessFusion.modelOnly(5));
        pipelines.put("liveness-texture", LivenessFusion.TEXTURE);
        pipelines.put("liveness", LivenessFusion.FUSED);
        for (String set : new String[] {"calibration", "evaluation"}) {
            List<Sample> s = set.equals("calibration") ? cal : eval;
            for (Map.Entry<String, LivenessFusion> p : pipelines.entrySet()) {
                for (Calibration c : Calibration.values()) {
                    System.out.printf(Locale.ROOT, "  %-11s %-17s %-8s %s%n", set, p.getKey(), c,
                            rates(s, p.getValue(), c));
                }
            }
        }
    }

    /** Eye openness through a real talking-face clip, every third frame, and the blinks the rule sees. */
    static void blinks(FaceAnalyzer analyzer, Path clip) throws Exception {
        System.out.println("== blinks: eye openness in " + clip.getFileName() + " (every 3rd frame) ==");
        List<Double> open = new ArrayList<>();
        int frames = 0;
        try (dev.facevitals.video.FrameSource src = new dev.facevitals.video.VideoDecoder().open(clip)) {
            dev.facevitals.video.VideoFrame f;
            while ((f = src.next()) != null) {
                if (frames++ % 3 != 0) {
                    continue;
                }
                AnalyzedFace face = analyzer.largest(f.image(), Extras.NONE);
                if (face != null) {
                    open.add(dev.facevitals.vision.Blinks.openness(face.mesh()));
                }
            }
        }
        double[] o = open.stream().mapToDouble(Double::doubleValue).toArray();
        StringBuilder sb = new StringBuilder();
        for (double v : o) {
            sb.append(String.format(Locale.ROOT, " %.2f", v));
        }
        System.out.printf("  %d frames, %d with a face:%s%n", frames, o.length, sb);
        int windows = 0;
        int withBlink = 0;
        for (int i = 0; i + 5 <= o.length; i += 5) {
            windows++;
            withBlink += dev.facevitals.vision.Blinks.blinked(Arrays.copyOfRange(o, i, i + 5)) ? 1 : 0;
        }
        System.out.printf("  whole clip blinked: %s; series of 5 sampled frames (0.5 s) with a blink: %d of %d%n",
                dev.facevitals.vision.Blinks.blinked(o), withBlink, windows);
    }

    static String counts(List<Sample> s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Sample x : s) {
            m.merge(x.kind() + (x.cues() == null ? " (not acquired)" : ""), 1, Integer::sum);
        }
        return m.toString();
    }

    static String rates(List<Sample> samples, LivenessFusion f, Calibration c) {
        StringBuilder sb = new StringBuilder();
        for (String kind : new String[] {"genuine", "PRINT", "SCREEN"}) {
            int n = 0;
            int wrong = 0;
            for (Sample s : samples) {
                if (!s.kind().equals(kind) || s.cues() == null) {
                    continue;
                }
                n++;
                boolean saysLive = LivenessFusion.probability(f.score(s.cues(), s.model()), c) >= 0.5;
                wrong += saysLive != s.live() ? 1 : 0;
            }
            String label = kind.equals("genuine") ? "BPCER" : "APCER " + kind.toLowerCase(Locale.ROOT);
            sb.append(String.format(Locale.ROOT, "%s %5.1f%% (%d/%d)   ", label, 100.0 * wrong / Math.max(1, n), wrong, n));
        }
        return sb.toString();
    }

    static boolean same(LivenessFusion a, LivenessFusion b) {
        return Math.abs(a.bias() - b.bias()) < 1e-3 && Math.abs(a.modelWeight() - b.modelWeight()) < 1e-3
                && close(a.weights(), b.weights()) && close(a.means(), b.means()) && close(a.scales(), b.scales());
    }

    static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-3 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }

    static LivenessFusion fit(List<Sample> samples, boolean withModel) {
        List<Sample> ok = samples.stream().filter(s -> s.cues() != null).toList();
        double[][] x = ok.stream().map(Sample::cues).toArray(double[][]::new);
        double[] m = ok.stream().mapToDouble(Sample::model).toArray();
        boolean[] live = new boolean[ok.size()];
        for (int i = 0; i < live.length; i++) {
            live[i] = ok.get(i).live();
        }
        return LivenessFusion.fit(x, withModel ? m : null, live, 0.05);
    }

    /** Genuine crop, one print and one screen re-capture of it, each through JPEG as a client sends it. */
    static List<Sample> samples(FaceAnalyzer analyzer, List<ImageView> crops, Random r) {
        List<Sample> out = new ArrayList<>();
        for (ImageView crop : crops) {
            out.add(sample(analyzer, crop, true, "genuine"));
            for (Attack a : Attack.values()) {
                out.add(sample(analyzer, SpoofSimulator.attack(crop, a, r), false, a.name()));
            }
        }
        return out;
    }

    static Sample sample(FaceAnalyzer analyzer, ImageView v, boolean live, String kind) {
        byte[] jpeg;
        try (OpenCvImage img = OpenCvImage.copyOf(v)) {
            jpeg = img.encode(".jpg");
        }
        try (OpenCvImage img = OpenCvImage.decode(jpeg)) {
            List<AnalyzedFace> all = analyzer.all(img.view(), Extras.LIVENESS);
            LivenessCheck.Result res = LivenessCheck.check(img.view(), all.isEmpty() ? all : all.subList(0, 1),
                    LivenessCheck.Requirements.DEFAULTS, LivenessFusion.modelOnly(5));
            if (res.rejection() != null) {
                return new Sample(null, Double.NaN, live, kind);
            }
            SpoofCues c = res.cues();
            return new Sample(c.features(), res.face().modelLive(), live, kind);
        }
    }

    /** The face with its surroundings: a square of twice the face box (less at the image edges), at most 640 px. */
    static ImageView faceCrop(ImageView img, Box b) {
        int side = (int) Math.min(2.0 * Math.max(b.width(), b.height()), Math.min(img.width(), img.height()));
        int x0 = (int) Math.max(0, Math.min(img.width() - side, b.centreX() - side / 2.0));
        int y0 = (int) Math.max(0, Math.min(img.height() - side, b.centreY() - side / 2.0));
        ImageView c = ImageViews.copy(ImageViews.crop(img, x0, y0, side, side));
        return side > 640 ? TestImages.scale(c, 640.0 / side) : c;
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
