package dev.facevitals.vitals.signal;

/**
 * One second-order IIR section, {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}
 * (coefficients already divided by a0).
 *
 * @param b0 numerator, z^0
 * @param b1 numerator, z^-1
 * @param b2 numerator, z^-2
 * @param a1 denominator, z^-1
 * @param a2 denominator, z^-2
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    public Biquad {
        if (!(Double.isFinite(b0) && Double.isFinite(b1) && Double.isFinite(b2) && Double.isFinite(a1)
                && Double.isFinite(a2))) {
            throw new IllegalArgumentException("non-finite biquad coefficient");
        }
    }

    /**
     * Second-order low-pass with quality factor q and cut-off fc (bilinear transform prewarped at fc, as in
     * R. Bristow-Johnson's audio EQ cookbook). Cascading such sections with Butterworth q values at the same
     * fc gives exactly the bilinear-transformed Butterworth filter.
     *
     * @param fc input: cut-off, Hz, in (0, fs/2)
     * @param q  input: quality factor, positive
     * @param fs input: sampling rate, Hz
     */
    public static Biquad lowPass(double fc, double q, double fs) {
        double w = 2 * Math.PI * fc / fs;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        double b = (1 - cos) / 2;
        return new Biquad(b / a0, 2 * b / a0, b / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /**
     * Second-order high-pass, the counterpart of {@link #lowPass}.
     *
     * @param fc input: cut-off, Hz, in (0, fs/2)
     * @param q  input: quality factor, positive
     * @param fs input: sampling rate, Hz
     */
    public static Biquad highPass(double fc, double q, double fs) {
        double w = 2 * Math.PI * fc / fs;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        double b = (1 + cos) / 2;
        return new Biquad(b / a0, -2 * b / a0, b / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /**
     * |H| at frequency f for sampling rate fs, evaluated from the coefficients.
     *
     * @param f  input: frequency, Hz
     * @param fs input: sampling rate, Hz
     */
    public double magnitude(double f, double fs) {
        double w = 2 * Math.PI * f / fs;
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2;
        double ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2;
        double di = -(a1 * s1 + a2 * s2);
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
