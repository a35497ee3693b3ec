package dev.facevitals.vitals.rppg;

import dev.facevitals.vitals.signal.Stats;

/**
 * GREEN: the green channel carries most of the blood-volume signal (haemoglobin absorbs green most), so the
 * pulse is just the relative green change, sign flipped so that more blood gives a higher value. Intensity
 * changes of the light pass straight through.
 */
public final class GreenMethod implements RppgMethod {

    @Override
    public double[] pulse(double[] r, double[] g, double[] b, double fs) {
        int n = Channels.sameLength(r, g, b);
        double[] p = new double[n];
        double m = Stats.mean(g);
        if (!(m > 0)) {
            return p;
        }
        for (int i = 0; i < n; i++) {
            p[i] = 1 - g[i] / m;
        }
        return p;
    }

    @Override
    public PulseMethod kind() {
        return PulseMethod.GREEN;
    }
}
