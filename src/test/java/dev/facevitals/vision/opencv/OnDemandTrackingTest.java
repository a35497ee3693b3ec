package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facevitals.video.DecoderSettings;
import dev.facevitals.video.FfmpegFrameSource;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.SkinTraceRecorder;
import dev.facevitals.vision.TrackerSettings;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vitals.SignalTraces;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scan makes each frame ready only where the tracker and the skin sampler read it (HDR mapped to SDR, SDR
 * converted to BGR, either turned upright): a turning, pulsing face, stored as a phone stores it (HLG HDR or
 * SDR H.264, upright and on its side with a display rotation), read once with every frame made ready whole
 * and once on demand. The traces must be the same to the last bit (a read of a pixel not made ready would see
 * an earlier frame's), and an HDR scan on demand must have mapped well under the whole.
 */
class OnDemandTrackingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"FFV1_HLG, 0", "FFV1_HLG, 90", "H264, 0", "H264, 270"})
    void tracesReadOnDemandAreTheTracesOfWholeFrames(ClipEncoder.Codec codec, int rotation) throws Exception {
        Path clip = dir.resolve(codec + "-" + rotation + codec.extension());
        SyntheticTruth truth = SyntheticClip.builder().photo(Path.of("target/test-classes/photos/sample3.jpg"))
                .faceSize(230).durationSec(3).seed(5).headMotion(1).storedRotation(rotation)
                .codec(codec).write(clip);
        // keyframes every 30 frames: the landmark runs read whole frames between the tracked ones
        VisionSettings settings = VisionSettings.defaults()
                .withTracker(TrackerSettings.DEFAULTS.withLandmarkInterval(30));
        SignalTraces whole;
        SignalTraces asked;
        long wholeMapped;
        long askedMapped;
        try (OpenCvVision vision = new OpenCvVision(settings)) {
            try (FfmpegFrameSource source = FfmpegFrameSource.open(clip, DecoderSettings.defaults());
                 SkinTraceRecorder rec = vision.newRecorder(truth.width(), truth.height())) {
                whole = record(source, rec);
                wholeMapped = source.hdrPixelsMapped();
            }
            try (FfmpegFrameSource source = FfmpegFrameSource.open(clip, DecoderSettings.defaults());
                 SkinTraceRecorder rec = vision.newRecorder(truth.width(), truth.height())) {
                source.pixelsOnDemand();
                asked = record(source, rec);
                askedMapped = source.hdrPixelsMapped();
            }
        }
        assertThat(whole.frames()).isEqualTo(truth.frameCount());
        if (codec == ClipEncoder.Codec.FFV1_HLG) {
            assertThat(wholeMapped).isEqualTo((long) truth.frameCount() * truth.width() * truth.height());
            assertThat(askedMapped).isLessThan(wholeMapped / 2);
        } else {
            assertThat(wholeMapped).isZero();
        }
        assertThat(asked.frames()).isEqualTo(whole.frames());
        assertThat(asked.faceX()).isEqualTo(whole.faceX());
        assertThat(asked.faceY()).isEqualTo(whole.faceY());
        for (int k = 0; k < whole.regions(); k++) {
            assertThat(asked.red(k)).as(whole.regionName(k)).isEqualTo(whole.red(k));
            assertThat(asked.green(k)).as(whole.regionName(k)).isEqualTo(whole.green(k));
            assertThat(asked.blue(k)).as(whole.regionName(k)).isEqualTo(whole.blue(k));
            assertThat(asked.pixels(k)).as(whole.regionName(k)).isEqualTo(whole.pixels(k));
        }
    }

    private static SignalTraces record(FfmpegFrameSource source, SkinTraceRecorder rec) throws Exception {
        int found = 0;
        for (VideoFrame f = source.next(); f != null; f = source.next()) {
            found += rec.accept(f.image(), f.timestampMicros()).found() ? 1 : 0;
        }
        assertThat(found).as("frames with the face").isGreaterThan(80);
        assertThat(rec.report().errorCode()).isEmpty();
        return rec.traces();
    }
}
