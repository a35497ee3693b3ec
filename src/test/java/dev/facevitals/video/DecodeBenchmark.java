package dev.facevitals.video;

import java.nio.file.Path;

/**
 * Manual decode-speed check (not a test: no timing is asserted anywhere). For each thread setting, runs a
 * bare decode and a full decode to upright BGR (touching one byte per row so nothing is optimised away) and
 * prints frames per second, best of the given number of rounds.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.facevitals.video.DecodeBenchmark clip.mp4 3
 * </pre>
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (FrameSource source = new VideoDecoder().open(file)) {
            System.out.println(file.getFileName() + ": " + source.info());
        }
        for (int threads : new int[] {1, 2, 0}) {
            VideoDecoder decoder = new VideoDecoder(DecoderSettings.defaults().withThreads(threads));
            double bare = 0;
            double full = 0;
            long frames = 0;
            long checksum = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                frames = decoder.bareDecode(file).frames();
                bare = Math.max(bare, frames / ((System.nanoTime() - t0) / 1e9));
                t0 = System.nanoTime();
                try (FrameSource source = decoder.open(file)) {
                    VideoFrame f;
                    while ((f = source.next()) != null) {
                        for (int y = 0; y < f.image().height(); y++) {
                            checksum += f.image().pixels().get(f.image().offset(y % f.image().width(), y));
                        }
                    }
                }
                full = Math.max(full, frames / ((System.nanoTime() - t0) / 1e9));
            }
            System.out.printf("threads=%s frames=%d bare %.0f fps, BGR frames %.0f fps (checksum %d)%n",
                    threads == 0 ? "auto" : threads, frames, bare, full, checksum);
        }
    }
}
