package dev.facevitals.vitals;

import dev.facevitals.vitals.signal.ExposureRamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic face-video traces with a known answer, following the standard skin reflection model: each
 * region's colour is {@code L(t) * skin * (1 - a * bv(t) * P)}, where L is the light (equal on R, G, B),
 * {@code P = [0.33, 0.77, 0.53] / 0.77} is the blood-volume pulse direction of skin scaled so the green
 * modulation is {@code a}, and {@code bv} is a sum of one pulse per known beat time: a systolic Gaussian
 * (sd 0.12 of the mean period) peaking on the beat, plus a dicrotic Gaussian later in the cycle. The
 * shape of a beat does not depend on when the next one comes, as in a real heart, so the peaks sit on the
 * beat times whatever the intervals. A dicrotic wave half a period late with amplitude 0.5 or more makes the
 * second harmonic stronger than the fundamental.
 * White noise, drift, flicker, breathing, head motion, frame-time jitter and face-missing gaps are optional.
 * Mutable builder; each {@link #build()} uses its own seeded random source.
 */
final class SyntheticScan {

    static final double[] PULSE_DIRECTION = {0.33 / 0.77, 1.0, 0.53 / 0.77};
    static final double[][] SKIN = {{190, 140, 120}, {175, 125, 105}, {200, 150, 130}};
    static final double[] REGION_GAIN = {1.0, 0.8, 0.65};

    double durationSec = 30;
    double fps = 30;
    /** Frame times: +- this much uniform jitter, s. */
    double jitterSec = 0;
    /** Variable frame rate: frame interval switches between 1/fps and 1/(0.8 fps) every few seconds. */
    boolean variableFrameRate = false;
    double heartRateBpm = 70;
    /** Explicit beat times, s (overrides heartRateBpm when set). */
    double[] beatTimes;
    /** Green modulation of the pulse, relative (0.003 = 0.3% of skin intensity). */
    double pulseAmplitude = 0.003;
    /** Relative pulse amplitude of R, G, B (default: PBV's signature, skin under white light). */
    double[] pulseDirection = PULSE_DIRECTION.clone();
    /** Dicrotic wave: amplitude relative to the systolic one, and delay as a fraction of the mean period. */
    double dicrotic = 0.3;
    double dicroticDelay = 0.4;
    /** Per-channel white noise, relative standard deviation. */
    double noise = 0.0005;
    long seed = 1;
    int regions = 3;
    /** Linear illumination drift, relative change per second. */
    double driftPerSec = 0;
    /** Light flicker: relative amplitude and frequency, and its relative strength on R, G, B (white: equal). */
    double flickerAmplitude = 0;
    double flickerHz = 0;
    double[] flickerColour = {1, 1, 1};
    /** Random-walk light changes equal on R, G, B: relative step standard deviation per frame. */
    double lightWalk = 0;
    /** A brightness step at this time (NaN: none), relative size. */
    double stepAtSec = Double.NaN;
    double stepSize = 0;
    /** Auto-exposure gain steps: times and relative sizes, each settling exponentially (0.2 s). */
    double[] exposureStepSec = {};
    double[] exposureStepSize = {};
    /** Breathing: rate, head movement in y, relative pulse amplitude modulation, blood-volume baseline. */
    double breathingBpm = 0;
    double breathingMotionPx = 0;
    double breathingAmplitudeMod = 0;
    double breathingBaseline = 0;
    /** Head shake along x: amplitude, pixels, frequency, and the shading change it causes (relative). */
    double shakePx = 0;
    double shakeHz = 0;
    double shakeShading = 0;
    /** Shading at twice the shake's rate (relative): a side light's shading is not linear in the head's pose. */
    double shakeHarmonicShading = 0;
    /** Face detector jitter, pixels (standard deviation). */
    double positionNoisePx = 0.3;
    /**
     * An inter-frame codec's key frames: every this many seconds (0: none) a frame is marked as a key frame
     * between predicted ones, and each region's level moves by a new random step (relative standard deviation
     * {@link #keyFrameStep}, independent per region and channel) that holds until the next key frame, as a
     * codec's refresh of a still picture does.
     */
    double keyFrameEverySec = 0;
    double keyFrameStep = 0;
    /** Whether the key frames are marked in the traces (false: the steps without the decoder's flags). */
    boolean markKeyFrames = true;
    /** Whether every frame that is not a key frame is counted as predicted, as the decoder counts P frames. */
    boolean markPredicted = false;
    /** No face in [gapStart, gapEnd). */
    double gapStartSec = Double.NaN;
    double gapEndSec = Double.NaN;

    /**
     * A plausible phone scan: 30 s, 30 fps with variable frame rate and jitter, pulse at 0.3% in green, a
     * strong dicrotic wave, white noise, slow drift of the light, breathing at 15 per minute moving the head
     * and modulating the pulse, detector jitter and a 0.3 s face-missing gap.
     */
    static SyntheticScan realistic(double bpm, long seed) {
        SyntheticScan s = new SyntheticScan();
        s.heartRateBpm = bpm;
        s.seed = seed;
        s.variableFrameRate = true;
        s.jitterSec = 0.004;
        s.pulseAmplitude = 0.003;
        s.dicrotic = 0.5;
        s.dicroticDelay = 0.5;
        s.noise = 0.0006;
        s.driftPerSec = 0.002;
        s.breathingBpm = 15;
        s.breathingMotionPx = 2;
        s.breathingAmplitudeMod = 0.15;
        s.breathingBaseline = 0.1;
        s.gapStartSec = 11.2;
        s.gapEndSec = 11.5;
        return s;
    }

    /**
     * A clean 60 s scan of a variable heart: about 68 bpm with 5% respiratory sinus arrhythmia at 15 breaths
     * per minute and 25 ms of random scatter (SDNN about 40 ms, RMSSD about 50 ms), variable frame rate.
     */
    static SyntheticScan variability(long seed) {
        SyntheticScan s = new SyntheticScan();
        s.durationSec = 60;
        s.seed = seed;
        s.beatTimes = variableBeats(68, 0.05, 0.25, 25, 60, seed);
        s.noise = 0.00015;
        s.dicrotic = 0.4;
        s.variableFrameRate = true;
        s.jitterSec = 0.003;
        return s;
    }

    private double exposureGain(double t) {
        return ExposureRamp.gain(t, exposureStepSec, exposureStepSize);
    }

    /** The beat times used (explicit or from the constant rate), spanning a little beyond the recording. */
    double[] beats() {
        if (beatTimes != null) {
            return beatTimes;
        }
        double period = 60 / heartRateBpm;
        int n = (int) Math.ceil((durationSec + 4) / period) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -2 + 0.37 * period + i * period;
        }
        return t;
    }

    SignalTraces build() {
        Random rnd = new Random(seed);
        double[] beats = beats();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < regions; k++) {
            names.add("region" + k);
        }
        SignalTraces.Builder b = SignalTraces.builder(names, 640, 480);
        double period = (beats[beats.length - 1] - beats[0]) / (beats.length - 1);
        double light = 1;
        double t = 0;
        int beat = 0;
        double[] rgb = new double[3 * regions];
        int[] count = new int[regions];
        java.util.Arrays.fill(count, 5000);
        double[] keyLevel = new double[3 * regions];
        double nextKey = keyFrameEverySec > 0 ? keyFrameEverySec : Double.POSITIVE_INFINITY;
        Random keyRnd = new Random(seed + 7);
        while (t < durationSec) {
            boolean key = t >= nextKey;
            if (key) {
                nextKey += keyFrameEverySec;
                for (int i = 0; i < keyLevel.length; i++) {
                    keyLevel[i] = keyFrameStep * keyRnd.nextGaussian();
                }
            }
            double walk = lightWalk * rnd.nextGaussian();
            light += walk;
            if (!Double.isNaN(gapStartSec) && t >= gapStartSec && t < gapEndSec) {
                b.addMissing(t);
            } else {
                while (beat + 1 < beats.length && beats[beat + 1] <= t) {
                    beat++;
                }
                double breath = breathingBpm > 0 ? Math.sin(2 * Math.PI * breathingBpm / 60 * t) : 0;
                double bv = 0;
                for (int k = Math.max(0, beat - 2); k <= Math.min(beats.length - 1, beat + 2); k++) {
                    double gain = breathingBpm > 0
                            ? 1 + breathingAmplitudeMod * Math.sin(2 * Math.PI * breathingBpm / 60 * beats[k]) : 1;
                    bv += gain * beatShape(t - beats[k], period);
                }
                bv += breathingBaseline * breath;
                double shake = shakeHz > 0 ? Math.sin(2 * Math.PI * shakeHz * t) : 0;
                double shakeTwice = shakeHz > 0 ? Math.cos(4 * Math.PI * shakeHz * t) : 0;
                double flicker = flickerAmplitude * Math.sin(2 * Math.PI * flickerHz * t);
                double l = light * (1 + driftPerSec * t)
                        * (1 + shakeShading * shake - shakeHarmonicShading * shakeTwice)
                        * (!Double.isNaN(stepAtSec) && t >= stepAtSec ? 1 + stepSize : 1)
                        * exposureGain(t);
                for (int k = 0; k < regions; k++) {
                    double[] skin = SKIN[k % SKIN.length];
                    double a = pulseAmplitude * REGION_GAIN[k % REGION_GAIN.length];
                    for (int c = 0; c < 3; c++) {
                        double v = l * (1 + flicker * flickerColour[c]) * skin[c] * (1 - a * bv * pulseDirection[c]);
                        rgb[3 * k + c] = v * (1 + noise * rnd.nextGaussian()) * (1 + keyLevel[3 * k + c]);
                    }
                }
                double x = 320 + shakePx * shake + positionNoisePx * rnd.nextGaussian();
                double y = 200 + breathingMotionPx * breath + positionNoisePx * rnd.nextGaussian();
                double size = 200 + positionNoisePx * rnd.nextGaussian();
                b.addFace(t, x, y, size, rgb, count);
            }
            if (key && markKeyFrames) {
                b.keyFrame();
            }
            if (!key && markPredicted) {
                b.predicted();
            }
            double dt = 1 / fps;
            if (variableFrameRate && ((int) (t / 3)) % 2 == 1) {
                dt = 1 / (0.8 * fps);
            }
            double next = t + dt + (jitterSec > 0 ? jitterSec * (2 * rnd.nextDouble() - 1) : 0);
            t = Math.max(next, t + 1e-3);
        }
        return b.build();
    }

    /** One beat's blood-volume pulse, {@code tau} seconds after its systolic peak. */
    private double beatShape(double tau, double period) {
        double s1 = 0.12 * period;
        double s2 = 0.10 * period;
        double d = tau - dicroticDelay * period;
        return Math.exp(-tau * tau / (2 * s1 * s1)) + dicrotic * Math.exp(-d * d / (2 * s2 * s2));
    }

    /** Inter-beat intervals (ms) of the beats whose both ends lie in [from, to] seconds. */
    double[] trueIntervalsMs(double from, double to) {
        double[] bt = beats();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < bt.length; i++) {
            if (bt[i] >= from && bt[i + 1] <= to) {
                out.add((bt[i + 1] - bt[i]) * 1000);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Beat times with a known variability: mean interval {@code 60/bpm}, a sinusoidal respiratory sinus
     * arrhythmia of relative amplitude {@code rsa} at {@code rsaHz}, plus Gaussian scatter {@code sdMs}.
     */
    static double[] variableBeats(double bpm, double rsa, double rsaHz, double sdMs, double durationSec, long seed) {
        Random rnd = new Random(seed);
        double period = 60 / bpm;
        List<Double> t = new ArrayList<>();
        double now = -2;
        while (now < durationSec + 3) {
            t.add(now);
            double ibi = period * (1 + rsa * Math.sin(2 * Math.PI * rsaHz * now)) + sdMs / 1000 * rnd.nextGaussian();
            now += ibi;
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
