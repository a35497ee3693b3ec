package dev.facevitals.scan;

import dev.facevitals.scan.analysis.AnalysisOutcome;
import dev.facevitals.scan.analysis.ScanFailure;
import dev.facevitals.vitals.VitalsResult;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a finished analysis leaves on the scan and what clients then read (plain JUnit; the endpoint test
 * {@code FullScanTest} checks the same through the real stack on done scans).
 */
class ScanResultTest {

    private static final AnalysisOutcome.VideoSummary VIDEO =
            new AnalysisOutcome.VideoSummary(30, 30, 640, 480, 900, 2.04567);

    private static Scan scan() {
        Scan s = new Scan();
        s.uuid = UUID.randomUUID();
        s.status = ScanStatus.PROCESSING.wire();
        s.createdAt = OffsetDateTime.now();
        return s;
    }

    @Test
    void aDoneScanSaysWhyEachMissingGroupIsMissing() {
        Scan s = scan();
        VitalsResult v = new VitalsResult(72.0, null, 40.0, 38.0, 12.0, 90.0, 6.0, null,
                VitalsResult.Withheld.HEAD_SWAY, null);
        ScanService.apply(s, new AnalysisOutcome(VIDEO, v, 1.0, null, 0.9));
        ScanResult r = ScanResult.of(s);
        assertThat(r.status()).isEqualTo("done");
        assertThat(r.biomarkers().respiratoryRateBpm()).isNull();
        assertThat(r.quality().withheld()).isEqualTo(new ScanResult.Withheld("head_sway", null));
        assertThat(r.video()).isEqualTo(new ScanResult.Video(30.0, 30.0, 640, 480, 900, 2.046, null));
    }

    /** HDR video says which transfer it was recorded with; SDR video (above) says null. */
    @Test
    void anHdrVideoSaysSo() {
        Scan s = scan();
        VitalsResult v = new VitalsResult(72.0, 15.0, null, null, null, null, 4.0, null, null,
                VitalsResult.Withheld.KEY_FRAMES);
        ScanService.apply(s, new AnalysisOutcome(new AnalysisOutcome.VideoSummary(20.5, 30, 640, 480, 615, 1.52,
                "hlg"), v, 1.0, null, 0.9));
        assertThat(ScanResult.of(s).video().hdr()).isEqualTo("hlg");
    }

    /** A file whose size or duration is unknown has no bit rate: null, not NaN or a made-up figure. */
    @Test
    void anUnknownBitRateIsNull() {
        Scan s = scan();
        ScanService.apply(s, AnalysisOutcome.failed(new AnalysisOutcome.VideoSummary(0, 30, 640, 480, 1, Double.NaN),
                ScanFailure.unreadable("it has no playable frames")));
        assertThat(ScanResult.of(s).video().bitrateMbps()).isNull();
        assertThat(ScanResult.of(s).video().frames()).isEqualTo(1);
    }

    /** A retried scan that failed after an earlier attempt stored reasons keeps none: the error says why. */
    @Test
    void aFailedScanHasNoReasonsButItsError() {
        Scan s = scan();
        s.respirationWithheld = "head_sway";
        s.hrvWithheld = "scan_too_short";
        ScanService.apply(s, new AnalysisOutcome(VIDEO, VitalsResult.failed(VitalsResult.SignalFailure.PULSE_QUALITY,
                -3.0), 1.0, ScanFailure.rgbQuality(), null));
        assertThat(s.respirationWithheld).isNull();
        assertThat(s.hrvWithheld).isNull();
        ScanResult r = ScanResult.of(s);
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.biomarkers()).isNull();
        assertThat(r.quality()).isNotNull();
        assertThat(r.quality().withheld()).isNull();
        assertThat(r.error().errorCode()).isEqualTo(10);
    }
}
