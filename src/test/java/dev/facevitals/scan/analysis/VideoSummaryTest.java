package dev.facevitals.scan.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.VideoInfo;
import org.junit.jupiter.api.Test;

/** What the pipeline reports of the video it decoded (plain JUnit). */
class VideoSummaryTest {

    @Test
    void theSummaryCountsTheLastFrameAndSaysWhetherTheVideoWasHdr() {
        VideoInfo hlg = new VideoInfo(640, 480, 30, 20.5, 615, "hevc", "mov,mp4,m4a,3gp,3g2,mj2", 0, "HLG");
        // 615 frames 1/30 s apart: 614 gaps, 20.5 s with the last frame's own thirtieth
        AnalysisOutcome.VideoSummary s = PipelineAnalyzer.summary(hlg, 615, 0, 20_466_667, 3_895_000);
        assertThat(s.durationS()).isCloseTo(20.5, within(1e-3));
        assertThat(s.fps()).isCloseTo(30, within(1e-3));
        assertThat(s.bitrateMbps()).isCloseTo(3_895_000 * 8 / 20.5 / 1e6, within(1e-3));
        assertThat(s.hdr()).isEqualTo("hlg");
        VideoInfo sdr = new VideoInfo(640, 480, 30, 20.5, 615, "h264", "mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(PipelineAnalyzer.summary(sdr, 615, 0, 20_466_667, 3_895_000).hdr()).isNull();
    }

    @Test
    void theLogLineSaysHowMuchOfAnHdrVideoWasMapped() {
        VideoInfo hlg = new VideoInfo(640, 480, 30, 20.5, 615, "hevc", "mov,mp4,m4a,3gp,3g2,mj2", 0, "HLG");
        assertThat(PipelineAnalyzer.hdrNote(hlg, 615, 615L * 640 * 480 / 4))
                .isEqualTo(" HDR (HLG, mapped to SDR: 25 % of the pixels)");
        // mapped by swscale's path, which does not count
        assertThat(PipelineAnalyzer.hdrNote(hlg, 615, 0)).isEqualTo(" HDR (HLG, mapped to SDR)");
        VideoInfo sdr = new VideoInfo(640, 480, 30, 20.5, 615, "h264", "mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(PipelineAnalyzer.hdrNote(sdr, 615, 0)).isEmpty();
    }
}
