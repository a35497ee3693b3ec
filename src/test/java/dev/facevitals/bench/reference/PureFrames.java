package dev.facevitals.bench.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facevitals.video.synthetic.ClipEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Makes a video of each PURE recording's frames, so the benchmark can scan it (a command, not a test). PURE keeps
 * a recording as PNG frames named {@code Image<timestamp>.png} (nanoseconds) in a folder {@code <name>/}, beside
 * {@code <name>.json}; this writes {@code <name>.mkv} beside the JSON: lossless FFV1 on the frames' own pixels,
 * each frame at its own time from the first (Matroska keeps milliseconds), so nothing the scan sees has been
 * through a lossy codec and the frame times are the camera's. {@link ReferenceImport} then finds the JSON beside
 * the video.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.reference.PureFrames DIR
 * </pre>
 * A recording whose video exists already is skipped.
 */
public final class PureFrames {

    private static final Pattern FRAME = Pattern.compile("Image(\\d+)\\.png");

    private PureFrames() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PureFrames DIR");
            System.exit(2);
        }
        List<Path> jsons;
        try (Stream<Path> s = Files.walk(Path.of(args[0]), 3)) {
            jsons = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path json : jsons) {
            String stem = json.getFileName().toString().replaceFirst("\\.json$", "");
            Path frames = json.resolveSibling(stem);
            Path video = json.resolveSibling(stem + ".mkv");
            boolean writing = false;
            try {
                if (!Files.isDirectory(frames) || !new ObjectMapper().readTree(json.toFile()).has("/FullPackage")) {
                    continue;
                }
                if (Files.exists(video)) {
                    System.out.println("exists " + video);
                    continue;
                }
                writing = true;
                int n = convert(frames, video);
                System.out.println("wrote " + video + ": " + n + " frames");
            } catch (IOException | IllegalArgumentException e) {
                if (writing) {
                    Files.deleteIfExists(video); // no half-written video for the benchmark to find
                }
                System.out.println("skipped " + json + ": " + e.getMessage());
            }
        }
    }

    /** Writes the frames in {@code dir} to {@code video}; returns how many. */
    static int convert(Path dir, Path video) throws IOException {
        List<long[]> stamps = new ArrayList<>(); // {timestamp ns, index into names}
        List<Path> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = FRAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    stamps.add(new long[] {Long.parseLong(m.group(1)), names.size()});
                    names.add(p);
                }
            }
        }
        if (stamps.isEmpty()) {
            throw new IOException(dir + ": no Image<timestamp>.png frames");
        }
        stamps.sort((a, b) -> Long.compare(a[0], b[0]));
        BufferedImage first = read(names.get((int) stamps.get(0)[1]));
        int w = first.getWidth() & ~1;
        int h = first.getHeight() & ~1;
        long t0 = stamps.get(0)[0];
        try (ClipEncoder out = new ClipEncoder(video, ClipEncoder.Settings.of(ClipEncoder.Codec.FFV1, w, h))) {
            byte[] bgr = new byte[w * h * 3];
            int[] argb = new int[w * h];
            for (long[] st : stamps) {
                BufferedImage img = read(names.get((int) st[1]));
                if (img.getWidth() < w || img.getHeight() < h) {
                    throw new IOException(names.get((int) st[1]) + ": smaller than the first frame");
                }
                img.getRGB(0, 0, w, h, argb, 0, w);
                for (int i = 0; i < argb.length; i++) {
                    bgr[3 * i] = (byte) argb[i];
                    bgr[3 * i + 1] = (byte) (argb[i] >> 8);
                    bgr[3 * i + 2] = (byte) (argb[i] >> 16);
                }
                out.write(bgr, Math.round((st[0] - t0) / 1e9 * ClipEncoder.TIMESCALE));
            }
            out.finish();
        }
        return stamps.size();
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException(png + ": not an image");
        }
        return img;
    }
}
