package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScanFaceReportTest {

    private static final ScanFaceReport.Limits L = ScanFaceReport.Limits.DEFAULTS;

    @Test
    void codesInOrderOfPrecedence() {
        assertThat(new ScanFaceReport(0, 0, 0, 0, L).errorCode()).hasValue(3);
        assertThat(new ScanFaceReport(100, 49, 0, 0, L).errorCode()).hasValue(3);
        assertThat(new ScanFaceReport(100, 50, 21, 50, L).errorCode()).hasValue(5);
        assertThat(new ScanFaceReport(100, 90, 20, 28, L).errorCode()).hasValue(4);
        assertThat(new ScanFaceReport(100, 90, 20, 27, L).errorCode()).isEmpty();
        assertThat(new ScanFaceReport(100, 90, 20, 27, L).faceCoverage()).isEqualTo(0.9);
    }

    @Test
    void limitsValidateThemselves() {
        assertThatThrownBy(() -> new ScanFaceReport.Limits(1.5, 0.2, 0.3, 0.3, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackerSettings(0, 10, 5, 30, 0.85, 0.5, 0.5, 32, 200, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackerSettings(60, 10, 5, 30, 0.5, 0.85, 0.5, 32, 200, false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackerSettings(60, 10, 5, 4, 0.85, 0.5, 0.5, 32, 200, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
