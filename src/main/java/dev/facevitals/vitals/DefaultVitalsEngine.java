package dev.facevitals.vitals;

import dev.facevitals.vitals.heart.Alternation;
import dev.facevitals.vitals.heart.HeartRate;
import dev.facevitals.vitals.heart.HeartRateEstimator;
import dev.facevitals.vitals.hrv.BeatDetector;
import dev.facevitals.vitals.hrv.BeatQuality;
import dev.facevitals.vitals.hrv.Beats;
import dev.facevitals.vitals.hrv.Hrv;
import dev.facevitals.vitals.hrv.IntervalFilter;
import dev.facevitals.vitals.hrv.StressIndex;
import dev.facevitals.vitals.hrv.TimingNoise;
import dev.facevitals.vitals.quality.MotionRegression;
import dev.facevitals.vitals.quality.PulseSignature;
import dev.facevitals.vitals.quality.RgbQuality;
import dev.facevitals.vitals.respiration.RespirationEstimate;
import dev.facevitals.vitals.respiration.RespirationEstimator;
import dev.facevitals.vitals.respiration.RespirationResult;
import dev.facevitals.vitals.respiration.RespirationSource;
import dev.facevitals.vitals.rppg.PbvMethod;
import dev.facevitals.vitals.rppg.PulseMethod;
import dev.facevitals.vitals.rppg.RegionFusion;
import dev.facevitals.vitals.rppg.RppgMethod;
import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.PowerSpectrum;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Spectra;
import dev.facevitals.vitals.signal.Stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The vitals pipeline:
 * <ol>
 *   <li>{@link PreparedTraces}: uniform resampling from frame times, short gaps bridged, longest clean
 *       stretch kept (or a TOO_SHORT / NO_FACE / NOT_ENOUGH_SKIN / FACE_LOST failure).</li>
 *   <li>Per region: rPPG method, smoothness-priors detrend, zero-phase Butterworth band-pass around the heart
 *       rate band, Welch spectrum, SNR. Regions fused by SNR. With PBV, the skin's own pulse colour at the
 *       fused peak is tried as PBV's signature, and kept when it lifts the SNR by 1 dB.</li>
 *   <li>Heart rate from the fused pulse's spectrum, judged against its power-law background (harmonic check,
 *       confirmed by the beats alternating tall and short at the strongest rate; SNR on the raw spectrum).
 *       Gates: in-band face motion above the limit is RGB_QUALITY whatever the spectrum says (motion at pulse
 *       rates fakes a pulse); an SNR below the limit is RGB_QUALITY when motion or lighting dominate the
 *       colour traces, else PULSE_QUALITY; a rate the head itself moves at (or sways at half of, whose shading
 *       repeats at twice the sway's rate), or a pulse whose colour is not blood's, is RGB_QUALITY. A strongest
 *       rhythm in the colour of light is taken out of the colours and the gates applied again to what
 *       remains.</li>
 *   <li>HRV and stress index from the beats of two waves, the fused pulse and the method re-run over longer
 *       windows (steadier colour weights, steadier beats), each when the stretch is long enough and the beats
 *       consistent enough (beat-shape SNR, not spectral SNR), corrected for the beat-timing noise measured on
 *       the scan (TimingNoise) and withheld when that noise explains most of RMSSD; reported as the mean of
 *       the two when both pass.</li>
 *   <li>Breathing rate from face motion and the pulse's respiratory modulations, fused by spectral
 *       quality; while the head sways, the intensity cues need another source to agree.</li>
 * </ol>
 * Stateless and thread-safe: all state lives in the call. A 60 s scan takes about 10 ms once the JIT has
 * warmed up (measured on a shared 2-core machine; most of it is FFTs), plus the timing-noise surrogates when
 * HRV is credible (four calibration fits and 32 beat detections on the scan's length).
 */
public final class DefaultVitalsEngine implements VitalsEngine {

    /** The pulse band-pass reaches this far beyond the searched heart-rate band on each side, so that the
     *  filter's roll-off (-6 dB at its edges after forward-backward) does not bend peaks near the band
     *  edges: about -1.4 dB at the lower search edge and -2.5 dB at the upper one. */
    private static final double FILTER_LOW_MARGIN = 0.8;
    private static final double FILTER_HIGH_MARGIN = 1.15;
    /** Low-pass cut-off for beat timing, in multiples of the heart rate. */
    private static final double BEAT_LOW_PASS = 3.5;

    private final VitalsSettings settings;

    public DefaultVitalsEngine() {
        this(VitalsSettings.DEFAULTS);
    }

    /** @param settings input: tuning, validated by its own constructor */
    public DefaultVitalsEngine(VitalsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public VitalsSettings settings() {
        return settings;
    }

    /**
     * {@link VitalsSettings.Pulse#greenFallback}: GREEN's reported rate may lie this far from PBV's own spectral
     * peak, bpm. On 288 scans of the benchmark's sets (stop 20) it let eight rates through, all of VP8 or x264
     * video, 0.0-0.3 bpm from PBV's peak and 0.1-0.7 bpm from the truth; nothing else changed.
     */
    public static final double GREEN_AGREEMENT_BPM = 2.0;

    @Override
    public VitalsAnalysis analyse(SignalTraces traces) {
        VitalsSettings.Pulse pul = settings.pulse();
        PreparedTraces.Outcome outcome = PreparedTraces.prepare(traces, settings.signal());
        if (outcome.failure() != null) {
            return VitalsAnalysis.early(outcome.failure(), pul.method(), settings.signal().resampleHz());
        }
        Prepared prepared = prepare(outcome.traces());
        VitalsAnalysis a = analyse(traces, prepared);
        if (pul.method() != PulseMethod.PBV || !pul.greenFallback() || !a.pulseGate().lowSnr()) {
            return a;
        }
        // the pulse is there but below PBV's gate (error 11, or 10 where light or motion changes outside the band
        // dominate): where the colours carry it coarsely (a call's VP8 codes chroma at a quarter of the luma's
        // resolution; x264 on a turning face), the green channel alone may hold it better; GREEN must pass its
        // own gate, motion and light checks included, at PBV's own peak
        VitalsAnalysis g = new DefaultVitalsEngine(settings.withMethod(PulseMethod.GREEN)).analyse(traces, prepared);
        Double rate = g.result().heartRateBpm();
        if (rate == null || !(Math.abs(rate - 60 * a.heartRateHz()) <= GREEN_AGREEMENT_BPM)) {
            return a;
        }
        return g.asFallbackFrom(a);
    }

    /**
     * What every method's analysis of one scan starts from, whatever the method: the prepared traces without the
     * camera's exposure steps, and the face's motion and the colours' artefacts in the pulse band, which the gate
     * weighs. Computed once per scan, so that GREEN standing in for PBV does not prepare the traces again.
     */
    private record Prepared(PreparedTraces traces, int[] levelSteps, double motion, double artefact) {
    }

    private Prepared prepare(PreparedTraces resampled) {
        VitalsSettings.Signal sig = settings.signal();
        VitalsSettings.Pulse pul = settings.pulse();
        // a camera's auto-exposure stepping its gain moves every region's level at once, by far more than the
        // pulse: found on the regions' common mode and taken out of each trace before anything else
        int[] levelSteps = resampled.levelSteps();
        PreparedTraces p = resampled.withoutLevelSteps(levelSteps);
        double motion = RgbQuality.motionRatio(p.faceX, p.faceY, p.faceSize, p.fs, pul.minHz(), pul.maxHz());
        int regions = p.regions();
        double[][] channels = new double[3 * regions][];
        for (int k = 0; k < regions; k++) {
            channels[3 * k] = p.red[k];
            channels[3 * k + 1] = p.green[k];
            channels[3 * k + 2] = p.blue[k];
        }
        double artefact = RgbQuality.artefactRatio(channels, p.fs, pul.minHz(), pul.maxHz(), sig.detrendCutoffHz(),
                segmentSamples(p.fs));
        return new Prepared(p, levelSteps, motion, artefact);
    }

    /** Samples in one segment of the spectra's Welch average. */
    private int segmentSamples(double fs) {
        return Math.max(1, (int) Math.round(settings.signal().spectrumSegmentSec() * fs));
    }

    /** This engine's method on a scan's prepared traces; {@code traces} for the codec's frame marks. */
    private VitalsAnalysis analyse(SignalTraces traces, Prepared prepared) {
        VitalsSettings.Signal sig = settings.signal();
        VitalsSettings.Pulse pul = settings.pulse();
        int[] levelSteps = prepared.levelSteps();
        PreparedTraces p = prepared.traces();
        double motion = prepared.motion();
        double artefact = prepared.artefact();
        double fs = p.fs;
        int regions = p.regions();

        double filterLo = pul.minHz() * FILTER_LOW_MARGIN;
        double filterHi = pul.maxHz() * FILTER_HIGH_MARGIN;
        SosFilter bandPass = SosFilter.butterworthBandPass(sig.filterOrder(), filterLo, filterHi, fs);
        double lambda = Detrend.lambdaForCutoff(sig.detrendCutoffHz(), fs);
        int segment = segmentSamples(fs);
        HeartRateEstimator hrEstimator = new HeartRateEstimator(pul.minHz(), pul.maxHz(), pul.snrHalfWidthHz(),
                pul.subharmonicRatio());
        RppgMethod method = pul.method().create(pul.windowSec(), filterLo, filterHi);
        PulseChain chain = new PulseChain(method, bandPass, lambda, segment, hrEstimator);
        RegionPulses rp = regionPulses(p, method, chain);
        double[] measuredSignature = null;
        // PBV's signature is that of skin under white light; another light or camera moves it, and PBV then
        // cancels part of the pulse as noise. Measured at the heart rate on the scan's own skin, when green leads
        // it as blood's does, the other signature is tried and kept when it clearly lifts the SNR.
        if (pul.method() == PulseMethod.PBV && pul.skinSignature() && rp.hr() != null) {
            double[] s = skinSignature(p, rp.hr().frequencyHz(), rp.weights(), sig.filterOrder(), lambda);
            if (bloodLike(s)) {
                RegionPulses measured = regionPulses(p, new PbvMethod(pul.windowSec(), filterLo, filterHi, s), chain);
                if (measured.hr() != null && measured.hr().snrDb() >= rp.hr().snrDb() + SKIN_SIGNATURE_GAIN_DB) {
                    rp = measured;
                    measuredSignature = s;
                }
            }
        }

        VitalsAnalysis.PulseGate gate = pulseGate(p, rp, motion, artefact, sig.filterOrder(), chain);
        // the strongest rhythm in the colour of light, not blood (a screen flickering at a pulse-like rate, too
        // strong for the pulse to pass or itself withheld): taken out of every region's colours at its rate and
        // twice it, the pulse may still show beside it
        double lightHz = Double.NaN;
        if (gate == VitalsAnalysis.PulseGate.LIGHT_NOT_BLOOD || (gate.lowSnr() && rp.hr() != null
                && lightColoured(p, rp, sig.filterOrder(), lambda))) {
            double f = rp.hr().frequencyHz();
            PreparedTraces rest = p.withoutRhythm(f, pul.snrHalfWidthHz(), filterHi, sig.filterOrder(), lambda);
            RegionPulses other = regionPulses(rest, method, chain);
            if (other.hr() != null && clearOf(other.hr().frequencyHz(), f, pul.snrHalfWidthHz())
                    && pulseGate(rest, other, motion, artefact, sig.filterOrder(), chain)
                    == VitalsAnalysis.PulseGate.PASSED) {
                p = rest;
                rp = other;
                gate = VitalsAnalysis.PulseGate.PASSED;
                lightHz = f;
                measuredSignature = null;
            }
        }
        // a codec's key frames, one every second or two, make a line of their own at their rate and its
        // multiples; CHROM and POS took it for the pulse on generated x264 and x265 clips, PBV, whose projection
        // takes the colour of blood, never did (docs/vitals.md, "Stop 18"). A rate there from another method
        // counts only where PBV finds its peak there too.
        if (gate == VitalsAnalysis.PulseGate.PASSED && pul.method() != PulseMethod.PBV
                && onKeyFrameRhythm(traces.keyFrameTimes(), rp.hr().frequencyHz(), pul.snrHalfWidthHz())) {
            HeartRate pbv = regionPulses(p, PulseMethod.PBV.create(pul.windowSec(), filterLo, filterHi), chain).hr();
            if (pbv == null || Math.abs(pbv.frequencyHz() - rp.hr().frequencyHz()) > RATE_STEADY_HZ) {
                gate = VitalsAnalysis.PulseGate.KEY_FRAME_RHYTHM;
            }
        }
        double[] regionSnr = rp.regionSnr();
        double[] weights = rp.weights();
        double[] fused = rp.fused();
        HeartRate hr = rp.hr();
        double snr = hr == null ? Double.NaN : hr.snrDb();
        double hrHz = hr == null ? Double.NaN : hr.frequencyHz();
        boolean halved = hr != null && hr.subharmonicChosen();
        if (gate != VitalsAnalysis.PulseGate.PASSED) {
            return new VitalsAnalysis(VitalsResult.failed(gate.failure(), snr), pul.method(), fs, p.startSec,
                    p.durationSec(), p.regionNames, regionSnr, weights, hrHz, halved, motion, artefact, gate,
                    levelSteps.length, Double.NaN, List.of(), null, measuredSignature, null);
        }

        VitalsSettings.Hrv hs = settings.hrv();
        // beats are found on a copy low-passed at 3.5 times the heart rate: the first three harmonics (the
        // wave's shape) stay, noise above them, which only jitters the peaks, goes; a lower cut-off would also
        // smooth genuine beat-to-beat changes (in simulation 2.5x lost 5% of SDNN, 3.5x 1-2%)
        double beatCut = BEAT_LOW_PASS * hrHz;
        double[] pulseWave = lowPassed(fused, beatCut, filterHi, sig.filterOrder(), fs);
        // beats next to a removed exposure step are timed on what the removal left of its ramp: their intervals
        // do not count for HRV
        double[][] stepSpans = new double[levelSteps.length][];
        for (int k = 0; k < levelSteps.length; k++) {
            double at = levelSteps[k] / fs;
            stepSpans[k] = new double[] {at - STEP_SPAN_BEFORE_SEC, at + STEP_SPAN_AFTER_SEC};
        }
        // inter-frame coding moves the beats: on generated clips with a key frame a second RMSSD read 13-19 ms
        // high (docs/vitals.md, "Stop 17"), the loss largest beside the key frames but spread through the GOP
        // ("Stop 18"), and with a key frame every ten seconds still up to 27 ms high ("Stop 19"). So HRV is
        // withheld from video whose frames are predicted from others, and the beat intervals beside a key frame do
        // not feed breathing either.
        double[][] keySpans = keyFrameSpans(traces, p);
        boolean interCoded = traces.interCoded();
        BeatHrv shortWave = beatHrv(pulseWave, pul.windowSec(), fs, hrHz, p.durationSec(), stepSpans, keySpans,
                interCoded, hs);
        // HRV is measured twice: on that wave and on the regions' pulses from the method over a longer window
        // (fused with the same weights), whose colour weights change less often and move the beats less. It is
        // reported when both are credible, as the mean of the two, whose timing noise is partly independent
        // (docs/vitals.md, "Two beat waves"). Breathing keeps the first wave's beats: the long window's own
        // changes come at breathing rates and would put a rhythm into the beats' amplitudes. From inter-frame coded
        // video HRV is withheld on the first wave already, so the long one is not computed.
        List<BeatHrv> waves = new ArrayList<>(List.of(shortWave));
        Double sdnn = null;
        Double rmssd = null;
        Double pnn50 = null;
        Double stress = null;
        if (hs.beatWindowSec() != pul.windowSec() && !interCoded) {
            RppgMethod slow = measuredSignature == null ? pul.method().create(hs.beatWindowSec(), filterLo, filterHi)
                    : new PbvMethod(hs.beatWindowSec(), filterLo, filterHi, measuredSignature);
            double[][] slowPulses = new double[regions][];
            for (int k = 0; k < regions; k++) {
                slowPulses[k] = weights[k] > 0 ? regionPulse(p, k, slow, chain) : new double[fused.length];
            }
            double[] longWave = lowPassed(RegionFusion.combine(slowPulses, weights), beatCut, filterHi,
                    sig.filterOrder(), fs);
            BeatHrv longHrv = beatHrv(longWave, hs.beatWindowSec(), fs, hrHz, p.durationSec(), stepSpans,
                    keySpans, interCoded, hs);
            waves.add(longHrv);
            if (shortWave.credible() && longHrv.credible()) {
                sdnn = mean(shortWave.corrected().sdnnMs(), longHrv.corrected().sdnnMs());
                rmssd = mean(shortWave.corrected().rmssdMs(), longHrv.corrected().rmssdMs());
                pnn50 = mean(shortWave.corrected().pnn50Pct(), longHrv.corrected().pnn50Pct());
                stress = mean(shortWave.stressIndex(), longHrv.stressIndex());
            }
        } else if (shortWave.credible()) {
            sdnn = finiteOrNull(shortWave.corrected().sdnnMs());
            rmssd = finiteOrNull(shortWave.corrected().rmssdMs());
            pnn50 = finiteOrNull(shortWave.corrected().pnn50Pct());
            stress = finiteOrNull(shortWave.stressIndex());
        }

        RespirationResult resp = respiration(p, weights, shortWave.beats(), shortWave.intervals(),
                shortWave.accepted(), hrHz);
        Double rr = resp.found() ? resp.breathsPerMinute() : null;
        VitalsResult.Withheld rrWithheld = resp.found() ? null : VitalsResult.Withheld.of(resp.shortfall());
        VitalsResult result = new VitalsResult(hr.bpm(), rr, sdnn, rmssd, pnn50, stress, snr, null, rrWithheld,
                sdnn == null ? hrvWithheld(waves) : null);
        return new VitalsAnalysis(result, pul.method(), fs, p.startSec, p.durationSec(), p.regionNames, regionSnr,
                weights, hrHz, halved, motion, artefact, gate, levelSteps.length, lightHz,
                waves.stream().map(BeatHrv::report).toList(), resp, measuredSignature, null);
    }

    /** Which test of the heart-rate gate decides: motion, SNR, motion at the rate, the pulse's colour. */
    private VitalsAnalysis.PulseGate pulseGate(PreparedTraces p, RegionPulses rp, double motion, double artefact,
                                               int order, PulseChain chain) {
        double lambda = chain.lambda();
        VitalsSettings.Quality q = settings.quality();
        HeartRate hr = rp.hr();
        if (motion > q.maxMotionRatio()) {
            return VitalsAnalysis.PulseGate.FACE_MOTION;
        }
        if (hr == null || !(hr.snrDb() >= q.minPulseSnrDb())) {
            return artefact > q.maxArtefactRatio() ? VitalsAnalysis.PulseGate.LOW_SNR_ARTEFACTS
                    : VitalsAnalysis.PulseGate.LOW_SNR;
        }
        if (RgbQuality.motionAtRate(p.faceX, p.faceY, p.faceSize, p.fs, hr.frequencyHz(), MOTION_AT_RATE_HZ)
                > q.maxMotionAtRate()) {
            // the head moves at the very rate the spectrum picked: the shading it causes, not blood
            return VitalsAnalysis.PulseGate.MOTION_AT_RATE;
        }
        double sway = RgbQuality.motionAtRate(p.faceX, p.faceY, p.faceSize, p.fs, hr.frequencyHz() / 2,
                MOTION_AT_RATE_HZ / 2);
        if (sway > q.maxMotionAtHalfRate()) {
            // a large sway at half the rate: the side light's shading, not linear in the pose, repeats at twice it
            return VitalsAnalysis.PulseGate.MOTION_AT_HALF_RATE;
        }
        if (sway > q.minSwayToCheckRate() && !survivesMotionRegression(p, rp, chain)) {
            // a smaller sway whose harmonic may still beat a weak pulse: the rate must not hang on the motion
            return VitalsAnalysis.PulseGate.MOTION_DEPENDENT_RATE;
        }
        return lightColoured(p, rp, order, lambda) ? VitalsAnalysis.PulseGate.LIGHT_NOT_BLOOD
                : VitalsAnalysis.PulseGate.PASSED;
    }

    /**
     * Whether the heart rate stays where it is (within {@link #RATE_STEADY_HZ}) when what the face box's motion
     * explains, to second order, is regressed out of every region's pulse and they are fused again. The pulses
     * come from the configured method as configured: PBV's signature measured on the skin is measured at the
     * rate in question, and took the colour of the sway's harmonic where that was the rate.
     */
    private boolean survivesMotionRegression(PreparedTraces p, RegionPulses rp, PulseChain chain) {
        double[][] motion = MotionRegression.regressors(p.faceX, p.faceY, p.faceSize, chain.lambda(),
                chain.bandPass());
        double[][] pulses = new double[p.regions()][];
        for (int k = 0; k < pulses.length; k++) {
            pulses[k] = MotionRegression.residual(regionPulse(p, k, chain.method(), chain), motion);
        }
        HeartRate other = fuse(p, pulses, chain).hr();
        if (other == null) {
            return false;
        }
        // the rate itself, or its second harmonic where the regression took the fundamental: a pulse exactly at
        // twice the sway's rate and in phase with its shading loses its fundamental to the fit, but its wave
        // keeps a second harmonic, which a sway's second-order shading (at twice the sway) does not have
        double f = rp.hr().frequencyHz();
        return Math.abs(other.frequencyHz() - f) <= RATE_STEADY_HZ
                || Math.abs(other.frequencyHz() - 2 * f) <= 2 * RATE_STEADY_HZ;
    }

    /** Whether the fused pulse's rhythm moves blue as much as green: light (a flickering screen), not blood. */
    private static boolean lightColoured(PreparedTraces p, RegionPulses rp, int order, double lambda) {
        double bg = PulseSignature.blueOverGreen(signatureAt(p, rp.hr().frequencyHz(), order, lambda, rp.weights(),
                rp.fused()));
        return !(bg < MAX_BLUE_OVER_GREEN);
    }

    /**
     * Whether a rate and its second harmonic (the centres of the SNR's two windows) both lie more than
     * {@code apartHz} from a removed rhythm and its second harmonic, outside the notches' half-power width:
     * a peak on a notch's flank may be what the notch left of the light.
     */
    private static boolean clearOf(double rateHz, double removedHz, double apartHz) {
        for (double a : new double[] {rateHz, 2 * rateHz}) {
            for (double b : new double[] {removedHz, 2 * removedHz}) {
                if (Math.abs(a - b) <= apartHz) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A pulse whose blue gain reaches this share of its green gain is taken for light, not blood (PBV's
     * signature has 0.69; right reports in the benchmark measured 0.53-1.01, the flickering light 1.32-1.37).
     */
    static final double MAX_BLUE_OVER_GREEN = 1.2;

    /**
     * How many times more the beats at the strongest spectral rhythm must alternate tall and short than those
     * at half its rate for the half to be taken as the heart rate (see {@link Alternation}). Genuine dicrotic
     * waves in the engine tests give 5.8-7.6; the twelve wrong halvings seen in the benchmark 0.8-4.4, seven
     * of them under 2 (every method, regions and skin patches).
     */
    private static final double MIN_ALTERNATION_GAIN = 2.0;

    /**
     * Around a removed exposure step, from this long before it to {@link #STEP_SPAN_AFTER_SEC} after, beat
     * intervals do not count for HRV: the removal shapes the step through its ramp from the common mode, and
     * what it leaves moves the beats there (one 60 s clip with ten steps read SDNN 76 ms for 24 without this).
     */
    private static final double STEP_SPAN_BEFORE_SEC = 0.5;
    private static final double STEP_SPAN_AFTER_SEC = 1.0;

    /**
     * Around a key frame between predicted frames, this long either side, beat intervals are left out of the
     * beats' intervals that breathing reads (one of its sources). The method's 1.6 s window and the zero-phase
     * band-pass spread what changes at a key frame over both sides (docs/vitals.md, "Stop 17": with half a second
     * HRV through x264 still read high). HRV itself is withheld from such video altogether since stop 19.
     */
    private static final double KEY_FRAME_SPAN_SEC = 1.0;

    /** Half-width of the band around the heart rate in which face motion is measured for the gate. */
    private static final double MOTION_AT_RATE_HZ = 0.05;
    /**
     * How far the rate may move when the head's motion is regressed out of the pulses, Hz: the spectrum's
     * resolution over 20 s (3 per minute). On the benchmark's saved traces the right reports checked moved by
     * at most 0.21 per minute, the sway's harmonic that passed for a pulse by 8.0 (docs/vitals.md, "Stop 16").
     */
    private static final double RATE_STEADY_HZ = 0.05;

    /** Half-width of the band around the heart rate in which the pulse's colour signature is measured. */
    private static final double SIGNATURE_HALF_WIDTH_HZ = 0.2;

    /**
     * The fused pulse's colour signature at the heart rate: regions' relative R, G, B and the pulse, all
     * narrowed to {@link #SIGNATURE_HALF_WIDTH_HZ} around it (elsewhere in the band other light changes can
     * carry other colours).
     */
    private static double[] signatureAt(PreparedTraces p, double hrHz, int order, double lambda, double[] weights,
                                        double[] fused) {
        SosFilter narrow = narrowAround(hrHz, order, p.fs);
        double[][] out = new double[3 * p.regions()][];
        for (int k = 0; k < p.regions(); k++) {
            System.arraycopy(relativeChannels(p, k, narrow, lambda), 0, out, 3 * k, 3);
        }
        return PulseSignature.signature(out, weights, narrow.filtfilt(fused));
    }

    private static SosFilter narrowAround(double hrHz, int order, double fs) {
        return SosFilter.butterworthBandPass(order, hrHz - SIGNATURE_HALF_WIDTH_HZ, hrHz + SIGNATURE_HALF_WIDTH_HZ, fs);
    }

    /** Region {@code k}'s R, G and B relative to their means, detrended and filtered by {@code narrow}. */
    private static double[][] relativeChannels(PreparedTraces p, int k, SosFilter narrow, double lambda) {
        double[][] ch = {p.red[k], p.green[k], p.blue[k]};
        double[][] out = new double[3][];
        for (int c = 0; c < 3; c++) {
            double m = Stats.mean(ch[c]);
            double[] x = new double[p.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = ch[c][i] / m - 1;
            }
            out[c] = narrow.filtfilt(Detrend.smoothnessPriors(x, lambda));
        }
        return out;
    }

    /**
     * HRV from one beat wave: beats, interval filter, the gate (duration, beat-shape SNR, accepted intervals)
     * and the timing-noise correction with its share test.
     *
     * @param windowSec  the rPPG method's window the wave was made with, s
     * @param beats      the beats found on the wave
     * @param intervals  their intervals, ms
     * @param accepted   which intervals passed the interval filter
     * @param measured   SDNN, RMSSD and pNN50 of the accepted intervals, uncorrected
     * @param beatSnrDb  consistency of the beats' shapes, dB
     * @param timing     the timing noise measured on the wave ({@link TimingNoise#NONE} when not measured)
     * @param gate       the gate's verdict
     * @param corrected  the values with the timing noise taken off (null unless credible)
     * @param stressIndex Baevsky's index on intervals shrunk by SDNN's ratio (NaN unless credible)
     */
    private record BeatHrv(double windowSec, Beats beats, double[] intervals, boolean[] accepted, Hrv measured,
                           double beatSnrDb, TimingNoise timing, VitalsAnalysis.HrvGate gate, Hrv corrected,
                           double stressIndex) {

        boolean credible() {
            return gate == VitalsAnalysis.HrvGate.PASSED;
        }

        VitalsAnalysis.BeatWave report() {
            boolean timed = timing.runs() > 0;
            return new VitalsAnalysis.BeatWave(windowSec, beats.count(), measured.accepted(), beatSnrDb,
                    timed ? timing.timingNoiseMs() : Double.NaN,
                    timed ? timing.rmssdNoiseShare(measured.rmssdMs()) : Double.NaN, gate,
                    corrected == null ? null : finiteOrNull(corrected.sdnnMs()),
                    corrected == null ? null : finiteOrNull(corrected.rmssdMs()));
        }
    }

    /**
     * @param stepSpans input: spans (s, from the prepared stretch's start) around removed exposure steps
     * @param keySpans   input: spans around the video's key frames between predicted frames
     * @param interCoded input: whether the video predicts frames from others (HRV is then withheld)
     */
    private static BeatHrv beatHrv(double[] wave, double windowSec, double fs, double hrHz, double durationSec,
                                   double[][] stepSpans, double[][] keySpans, boolean interCoded,
                                   VitalsSettings.Hrv hs) {
        Beats beats = BeatDetector.detect(wave, fs, hrHz, hs.beatMinDistanceFraction());
        double[] ibi = beats.intervalsMs();
        boolean[] accepted = IntervalFilter.accept(ibi, hs.maxDeviation(), hs.medianHalfWindow());
        int excluded = 0;
        for (int j = 0; j < ibi.length; j++) {
            double from = beats.peakTimes()[j];
            double to = beats.peakTimes()[j + 1];
            if (overlaps(from, to, stepSpans) || overlaps(from, to, keySpans)) {
                accepted[j] = false;
                excluded++;
            }
        }
        Hrv hrv = Hrv.compute(ibi, accepted);
        double beatSnr = BeatQuality.templateSnrDb(wave, fs, beats, hrHz);
        VitalsAnalysis.HrvGate gate;
        if (durationSec < hs.minDurationSec()) {
            gate = VitalsAnalysis.HrvGate.TOO_SHORT;
        } else if (interCoded) {
            gate = VitalsAnalysis.HrvGate.KEY_FRAMES;
        } else if (!(beatSnr >= hs.minBeatSnrDb())) {
            gate = VitalsAnalysis.HrvGate.BEAT_SHAPE;
        } else if (hrv.accepted() < hs.minBeats()) {
            gate = VitalsAnalysis.HrvGate.FEW_INTERVALS;
        } else if (hrv.accepted() < hs.minCleanFraction() * (ibi.length - excluded)) {
            gate = VitalsAnalysis.HrvGate.MANY_REJECTED;
        } else {
            gate = VitalsAnalysis.HrvGate.PASSED;
        }
        TimingNoise timing = TimingNoise.NONE;
        if (gate == VitalsAnalysis.HrvGate.PASSED && hs.noiseRuns() > 0) {
            timing = TimingNoise.estimate(wave, fs, beats, hrHz, hs.beatMinDistanceFraction(), hs.maxDeviation(),
                    hs.medianHalfWindow(), hs.noiseRuns());
            // when noise explains most of RMSSD, what the correction leaves is mostly its own error
            if (!(timing.runs() > 0 && timing.rmssdNoiseShare(hrv.rmssdMs()) <= hs.maxNoiseShare())) {
                gate = VitalsAnalysis.HrvGate.NOISE_SHARE;
            }
        }
        if (gate != VitalsAnalysis.HrvGate.PASSED) {
            return new BeatHrv(windowSec, beats, ibi, accepted, hrv, beatSnr, timing, gate, null, Double.NaN);
        }
        double stress = StressIndex.baevsky(timing.shrinkIntervals(acceptedOnly(ibi, accepted), hrv.sdnnMs()));
        return new BeatHrv(windowSec, beats, ibi, accepted, hrv, beatSnr, timing, gate,
                timing.correct(hrv, ibi, accepted), stress);
    }

    /** Whether the interval {@code [from, to]} overlaps any of the spans. */
    private static boolean overlaps(double from, double to, double[][] spans) {
        for (double[] span : spans) {
            if (from < span[1] && to > span[0]) {
                return true;
            }
        }
        return false;
    }

    /** At least this many key frames between predicted frames make a rhythm ({@link #keyFrameRateHz}). */
    static final int MIN_RHYTHM_KEY_FRAMES = 4;

    /** Share of the intervals between key frames that must lie within 10 % of their median for a rhythm. */
    static final double RHYTHM_REGULARITY = 0.8;

    /**
     * The key frames' rate and its multiples up to this one count as their rhythm: a key frame a second made
     * lines at 60, 120 and 180 per minute that CHROM and POS read (docs/vitals.md, "Stop 18"). Higher multiples
     * were not seen, and a slow rhythm's many multiples would cover every rate.
     */
    static final int MAX_RHYTHM_HARMONIC = 3;

    /**
     * The rate of the scan's key frames between predicted frames when they come regularly (an encoder's fixed
     * key-frame interval), Hz; NaN when there are too few or they come irregularly (scene cuts, a camera's
     * own refreshes).
     *
     * @param keys input: the key frames' times, s, ascending
     */
    static double keyFrameRateHz(double[] keys) {
        if (keys.length < MIN_RHYTHM_KEY_FRAMES) {
            return Double.NaN;
        }
        double[] gaps = new double[keys.length - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = keys[i + 1] - keys[i];
        }
        double median = Stats.median(gaps);
        int regular = 0;
        for (double g : gaps) {
            regular += Math.abs(g - median) <= 0.1 * median ? 1 : 0;
        }
        return median > 0 && regular >= RHYTHM_REGULARITY * gaps.length ? 1 / median : Double.NaN;
    }

    /**
     * Whether {@code rateHz} lies within {@code tolHz} of the key frames' regular rate or a multiple of it up to
     * {@link #MAX_RHYTHM_HARMONIC}.
     */
    static boolean onKeyFrameRhythm(double[] keys, double rateHz, double tolHz) {
        double r = keyFrameRateHz(keys);
        if (!(r > 0)) {
            return false;
        }
        for (int j = 1; j <= MAX_RHYTHM_HARMONIC; j++) {
            if (Math.abs(rateHz - j * r) <= tolHz) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spans of {@link #KEY_FRAME_SPAN_SEC} either side of each key frame between predicted frames, in seconds from
     * the prepared stretch's start (those outside it by more than the span are left out).
     */
    private static double[][] keyFrameSpans(SignalTraces traces, PreparedTraces p) {
        double[] keys = traces.keyFrameTimes();
        if (keys.length == 0 || traces.frames() == 0) {
            return new double[0][];
        }
        double origin = traces.time()[0] + p.startSec;
        List<double[]> spans = new ArrayList<>();
        for (double k : keys) {
            double at = k - origin;
            if (at > -KEY_FRAME_SPAN_SEC && at < p.durationSec() + KEY_FRAME_SPAN_SEC) {
                spans.add(new double[] {at - KEY_FRAME_SPAN_SEC, at + KEY_FRAME_SPAN_SEC});
            }
        }
        return spans.toArray(new double[0][]);
    }

    /**
     * Why HRV is null: the verdict of the first wave whose gate withheld it (a wave that passed all gates yet
     * gave no finite value had too few intervals for one).
     */
    private static VitalsResult.Withheld hrvWithheld(List<BeatHrv> waves) {
        for (BeatHrv w : waves) {
            if (!w.credible()) {
                return w.gate().withheld();
            }
        }
        return VitalsResult.Withheld.TOO_FEW_BEATS;
    }

    /** The mean of two values, or null when either is not finite. */
    private static Double mean(double a, double b) {
        return Double.isFinite(a) && Double.isFinite(b) ? 0.5 * (a + b) : null;
    }

    private record RegionPulses(double[] regionSnr, double[] weights, double[] fused, HeartRate hr) {
    }

    /**
     * The configured method and what turns any method's colours into pulses and pulses into a rate (band-pass,
     * detrend, spectrum segment, rate estimator): the same for every pass of a scan.
     */
    private record PulseChain(RppgMethod method, SosFilter bandPass, double lambda, int segment,
                              HeartRateEstimator estimator) {
    }

    /** Every region's pulse from {@code method}, fused. */
    private RegionPulses regionPulses(PreparedTraces p, RppgMethod method, PulseChain chain) {
        double[][] pulses = new double[p.regions()][];
        for (int k = 0; k < pulses.length; k++) {
            pulses[k] = regionPulse(p, k, method, chain);
        }
        return fuse(p, pulses, chain);
    }

    /** The regions' pulses weighted by their SNR and fused, and the heart rate of the fused pulse. */
    private RegionPulses fuse(PreparedTraces p, double[][] pulses, PulseChain chain) {
        int segment = chain.segment();
        HeartRateEstimator hrEstimator = chain.estimator();
        double[] regionSnr = new double[pulses.length];
        for (int k = 0; k < pulses.length; k++) {
            HeartRate h = hrEstimator.estimate(Spectra.welch(pulses[k], p.fs, segment,
                    settings.signal().spectrumResolutionHz()));
            regionSnr[k] = h == null ? Double.NaN : h.snrDb();
        }
        double[] weights = RegionFusion.weights(regionSnr, settings.pulse().fusion());
        double[] fused = RegionFusion.combine(pulses, weights);
        PowerSpectrum spectrum = Spectra.welch(fused, p.fs, segment, settings.signal().spectrumResolutionHz());
        HeartRate hr = hrEstimator.estimate(spectrum);
        if (hr != null && hr.subharmonicChosen()) {
            // halved only if the beats at the strongest rhythm alternate systolic and dicrotic: clearly more
            // than the beats at half that rate do (an exposure step's bump at half the pulse rate looked like
            // a fundamental in the spectrum)
            HeartRate strongest = hrEstimator.withoutHalving(spectrum);
            if (!(Alternation.index(fused, p.fs, strongest.frequencyHz())
                    >= MIN_ALTERNATION_GAIN * Alternation.index(fused, p.fs, hr.frequencyHz()))) {
                hr = strongest;
            }
        }
        return new RegionPulses(regionSnr, weights, fused, hr);
    }

    /** Region {@code k}'s pulse from {@code method}, detrended and band-passed. */
    private static double[] regionPulse(PreparedTraces p, int k, RppgMethod method, PulseChain chain) {
        return chain.bandPass().filtfilt(Detrend.smoothnessPriors(method.pulse(p.red[k], p.green[k], p.blue[k],
                p.fs), chain.lambda()));
    }

    /**
     * The skin's own pulse colour near {@code hrHz}: each region's relative red and blue, narrowed around it,
     * regressed on its relative green, weighted over regions; unit length, as PBV's signature.
     */
    private static double[] skinSignature(PreparedTraces p, double hrHz, double[] weights, int order, double lambda) {
        SosFilter narrow = narrowAround(hrHz, order, p.fs);
        double[] s = new double[3];
        for (int k = 0; k < p.regions(); k++) {
            if (weights[k] == 0) {
                continue;
            }
            double[][] rel = relativeChannels(p, k, narrow, lambda);
            for (int c = 0; c < 3; c++) {
                s[c] += weights[k] * PulseSignature.gain(rel[c], rel[1]);
            }
        }
        double norm = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
        return new double[] {s[0] / norm, s[1] / norm, s[2] / norm};
    }

    /** Green well ahead of red and blue: blood, not a grey shading or exposure change (1, 1, 1), nor a screen. */
    private static boolean bloodLike(double[] s) {
        return s[1] > 0 && Math.abs(s[0]) < MAX_SIGNATURE_SHARE * s[1] && Math.abs(s[2]) < MAX_SIGNATURE_SHARE * s[1];
    }

    /** Largest red or blue share of green for a measured pulse colour to count as blood's. */
    private static final double MAX_SIGNATURE_SHARE = 0.9;

    /**
     * SNR gain, dB, for the skin's own signature to replace the standard one: the standard is the prior, and
     * two signatures that differ by noise alone trade places by hundredths of a dB.
     */
    private static final double SKIN_SIGNATURE_GAIN_DB = 1.0;

    /** {@code x} low-passed at {@code cutHz} (zero phase), or {@code x} itself when the band-pass already cut below. */
    private static double[] lowPassed(double[] x, double cutHz, double bandTopHz, int order, double fs) {
        return cutHz < bandTopHz ? SosFilter.butterworthLowPass(order, cutHz, fs).filtfilt(x) : x;
    }

    private RespirationResult respiration(PreparedTraces p, double[] weights, Beats beats, double[] ibi,
                                          boolean[] accepted, double hrHz) {
        VitalsSettings.Respiration rs = settings.respiration();
        RespirationEstimator est = new RespirationEstimator(rs.minHz(), rs.maxHz(), rs.minQuality(),
                rs.soloQuality(), rs.agreementHz());
        double fs = p.fs;
        List<RespirationEstimate> c = new ArrayList<>();
        // breathing lifts head and shoulders and moves them a little towards the camera; the face's sideways
        // position is no source: breathing does not move it, while turning and swaying do, in the same band
        // (with the head moving, the x position alone, or with the shading it paints, outvoted the true rate)
        c.add(est.fromSignal(RespirationSource.FACE_Y, p.faceY, fs, rs.maxHz()));
        c.add(est.fromSignal(RespirationSource.FACE_SIZE, p.faceSize, fs, rs.maxHz()));

        // RIIV: the slow part of the skin's relative green level, regions weighted as for the pulse
        double[] baseline = new double[p.length];
        for (int k = 0; k < p.regions(); k++) {
            double m = Stats.mean(p.green[k]);
            if (weights[k] == 0 || !(m > 0)) {
                continue;
            }
            for (int i = 0; i < p.length; i++) {
                baseline[i] += weights[k] * (p.green[k][i] / m - 1);
            }
        }
        c.add(est.fromSignal(RespirationSource.RIIV, baseline, fs, rs.maxHz()));

        // beat-sampled series can only show breathing below half the beat rate
        double beatUpper = 0.45 * hrHz;
        int nb = beats.count();
        if (nb >= 2) {
            double[] ta = new double[nb - 1];
            double[] amp = new double[nb - 1];
            for (int j = 1; j < nb; j++) {
                ta[j - 1] = beats.peakTimes()[j];
                amp[j - 1] = beats.peakValues()[j] - beats.troughValues()[j];
            }
            c.add(est.fromBeatSeries(RespirationSource.RIAV, ta, amp, beatUpper));
            int na = 0;
            for (boolean ok : accepted) {
                na += ok ? 1 : 0;
            }
            double[] ti = new double[na];
            double[] iv = new double[na];
            int o = 0;
            for (int j = 0; j < ibi.length; j++) {
                if (accepted[j]) {
                    ti[o] = 0.5 * (beats.peakTimes()[j] + beats.peakTimes()[j + 1]);
                    iv[o++] = ibi[j];
                }
            }
            c.add(est.fromBeatSeries(RespirationSource.RIFV, ti, iv, beatUpper));
        }
        // a head that sways or turns shades the skin at its own rates, in the skin's level and the beats'
        // amplitudes alike: then those two count only where the head's vertical motion or size, or the beat
        // intervals, agree
        boolean swaying = RgbQuality.swayRatio(p.faceX, p.faceSize, fs, rs.minHz(), rs.maxHz()) > rs.maxSway();
        return est.fuse(c, swaying ? EnumSet.of(RespirationSource.RIIV, RespirationSource.RIAV) : Set.of());
    }

    private static double[] acceptedOnly(double[] ibi, boolean[] accepted) {
        int n = 0;
        for (boolean a : accepted) {
            n += a ? 1 : 0;
        }
        double[] out = new double[n];
        int o = 0;
        for (int i = 0; i < ibi.length; i++) {
            if (accepted[i]) {
                out[o++] = ibi[i];
            }
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
