package dev.facevitals.scan.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The note on a heavily compressed video that a quality error carries (plain JUnit). */
class ScanFailureTest {

    private static AnalysisOutcome.VideoSummary video(double mbps) {
        return new AnalysisOutcome.VideoSummary(20.5, 30, 640, 480, 615, mbps);
    }

    @Test
    void bitsPerPixelAreTheBitRateOverThePixelsOfEachSecond() {
        assertThat(video(0.9216).bitsPerPixel()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(video(Double.NaN).bitsPerPixel()).isNaN();
        assertThat(new AnalysisOutcome.VideoSummary(0, 0, 640, 480, 0, 1.0).bitsPerPixel()).isNaN();
    }

    @Test
    void aPulseErrorOnAHeavilyCompressedVideoSaysSoAndWhatToRecordAt() {
        ScanFailure f = ScanFailure.signalQuality().withCompressionNote(video(0.26));
        assertThat(f.code()).isEqualTo(11);
        assertThat(f.type()).isEqualTo(ScanFailure.QUALITY_ERROR);
        assertThat(f.message()).isEqualTo("The pulse signal quality is too low. The video is compressed to 0.26"
                + " Mbit/s (0.028 bits per pixel of each frame), which can erase the pulse; at 640x480 and 30"
                + " frames/s, record at 1.0 Mbit/s or more.");
        assertThat(ScanFailure.rgbQuality().withCompressionNote(video(0.5)).message())
                .startsWith(ScanFailure.rgbQuality().message() + " The video is compressed to 0.50 Mbit/s");
    }

    @Test
    void otherwiseTheMessageIsTheUsualOne() {
        // at 1 Mbit/s (0.109 bits per pixel) the benchmark lost no scan to the encoder
        assertThat(ScanFailure.signalQuality().withCompressionNote(video(1.0))).isEqualTo(ScanFailure.signalQuality());
        assertThat(ScanFailure.signalQuality().withCompressionNote(video(Double.NaN)))
                .isEqualTo(ScanFailure.signalQuality());
        assertThat(ScanFailure.signalQuality().withCompressionNote(null)).isEqualTo(ScanFailure.signalQuality());
        // not a quality error: the video's compression is not what the error is about
        assertThat(ScanFailure.noFace().withCompressionNote(video(0.1))).isEqualTo(ScanFailure.noFace());
    }
}
