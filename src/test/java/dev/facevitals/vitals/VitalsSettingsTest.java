package dev.facevitals.vitals;

import dev.facevitals.vitals.rppg.FusionMode;
import dev.facevitals.vitals.rppg.PulseMethod;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VitalsSettingsTest {

    @Test
    void defaults() {
        VitalsSettings d = VitalsSettings.DEFAULTS;
        assertThat(d.pulse().method()).isEqualTo(PulseMethod.PBV);
        assertThat(d.pulse().fusion()).isEqualTo(FusionMode.SNR_WEIGHTED);
        assertThat(d.signal().resampleHz()).isEqualTo(30);
        assertThat(d.signal().minDurationSec()).isEqualTo(20);
        assertThat(d.pulse().minHz()).isEqualTo(0.7);
        assertThat(d.pulse().maxHz()).isEqualTo(4.0);
        assertThat(d.respiration().minHz()).isEqualTo(0.1);
        assertThat(d.respiration().maxHz()).isEqualTo(0.7);
        assertThat(new DefaultVitalsEngine().settings()).isEqualTo(d);
    }

    /**
     * Each nested settings record can be the first thing a program touches: in a class loader of its own (so
     * this JVM's earlier use of {@code VitalsSettings} does not hide it), initialising {@code Signal} first used
     * to start {@code VitalsSettings}' own initialisation half way and fail.
     */
    @Test
    void aNestedRecordCanBeInitialisedBeforeTheDefaults() throws Exception {
        URL classes = VitalsSettings.class.getProtectionDomain().getCodeSource().getLocation();
        for (String nested : new String[] {"Signal", "Pulse", "Quality", "Hrv", "Respiration"}) {
            try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
                Class<?> c = Class.forName(VitalsSettings.class.getName() + "$" + nested, true, fresh);
                assertThat(c.getField("DEFAULTS").get(null)).as(nested).isNotNull();
                Class<?> outer = Class.forName(VitalsSettings.class.getName(), true, fresh);
                assertThat(outer.getField("DEFAULTS").get(null)).as(nested).isNotNull();
            }
        }
    }

    @Test
    void withMethodChangesOnlyTheMethod() {
        VitalsSettings g = VitalsSettings.DEFAULTS.withMethod(PulseMethod.GREEN);
        assertThat(g.pulse().method()).isEqualTo(PulseMethod.GREEN);
        assertThat(g.pulse().withMethod(PulseMethod.PBV)).isEqualTo(VitalsSettings.DEFAULTS.pulse());
        assertThat(g.signal()).isEqualTo(VitalsSettings.DEFAULTS.signal());
    }

    @Test
    void withNoiseRunsChangesOnlyTheRuns() {
        VitalsSettings.Hrv h = VitalsSettings.DEFAULTS.hrv();
        VitalsSettings.Hrv off = h.withNoiseRuns(0);
        assertThat(off.noiseRuns()).isZero();
        assertThat(off.withNoiseRuns(h.noiseRuns())).isEqualTo(h);
        assertThatThrownBy(() -> h.withNoiseRuns(-1)).hasMessageContaining("noiseRuns");
    }

    @Test
    void eachGroupRejectsNonsense() {
        assertThatThrownBy(() -> new VitalsSettings.Signal(0, 20, 0.5, 0.04, 4, 15, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resampleHz");
        assertThatThrownBy(() -> new VitalsSettings.Signal(30, 20, 0.5, 0.04, 3, 15, 0.01))
                .hasMessageContaining("filterOrder");
        assertThatThrownBy(() -> new VitalsSettings.Signal(30, 20, -1, 0.04, 4, 15, 0.01))
                .hasMessageContaining("maxGapSec");
        assertThatThrownBy(() -> new VitalsSettings.Pulse(PulseMethod.POS, FusionMode.BEST, 1.6, 2, 1, 0.1, 0.1, true,
                true))
                .hasMessageContaining("maxHz");
        assertThatThrownBy(() -> new VitalsSettings.Pulse(null, FusionMode.BEST, 1.6, 0.7, 4, 0.1, 0.1, true, true))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new VitalsSettings.Pulse(PulseMethod.POS, FusionMode.BEST, 1.6, 0.7, 4, 0.1, 0, true,
                true))
                .hasMessageContaining("subharmonicRatio");
        assertThatThrownBy(() -> new VitalsSettings.Quality(Double.NaN, 0.03, 10, 0.005, 0.02, 0.005))
                .hasMessageContaining("minPulseSnrDb");
        assertThatThrownBy(() -> new VitalsSettings.Quality(0, 0, 10, 0.005, 0.02, 0.005))
                .hasMessageContaining("maxMotionRatio");
        assertThatThrownBy(() -> new VitalsSettings.Quality(0, 0.03, 10, 0, 0.02, 0.005))
                .hasMessageContaining("maxMotionAtRate");
        assertThatThrownBy(() -> new VitalsSettings.Quality(0, 0.03, 10, 0.005, 0, 0.005))
                .hasMessageContaining("maxMotionAtHalfRate");
        assertThatThrownBy(() -> new VitalsSettings.Quality(0, 0.03, 10, 0.005, 0.02, 0))
                .hasMessageContaining("minSwayToCheckRate");
        assertThatThrownBy(() -> new VitalsSettings.Hrv(30, 2, 16, 0.2, 5, 0.8, 0.6, 32, 0.75, 12.8))
                .hasMessageContaining("minBeats");
        assertThatThrownBy(() -> new VitalsSettings.Hrv(30, 25, 16, 0.2, 5, 0.8, 1.0, 32, 0.75, 12.8))
                .hasMessageContaining("beatMinDistanceFraction");
        assertThatThrownBy(() -> new VitalsSettings.Hrv(30, 25, 16, 0.2, 5, 0.8, 0.6, -1, 0.75, 12.8))
                .hasMessageContaining("noiseRuns");
        assertThatThrownBy(() -> new VitalsSettings.Hrv(30, 25, 16, 0.2, 5, 0.8, 0.6, 32, 0, 12.8))
                .hasMessageContaining("maxNoiseShare");
        assertThatThrownBy(() -> new VitalsSettings.Hrv(30, 25, 16, 0.2, 5, 0.8, 0.6, 32, 0.75, 0))
                .hasMessageContaining("beatWindowSec");
        assertThatThrownBy(() -> new VitalsSettings.Respiration(0.1, 0.7, 0.9, 0.8, 0.05, 0.003))
                .hasMessageContaining("soloQuality");
    }

    @Test
    void groupsMustFitTogether() {
        VitalsSettings.Signal slow = new VitalsSettings.Signal(8, 20, 0.5, 0.04, 4, 15, 0.01);
        assertThatThrownBy(() -> VitalsSettings.DEFAULTS.withSignal(slow)).hasMessageContaining("resampleHz");
        VitalsSettings.Signal steepDetrend = new VitalsSettings.Signal(30, 20, 0.5, 0.3, 4, 15, 0.01);
        assertThatThrownBy(() -> VitalsSettings.DEFAULTS.withSignal(steepDetrend)).hasMessageContaining("detrend");
        assertThatThrownBy(() -> new VitalsSettings(null, VitalsSettings.Pulse.DEFAULTS,
                VitalsSettings.Quality.DEFAULTS, VitalsSettings.Hrv.DEFAULTS, VitalsSettings.Respiration.DEFAULTS))
                .isInstanceOf(NullPointerException.class);
    }
}
