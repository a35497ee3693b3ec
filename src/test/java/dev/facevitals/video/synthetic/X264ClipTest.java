package dev.facevitals.video.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
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

    private static final Path PHOTOS = Path.of("target/test-classes/photos");

    @TempDir
    static Path dir;

    @Test
    void x264AtAPhonesBitBudgetKeepsMostOfThePulse() throws IOException, VideoException {
        assertThat(System.getProperty(ClipEncoder.Codec.GPL_PROPERTY)).isEqualTo("-gpl");
        SyntheticClip.Builder b = SyntheticClip.builder().photo(PHOTOS.resolve("sample3.jpg")).heartRate(72)
                .respiratoryRate(14).durationSec(12).condition(SyntheticClip.Condition.SENSOR_NOISE).seed(11);
        Path reference = dir.resolve("intra.mp4");
        Path x264 = dir.resolve("x264.mp4");
        SyntheticTruth truth = b.write(reference);
        b.codec(ClipEncoder.Codec.X264).bitrate(2_000_000).write(x264);
        try (FrameSource source = new VideoDecoder().open(x264)) {
            assertThat(source.info().codec()).isEqualTo("h264");
        }
        int[] box = SyntheticClipTest.box(truth);
        double[][] rows = SyntheticClipTest.readBox(x264, box);
        double[] times = rows[0];
        double[][] bgr = {rows[1], rows[2], rows[3]};
        assertThat(times).hasSize(truth.frameCount());

        // The skin darkens as the blood volume rises: the decoded trace follows the truth waveform, inverted.
        double rate = 30;
        double[] green = PulseSpectrum.bandPass(PulseSpectrum.resample(times, bgr[1], rate), rate, 0.7, 4.0);
        double[] bvp = PulseSpectrum.bandPass(PulseSpectrum.resample(truth.frameTimesSec(), truth.bvp(), rate),
                rate, 0.7, 4.0);
        double correlation = PulseSpectrum.correlation(green, bvp);

        // The green gain against the truth waveform, relative to the same frames coded all-intra (which keeps
        // the pulse as lossless does): openh264's P frames keep under a fifth (docs/vitals.md), x264 most of it.
        double[][] ref = SyntheticClipTest.readBox(reference, box);
        double kept = SyntheticClipTest.relativePulse(truth, times, bgr)[1]
                / SyntheticClipTest.relativePulse(truth, ref[0], new double[][] {ref[1], ref[2], ref[3]})[1];
        System.out.printf("x264: correlation with the truth %.3f, green gain kept %.3f%n", correlation, kept);
        assertThat(correlation).isLessThan(-0.5);
        assertThat(kept).isBetween(0.6, 1.3);
    }
}
