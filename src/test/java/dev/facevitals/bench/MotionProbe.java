package dev.facevitals.bench;

import dev.facevitals.video.synthetic.SyntheticClip;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which part of the {@code motion} condition costs the pulse (a command for investigations, not a test).
 * Writes four clips of one face, heart and head trajectory into {@code target/motion-probe}, each with its
 * truth beside it: head motion only ({@code m-only}), with the side light ({@code m-side}), with specular
 * highlights ({@code m-spec}), and with both ({@code m-all}, the {@code motion} condition's settings on another
 * random trajectory than the benchmark's). Then measure them with
 * {@code TraceDiagnostics target/motion-probe/*.mp4} and {@code VitalsBenchmark --conditions none
 * --hrv-clips 0 --no-speed --videos target/motion-probe}.
 */
public final class MotionProbe {

    private MotionProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of("..", "shared", "media", "faces", "face_recognition", "obama.jpg");
        Path dir = Path.of("target", "motion-probe");
        Files.createDirectories(dir);
        for (String n : new String[] {"m-only", "m-side", "m-spec", "m-all"}) {
            Path clip = dir.resolve(n + ".mp4");
            if (Files.exists(clip)) {
                continue;
            }
            SyntheticClip.Builder b = SyntheticClip.builder().photo(photo).faceSize(200).heartRate(66)
                    .respiratoryRate(15).durationSec(20.5).seed("motion-1-obama-hr66-rr15-20s".hashCode())
                    .headMotion(1.0);
            if (n.equals("m-side") || n.equals("m-all")) {
                b.sideLight(0.25);
            }
            if (n.equals("m-spec") || n.equals("m-all")) {
                b.specular(0.3);
            }
            b.write(clip);
            System.out.println("wrote " + clip);
        }
    }
}
