package dev.facevitals.vitals;

/**
 * Turns the per-frame traces of one scan into vital signs. The worker calls only this interface, so a
 * better engine drops in without touching the pipeline. Implementations are stateless and thread-safe.
 */
public interface VitalsEngine {

    VitalsResult estimate(SignalTraces traces);
}
