package dev.facevitals.scan.analysis;

import dev.facevitals.vision.ImageView;

/**
 * The still-image liveness of one video frame, for the scan's {@code liveness.score}. The video's own cue,
 * the pulse, is combined with it by {@link ScanLiveness}.
 */
@FunctionalInterface
public interface FrameLiveness {

    /**
     * @param frame a decoded frame (BGR), valid only during the call
     * @return probability 0-1 that the face in it is a live one (0.5 the threshold), or null when the frame
     *         cannot be judged (no face, face too small or turned too far)
     */
    Double probability(ImageView frame);
}
