package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.FaceObservation;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.SkinTraceRecorder;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.TrackerSettings;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vitals.SignalTraces;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real models on a made-up video: the good snapshot drifting by a known sub-pixel path, brightness pulsing
 * by 1 % at 1.2 Hz. The regions must follow the drift and the green traces must carry the pulse.
 */
class RealTrackingTest {

    @Test
    void regionsFollowTheFaceAndTracesCarryThePulse() {
        ImageView base = TestImages.scale(SamplePhotos.goodSnapshot(), 0.75);
        int n = 75;
        double fps = 30;
        double hz = 1.2;
        double amp = 0.01;
        VisionSettings settings = VisionSettings.defaults().withTracker(TrackerSettings.DEFAULTS.withLandmarkInterval(30));
        try (OpenCvVision vision = new OpenCvVision(settings);
             SkinTraceRecorder rec = vision.newRecorder(base.width(), base.height())) {
            double x0 = Double.NaN;
            double y0 = Double.NaN;
            for (int i = 0; i < n; i++) {
                double dx = 6 * Math.sin(i / 20.0);
                double dy = 0.15 * i;
                double gain = 1 + amp * Math.sin(2 * Math.PI * hz * i / fps);
                ImageView frame = TestImages.gain(TestImages.shift(base, dx, dy), gain, gain);
                FaceObservation o = rec.accept(frame, Math.round(i * 1e6 / fps));
                assertThat(o.found()).as("frame %d", i).isTrue();
                double cx = o.regions().leftCheek().bounds().centreX();
                double cy = o.regions().leftCheek().bounds().centreY();
                if (i == 0) {
                    x0 = cx - dx;
                    y0 = cy - dy;
                }
                // regions move with the face: within 2 px (landmark jitter at keyframes included)
                assertThat(cx - x0).as("frame %d x", i).isCloseTo(dx, within(2.0));
                assertThat(cy - y0).as("frame %d y", i).isCloseTo(dy, within(2.0));
            }
            assertThat(rec.tracker().detections()).isEqualTo(1);
            // keyframes at 0, 30, 60, plus early refreshes only if tracking sagged
            assertThat(rec.tracker().keyframes()).isBetween(3, 6);
            assertThat(rec.report().errorCode()).isEmpty();

            SignalTraces tr = rec.traces();
            for (int k = 0; k < tr.regions(); k++) {
                double[] g = tr.green(k);
                double mean = 0;
                for (double v : g) {
                    mean += v / n;
                }
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (g[i] - mean) * Math.sin(2 * Math.PI * hz * i / fps) * 2 / n;
                }
                assertThat(s / mean).as(tr.regionName(k)).isCloseTo(amp, within(0.25 * amp));
                // a whole region holds over 500 usable pixels here, each of its patches (the default) over 50
                assertThat(tr.pixels(k)[n - 1]).as(tr.regionName(k))
                        .isGreaterThan(settings.tracker().skinPatches() ? 50 : 500);
            }
        }
    }

    /**
     * sample6.jpg rendered as a scan: the user's face (the one the generator animates) just right of the
     * centre, the other woman blurred at the left edge. The detector's box for the bystander is a little
     * larger (204 against 193 px on the first frame), so "the largest face" tracked her, a face without the
     * pulse; the subject rule picks the central one.
     */
    @Test
    void theCentralFaceIsTrackedNotALargerBystanderAtTheEdge(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("two-faces.mkv");
        SyntheticTruth truth = SyntheticClip.builder().photo(Path.of("target/test-classes/photos/sample6.jpg"))
                .faceSize(230).durationSec(1).seed(1).codec(ClipEncoder.Codec.FFV1).write(clip);
        try (OpenCvVision vision = new OpenCvVision(VisionSettings.defaults());
             FrameSource source = new VideoDecoder().open(clip);
             SkinTraceRecorder rec = vision.newRecorder(truth.width(), truth.height())) {
            int i = 0;
            for (VideoFrame f = source.next(); f != null; f = source.next(), i++) {
                FaceObservation o = rec.accept(f.image(), f.timestampMicros());
                assertThat(o.found()).as("frame %d", i).isTrue();
                assertThat(o.box().centreX()).as("frame %d", i).isCloseTo(truth.faceCenterX()[i],
                        within(0.1 * truth.faceSize()[i]));
            }
            assertThat(i).isEqualTo(truth.frameCount());
        }
    }
}
