package dev.facevitals.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;

/**
 * Generated face clips for the integration tests, made from the face photos the build fetches, cached
 * under target/clips by name (the generator is deterministic for its options and seed).
 */
public final class Clips {

    /** The one sample photo whose face looks at the camera (the others are turned beyond the snapshot check). */
    public static final Path PHOTO = Path.of("target", "test-classes", "photos", "sample3.jpg");

    private Clips() {
    }

    /** A clip with a known pulse; {@code options} may add conditions. */
    public static synchronized SyntheticTruth clip(String name, double heartRate, double seconds,
                                                   UnaryOperator<SyntheticClip.Builder> options) throws IOException {
        Path dir = Path.of("target", "clips");
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".mp4");
        // a selfie: the face about half the frame height
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTO).faceSize(230).heartRate(heartRate)
                .durationSec(seconds).seed(name.hashCode());
        return options.apply(b).write(out);
    }

    public static Path path(SyntheticTruth truth) {
        return Path.of("target", "clips").resolve(truth.clip());
    }
}
