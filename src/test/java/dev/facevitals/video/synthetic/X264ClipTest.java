package dev.facevitals.video.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facevitals.video.VideoException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's {@code x264} condition: H.264 from x264 at a phone's bit budget keeps most of a sub-level
 * pulse. Needs FFmpeg's GPL build, so Maven runs this class in its own surefire execution ({@code gpl-ffmpeg}
 * in pom.xml) with {@value ClipEncoder.Codec#GPL_PROPERTY}=-gpl; the default execution leaves it out and
 * runs everything else on the LGPL build the product ships.
 */
class X264ClipTest {

    @TempDir
    static Path dir;

    @Test
    void x264AtAPhonesBitBudgetKeepsMostOfThePulse() throws IOException, VideoException {
        assertThat(System.getProperty(ClipEncoder.Codec.GPL_PROPERTY)).isEqualTo("-gpl");
        // openh264 (ClipEncoder.Codec.H264) in x264's place kept 0.07 of the gain and correlated -0.08: it fails
        SyntheticClipTest.EncodedPulse x264 = SyntheticClipTest.pulseThrough(ClipEncoder.Codec.X264, 2_000_000,
                dir.resolve("x264.mp4"));
        assertThat(x264.codec()).isEqualTo("h264");
        assertThat(x264.correlation()).isLessThan(-0.5);
        assertThat(x264.kept()).isBetween(0.6, 1.3);
    }
}
