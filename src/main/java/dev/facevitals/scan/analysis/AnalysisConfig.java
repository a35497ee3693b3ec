package dev.facevitals.scan.analysis;

import java.time.Duration;
import java.util.Optional;

import dev.facevitals.vitals.rppg.PulseMethod;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The video pipeline of the worker: decoder, models, tracking cadence, vitals method. */
@ConfigMapping(prefix = "facevitals.analysis")
public interface AnalysisConfig {

    /** Shortest video accepted; shorter ones fail with error 2. */
    @WithDefault("PT20S")
    Duration minDuration();

    /** rPPG method: PBV, POS, CHROM or GREEN (see docs/vitals.md for the benchmark behind the default). */
    @WithDefault("PBV")
    PulseMethod pulseMethod();

    /** Decoder threads per scan; 0 lets FFmpeg choose. */
    @WithDefault("1")
    int decoderThreads();

    /** Face landmarks are re-run at least every this many frames; tracking carries the regions between. */
    @WithDefault("90")
    int landmarkInterval();

    /**
     * Trace each skin region as a grid of small patches (forehead 3x2, cheeks 2x2) instead of whole regions:
     * in the benchmark more heart rates under moderate head motion, flicker and compression, all right, and
     * as many on small faces (docs/vitals.md, "Since stop 12"); false traces whole regions.
     */
    @WithDefault("true")
    boolean skinPatches();

    /**
     * Follow the face between key frames by an affine map (shift, turn, roll, scale) rather than a shift
     * alone: under head motion the skin regions stay on the same skin and more heart rates come through, for
     * about 0.02-0.04 s more per 30 s scan (docs/vitals.md, "Stop 16"). Off tracks by a shift alone, as before
     * stop 16.
     */
    @WithDefault("true")
    boolean affineTracking();

    /**
     * Noise surrogates per scan that measure how much beat-timing noise inflates SDNN and RMSSD, taken off
     * before they are reported (docs/vitals.md, "Beat-timing noise taken off"); 0 reports HRV uncorrected.
     */
    @WithDefault("32")
    int hrvNoiseRuns();

    /**
     * With PBV, also try the pulse colour measured on the scan's own skin as PBV's signature and keep it when it
     * lifts the pulse SNR by 1 dB (another light or camera moves the signature; docs/vitals.md, "The skin's own
     * signature"); false keeps PBV's published signature.
     */
    @WithDefault("true")
    boolean pbvSkinSignature();

    /**
     * With PBV, when its pulse is too weak for the gate (error 11) and GREEN on the same traces passes the whole
     * gate within 2 bpm of PBV's own spectral peak, report GREEN's result (docs/vitals.md, "Stop 20"); false
     * keeps PBV's error.
     */
    @WithDefault("true")
    boolean pbvGreenFallback();

    /** Operators may bring their own models: a path or classpath: location with its SHA-256. */
    Model detectorModel();

    Model landmarkModel();

    interface Model {
        /** {@code classpath:models/...} or a file path; the bundled model when absent. */
        Optional<String> location();

        /** Required with {@code location}: the loader refuses a file whose SHA-256 differs. */
        Optional<String> sha256();
    }
}
