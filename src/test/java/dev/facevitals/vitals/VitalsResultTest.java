package dev.facevitals.vitals;

import dev.facevitals.vitals.respiration.RespirationResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reasons clients see for a null value: one per test that withholds it, stable snake-case codes. */
class VitalsResultTest {

    @Test
    void everyHrvVerdictButPassedHasItsOwnReason() {
        Set<VitalsResult.Withheld> seen = EnumSet.noneOf(VitalsResult.Withheld.class);
        for (VitalsAnalysis.HrvGate g : VitalsAnalysis.HrvGate.values()) {
            if (g == VitalsAnalysis.HrvGate.PASSED) {
                assertThat(g.withheld()).isNull();
            } else {
                assertThat(seen.add(g.withheld())).as("%s has a reason of its own", g).isTrue();
            }
        }
        assertThat(seen).hasSize(VitalsAnalysis.HrvGate.values().length - 1);
    }

    @Test
    void everyBreathingShortfallHasItsOwnReason() {
        Set<VitalsResult.Withheld> seen = Arrays.stream(RespirationResult.Shortfall.values())
                .map(VitalsResult.Withheld::of).collect(Collectors.toSet());
        assertThat(seen).hasSize(RespirationResult.Shortfall.values().length)
                .doesNotContainAnyElementsOf(Arrays.stream(VitalsAnalysis.HrvGate.values())
                        .map(VitalsAnalysis.HrvGate::withheld).toList());
    }

    @Test
    void aValueIsEitherReportedOrWithheld() {
        assertThatThrownBy(() -> new VitalsResult(70.0, 15.0, null, null, null, null, 5, null,
                VitalsResult.Withheld.HEAD_SWAY, VitalsResult.Withheld.SCAN_TOO_SHORT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VitalsResult(70.0, null, 40.0, 38.0, 12.0, 90.0, 5, null,
                VitalsResult.Withheld.HEAD_SWAY, VitalsResult.Withheld.BEAT_TIMING_NOISE))
                .isInstanceOf(IllegalArgumentException.class);
        VitalsResult ok = new VitalsResult(70.0, null, 40.0, 38.0, 12.0, 90.0, 5, null,
                VitalsResult.Withheld.HEAD_SWAY, null);
        assertThat(ok.respirationWithheld()).isEqualTo(VitalsResult.Withheld.HEAD_SWAY);
    }

    @Test
    void codesAreDistinctSnakeCase() {
        Set<String> codes = Arrays.stream(VitalsResult.Withheld.values()).map(VitalsResult.Withheld::code)
                .collect(Collectors.toSet());
        assertThat(codes).hasSize(VitalsResult.Withheld.values().length)
                .allSatisfy(c -> assertThat(c).matches("[a-z]+(_[a-z]+)*"));
        // the codes are part of the API: a rename is a breaking change
        assertThat(VitalsResult.Withheld.BEAT_TIMING_NOISE.code()).isEqualTo("beat_timing_noise");
        assertThat(VitalsResult.Withheld.SCAN_TOO_SHORT.code()).isEqualTo("scan_too_short");
    }
}
