package dev.facevitals.vitals;

/**
 * Turns the per-frame traces of one scan into vital signs. The worker calls only this interface, so a
 * better engine drops in without touching the pipeline. Implementations are stateless and thread-safe.
 */
public interface VitalsEngine {

    /**
     * The vital signs with the figures behind them (for the scan's log and for tuning).
     *
     * @param traces input: the scan's per-frame measurements (not modified)
     */
    VitalsAnalysis analyse(SignalTraces traces);

    /** The vital signs alone. */
    default VitalsResult estimate(SignalTraces traces) {
        return analyse(traces).result();
    }
}
