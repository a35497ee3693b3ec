package dev.facevitals.vitals.rppg;

import java.util.Random;

/**
 * Uniformly sampled skin colour traces from the standard reflection model: {@code C = L(t) * skin * (1 - a bv P)}
 * with the blood-volume direction {@code P ~ [0.33, 0.77, 0.53]} scaled so the green modulation is {@code a}.
 */
final class SkinTraces {

    static final double[] SKIN = {185, 135, 115};
    static final double[] P = {0.33 / 0.77, 1.0, 0.53 / 0.77};

    final double[] r;
    final double[] g;
    final double[] b;
    /** The blood-volume wave itself, for correlation checks. */
    final double[] bv;

    private SkinTraces(int n) {
        r = new double[n];
        g = new double[n];
        b = new double[n];
        bv = new double[n];
    }

    /**
     * @param light relative light level per sample (1 = steady), equal on R, G, B; null for steady light
     */
    static SkinTraces of(int n, double fs, double bpm, double amplitude, double harmonic, double noise,
                         double[] light, long seed) {
        Random rnd = new Random(seed);
        SkinTraces s = new SkinTraces(n);
        double f = bpm / 60;
        for (int i = 0; i < n; i++) {
            double phi = 2 * Math.PI * f * i / fs + 0.7;
            s.bv[i] = Math.cos(phi) + harmonic * Math.cos(2 * phi);
            double l = light == null ? 1 : light[i];
            s.r[i] = l * SKIN[0] * (1 - amplitude * s.bv[i] * P[0]) * (1 + noise * rnd.nextGaussian());
            s.g[i] = l * SKIN[1] * (1 - amplitude * s.bv[i] * P[1]) * (1 + noise * rnd.nextGaussian());
            s.b[i] = l * SKIN[2] * (1 - amplitude * s.bv[i] * P[2]) * (1 + noise * rnd.nextGaussian());
        }
        return s;
    }

    /** Light with a flicker of relative amplitude {@code amp} at {@code hz} plus a slow random walk. */
    static double[] flickeringLight(int n, double fs, double amp, double hz, double walk, long seed) {
        Random rnd = new Random(seed);
        double[] l = new double[n];
        double level = 1;
        for (int i = 0; i < n; i++) {
            level += walk * rnd.nextGaussian();
            l[i] = level * (1 + amp * Math.sin(2 * Math.PI * hz * i / fs));
        }
        return l;
    }

    static double correlation(double[] x, double[] y, int from, int to) {
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= to - from;
        my /= to - from;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
