package dev.facevitals.scan.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.vitals.DefaultVitalsEngine;
import dev.facevitals.vitals.VitalsSettings;
import dev.facevitals.vitals.rppg.PulseMethod;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The vitals engine is built from the analysis configuration: each setting reaches the engine. */
class AnalysisBeansTest {

    @Test
    void configuredSettingsReachTheVitalsEngine() {
        DefaultVitalsEngine engine = (DefaultVitalsEngine) new AnalysisBeans().vitals(
                config(Duration.ofSeconds(30), PulseMethod.POS, 0, false));
        VitalsSettings s = engine.settings();
        assertThat(s.pulse().method()).isEqualTo(PulseMethod.POS);
        assertThat(s.signal().minDurationSec()).isCloseTo(30.0, within(1e-9));
        assertThat(s.hrv().noiseRuns()).isZero();
        assertThat(s.pulse().skinSignature()).isFalse();

        VitalsSettings other = ((DefaultVitalsEngine) new AnalysisBeans().vitals(
                config(Duration.ofMillis(20_500), PulseMethod.PBV, 7, true))).settings();
        assertThat(other.pulse().method()).isEqualTo(PulseMethod.PBV);
        assertThat(other.signal().minDurationSec()).isCloseTo(20.5, within(1e-9));
        assertThat(other.hrv().noiseRuns()).isEqualTo(7);
        assertThat(other.pulse().skinSignature()).isTrue();
        // what the configuration does not name keeps the engine's defaults
        assertThat(other.hrv().withNoiseRuns(VitalsSettings.DEFAULTS.hrv().noiseRuns()))
                .isEqualTo(VitalsSettings.DEFAULTS.hrv());
        assertThat(other.quality()).isEqualTo(VitalsSettings.DEFAULTS.quality());
    }

    private static AnalysisConfig config(Duration minDuration, PulseMethod method, int noiseRuns,
                                         boolean skinSignature) {
        AnalysisConfig.Model bundled = new AnalysisConfig.Model() {
            @Override
            public Optional<String> location() {
                return Optional.empty();
            }

            @Override
            public Optional<String> sha256() {
                return Optional.empty();
            }
        };
        return new AnalysisConfig() {
            @Override
            public Duration minDuration() {
                return minDuration;
            }

            @Override
            public PulseMethod pulseMethod() {
                return method;
            }

            @Override
            public int decoderThreads() {
                return 1;
            }

            @Override
            public int landmarkInterval() {
                return 90;
            }

            @Override
            public boolean skinPatches() {
                return false;
            }

            @Override
            public boolean affineTracking() {
                return false;
            }

            @Override
            public int hrvNoiseRuns() {
                return noiseRuns;
            }

            @Override
            public boolean pbvSkinSignature() {
                return skinSignature;
            }

            @Override
            public boolean pbvGreenFallback() {
                return true;
            }

            @Override
            public Model detectorModel() {
                return bundled;
            }

            @Override
            public Model landmarkModel() {
                return bundled;
            }
        };
    }
}
