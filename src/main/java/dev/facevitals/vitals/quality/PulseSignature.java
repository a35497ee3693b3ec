package dev.facevitals.vitals.quality;

/**
 * The colour signature of a pulse: how much of it each colour channel carries. Blood absorbs green most, so
 * a blood-volume pulse moves the skin's relative green level more than its blue (the PBV signature is
 * 0.33, 0.77, 0.53 for R, G, B, blue/green 0.69), while a flickering bluish light moves blue most. The
 * signature is the least-squares gain of each region's relative channel (filtered like the pulse) on the
 * fused pulse, summed over regions with the fusion weights.
 */
public final class PulseSignature {

    private PulseSignature() {
    }

    /** Least-squares gain of {@code x} on {@code pulse} (0 when the pulse is flat). */
    public static double gain(double[] x, double[] pulse) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < pulse.length; i++) {
            num += x[i] * pulse[i];
            den += pulse[i] * pulse[i];
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * @param channels input: per region k, {@code channels[3k..3k+2]} = relative R, G, B, filtered like the pulse
     * @param weights  input: fusion weight per region
     * @param pulse    input: the fused pulse
     * @return R, G, B gains of the pulse, weighted over regions
     */
    public static double[] signature(double[][] channels, double[] weights, double[] pulse) {
        double[] s = new double[3];
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] == 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                s[c] += weights[k] * gain(channels[3 * k + c], pulse);
            }
        }
        return s;
    }

    /** Size of the blue gain over the green one (infinite when green carries none). */
    public static double blueOverGreen(double[] signature) {
        return Math.abs(signature[2]) / Math.abs(signature[1]);
    }
}
