package dev.facevitals.vision;

import java.util.Arrays;

/**
 * Keeps the skin traces level where a new keyframe's regions replace the old ones on a face that is still
 * tracked. The new regions cover slightly different skin (the head has turned, rolled or come closer), so
 * their means differ from the old ones' by a few per cent: under head motion a step in every trace at every
 * keyframe, ten times the pulse, which spreads over the pulse band. On the frame of the change the old
 * regions are read too, where the track puts them, and from then on the new regions' means are scaled by the
 * ratio of the two, per region and colour: same frame, same light, same pulse, so the ratio is the step and
 * little else. The scales carry on to later keyframes; only relative changes of the traces count downstream.
 * Averaging the ratio over six frames instead (the traces carried on from the old regions meanwhile) did no
 * better (docs/vitals.md, "Stop 15").
 */
final class KeyframeSeam {

    private double[] gain;
    private double[] oldRgb;
    private int[] oldCount;

    private PixelSpans[] oldSpans;
    private int[] oldSteps;
    private SkinModel[] oldSkin;
    private Placement oldPlacement;

    /**
     * New regions are about to replace these on a face still tracked, on the frame that {@link #apply} reads
     * next.
     *
     * @param at input: where the track puts the old regions on that frame
     */
    void begin(PixelSpans[] spans, int[] steps, SkinModel[] skin, Placement at) {
        oldSpans = spans;
        oldSteps = steps;
        oldSkin = skin;
        oldPlacement = at;
    }

    /** Nothing to join: the face was lost, or a new frame began before the join was read. */
    void cancel() {
        oldSpans = null;
    }

    /**
     * @param rgb input: the current regions' means on this frame (3 per region); output: the traces' values
     */
    void apply(SkinSampler sampler, ImageView frame, double[] rgb) {
        int channels = rgb.length;
        if (gain == null || gain.length != channels) {
            gain = new double[channels];
            Arrays.fill(gain, 1);
            oldRgb = new double[channels];
            oldCount = new int[channels / 3];
        }
        if (oldSpans != null && 3 * oldSpans.length == channels) {
            sampler.sampleAt(frame, oldSpans, oldPlacement, oldSkin, oldRgb, oldCount, null, oldSteps);
            for (int c = 0; c < channels; c++) {
                if (oldRgb[c] > 0 && rgb[c] > 0) {
                    gain[c] *= oldRgb[c] / rgb[c];
                }
            }
        }
        oldSpans = null;
        for (int c = 0; c < channels; c++) {
            rgb[c] *= gain[c];
        }
    }
}
