package dev.facevitals.vitals.signal;

/**
 * A camera's auto-exposure gain as the clip generator makes it (test code): relative steps at given times,
 * each settling exponentially with a 0.2 s time constant from where the previous one settled.
 */
public final class ExposureRamp {

    private ExposureRamp() {
    }

    /**
     * @param t       input: time, s
     * @param stepSec input: step times, s, ascending
     * @param size    input: each step's relative size (0.05 = 5 % brighter)
     * @return the gain at {@code t} (1 before the first step)
     */
    public static double gain(double t, double[] stepSec, double[] size) {
        double g = 1;
        double settled = 1;
        for (int s = 0; s < stepSec.length && stepSec[s] <= t; s++) {
            double target = settled * (1 + size[s]);
            g = settled + (target - settled) * (1 - Math.exp(-(t - stepSec[s]) / 0.2));
            settled = target;
        }
        return g;
    }
}
