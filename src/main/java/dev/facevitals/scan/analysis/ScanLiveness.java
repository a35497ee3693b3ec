package dev.facevitals.scan.analysis;

/**
 * The liveness score of a health scan: a face that looks live on a frame from the middle of the video
 * (texture, colour and model cues, see docs/liveness.md) and a pulse in the video. A scan without a pulse
 * is never called live: a photo or a screen held to the camera shows no blood-volume pulse, so the score is
 * then capped just below the 0.5 threshold. A pulse alone does not make a scan live either (a screen replaying
 * a real video carries one), so the frame's probability stays the score when there is a pulse.
 */
public final class ScanLiveness {

    /** The highest score of a scan without a pulse: below the 0.5 live threshold. */
    public static final double NO_PULSE_CAP = 0.49;

    private ScanLiveness() {
    }

    /**
     * @param frameProbability input: the frame's liveness probability 0-1, or null when it could not be judged
     * @param pulseDetected    input: whether the vitals engine found a heart rate
     * @return the scan's liveness score 0-1, or null when the frame could not be judged
     */
    public static Double combine(Double frameProbability, boolean pulseDetected) {
        if (frameProbability == null || !Double.isFinite(frameProbability)) {
            return null;
        }
        double p = Math.max(0, Math.min(1, frameProbability));
        return pulseDetected ? p : Math.min(p, NO_PULSE_CAP);
    }
}
