package dev.facevitals.vitals.rppg;

/**
 * Turns the mean skin colour of one region over time into a pulse signal.
 *
 * <p>Every implementation returns a signal whose rises mean more blood under the skin (the skin reflects
 * less, so the colour darkens): systolic peaks are maxima, which beat detection relies on. Implementations
 * are immutable and thread-safe.
 */
public interface RppgMethod {

    /**
     * @param r  input: mean red of the region per sample, uniformly sampled, finite, positive
     * @param g  input: mean green, same length
     * @param b  input: mean blue, same length
     * @param fs input: sampling rate, Hz
     * @return the pulse signal, same length, dimensionless (relative colour change); all zero when the
     *     traces are too short or flat to say anything
     */
    double[] pulse(double[] r, double[] g, double[] b, double fs);

    /** Which method this is. */
    PulseMethod kind();
}
