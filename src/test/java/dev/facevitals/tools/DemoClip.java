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
 * Arguments: output folder (default {@code demo}), heart rate in bpm (default 72), length in seconds
 * (default 25) and the photo (default {@code sample3.jpg} of the photos the build fetched). From 30 s on the
 * heart varies as in the benchmark's 60 s clips (respiratory sinus arrhythmia 40 ms, Mayer wave 20 ms, random
 * 20 ms), so that HRV has something to measure, and its truth is printed.
 */
public final class DemoClip {

    private DemoClip() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "demo");
        double bpm = args.length > 1 ? Double.parseDouble(args[1]) : 72;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 25;
        Path photo = args.length > 3 ? Clips.PHOTO.resolveSibling(args[3]) : Clips.PHOTO;
        Files.createDirectories(dir);
        Path video = dir.resolve("face.mp4");
        SyntheticClip.Builder b = SyntheticClip.builder().photo(photo).faceSize(230).heartRate(bpm)
                .durationSec(seconds).pulseAmplitude(0.005).condition(SyntheticClip.Condition.SENSOR_NOISE).seed(1);
        if (seconds >= 30) {
            b.hrv(40, 20, 20);
        }
        SyntheticTruth truth = b.write(video);
        Files.write(dir.resolve("snapshot.jpg"), Snapshots.firstFrameJpeg(video));
        System.out.printf("Wrote %s (%.1f s, true heart rate %.1f bpm, breathing %.1f /min, SDNN %.1f ms,"
                        + " RMSSD %.1f ms, %d bytes) and %s%n", video, truth.frameCount() / truth.nominalFps(),
                truth.heartRateBpm(), truth.respiratoryRateBpm(), truth.sdnnMs(), truth.rmssdMs(),
                Files.size(video), dir.resolve("snapshot.jpg"));
    }
}
