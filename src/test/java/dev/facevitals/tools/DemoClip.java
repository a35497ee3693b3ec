package dev.facevitals.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.facevitals.testing.Clips;
import dev.facevitals.testing.Snapshots;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;

/**
 * Writes a face video with a known pulse and its first frame as a snapshot, for trying the API by hand
 * (README walk-through) when no selfie video is at hand.
 *
 * <pre>
 * ./mvnw -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.mainClass=dev.facevitals.tools.DemoClip -Dexec.classpathScope=test -Dexec.args="demo 72"
 * </pre>
 * Arguments: output folder (default {@code demo}) and heart rate in bpm (default 72).
 */
public final class DemoClip {

    private DemoClip() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "demo");
        double bpm = args.length > 1 ? Double.parseDouble(args[1]) : 72;
        Files.createDirectories(dir);
        Path video = dir.resolve("face.mp4");
        SyntheticTruth truth = SyntheticClip.builder().photo(Clips.PHOTO).faceSize(230).heartRate(bpm)
                .durationSec(25).pulseAmplitude(0.005).condition(SyntheticClip.Condition.SENSOR_NOISE).seed(1)
                .write(video);
        Files.write(dir.resolve("snapshot.jpg"), Snapshots.firstFrameJpeg(video));
        System.out.printf("Wrote %s (%.1f s, true heart rate %.1f bpm, %d bytes) and %s%n", video,
                truth.frameCount() / truth.nominalFps(), truth.heartRateBpm(), Files.size(video),
                dir.resolve("snapshot.jpg"));
    }
}
