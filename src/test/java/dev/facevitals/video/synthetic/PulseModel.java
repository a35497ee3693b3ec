package dev.facevitals.video.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A blood-volume pulse with known beats: beat-to-beat intervals with respiratory sinus arrhythmia, a slow
 * (Mayer, 0.1 Hz) wave and random variation, and a pulse shape with a steep systolic upstroke, a slower
 * decay and a dicrotic wave (which gives the waveform a strong second harmonic, as real PPG has).
 *
 * <p>Pure Java and deterministic for a given random source.
 */
public final class PulseModel {

    // Pulse shape, in fractions of the local beat interval, around the systolic peak.
    private static final double RISE_SIGMA = 0.055;
    private static final double FALL_SIGMA = 0.14;
    private static final double DICROTIC_DELAY = 0.34;
    private static final double DICROTIC_SIGMA = 0.085;
    private static final double DICROTIC_GAIN = 0.45;
    private static final double MAYER_HZ = 0.1;

    private final double[] peaks; // systolic peak times (s), from before 0 to after the end
    private final double offset;
    private final double scale;

    /**
     * @param heartRateBpm mean heart rate
     * @param respHz       breathing frequency (RSA follows it)
     * @param rsaMs        RSA amplitude: intervals shorten by up to this much at full inspiration
     * @param mayerMs      amplitude of the 0.1 Hz interval wave
     * @param randomMs     standard deviation of the random (AR(1), coefficient 0.5) interval part
     * @param durationSec  the clip length; beats are generated 3 s beyond both ends
     * @param breathPhase  phase of {@link #breath} at t = 0, radians
     * @param random       source of the random parts
     */
    public PulseModel(double heartRateBpm, double respHz, double rsaMs, double mayerMs, double randomMs,
                      double durationSec, double breathPhase, SplittableRandom random) {
        double rr0 = 60.0 / heartRateBpm;
        double mayerPhase = random.nextDouble() * 2 * Math.PI;
        double t = -3.0 - random.nextDouble() * rr0;
        double ar = 0;
        double[] out = new double[16];
        int n = 0;
        while (t < durationSec + 3.0) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = t;
            ar = 0.5 * ar + Math.sqrt(1 - 0.25) * random.nextGaussian();
            double breath = Math.sin(2 * Math.PI * respHz * t + breathPhase);
            double rr = rr0 - rsaMs / 1000.0 * breath
                    + mayerMs / 1000.0 * Math.sin(2 * Math.PI * MAYER_HZ * t + mayerPhase)
                    + randomMs / 1000.0 * ar;
            t += Math.max(0.3, Math.min(2.0, rr));
        }
        peaks = Arrays.copyOf(out, n);
        // Normalise the shape to zero mean and peak-to-peak 1 on a regular beat train (shape is scale-free).
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        int samples = 1000;
        for (int i = 0; i < samples; i++) {
            double v = rawPeriodic((double) i / samples);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        offset = sum / samples;
        scale = 1.0 / (max - min);
    }

    /** One beat's kernel at {@code x} beat intervals from its systolic peak. */
    private static double kernel(double x) {
        double s = x < 0 ? RISE_SIGMA : FALL_SIGMA;
        double systolic = Math.exp(-0.5 * (x / s) * (x / s));
        double d = (x - DICROTIC_DELAY) / DICROTIC_SIGMA;
        return systolic + DICROTIC_GAIN * Math.exp(-0.5 * d * d);
    }

    private static double rawPeriodic(double phase) {
        double v = 0;
        for (int k = -3; k <= 3; k++) {
            v += kernel(phase - k);
        }
        return v;
    }

    /**
     * The blood-volume pulse at time {@code t}: zero mean, peak-to-peak about 1, maximum at each systolic
     * peak. Skin gets darker as it rises (more blood absorbs more light).
     */
    public double bvp(double t) {
        int i = Arrays.binarySearch(peaks, t);
        if (i < 0) {
            i = -i - 2; // last peak at or before t
        }
        double v = 0;
        for (int k = Math.max(0, i - 3); k <= Math.min(peaks.length - 2, i + 3); k++) {
            double rr = peaks[k + 1] - peaks[k];
            v += kernel((t - peaks[k]) / rr);
        }
        return (v - offset) * scale;
    }

    /** Systolic peak times within {@code [from, to]}, seconds. */
    public double[] peaksBetween(double from, double to) {
        return Arrays.stream(peaks).filter(p -> p >= from && p <= to).toArray();
    }
}
