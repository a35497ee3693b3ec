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
    private double oldDx;
    private double oldDy;
    private double[] oldAffine;

    /**
     * New regions are about to replace these on a face still tracked, on the frame that {@link #apply} reads
     * next.
     *
     * @param dx input: the old regions' shift on that frame
     */
    void begin(PixelSpans[] spans, int[] steps, SkinModel[] skin, double dx, double dy) {
        begin(spans, steps, skin, dx, dy, null);
    }

    /**
     * As the other {@code begin}, for regions that the tracker moves by an affine map.
     *
     * @param affine input: the old regions' map on that frame, {@code {centre x, centre y, a11, a12, a21, a22}}
     *               as {@link SkinSampler#sampleAffine} takes it ({@code dx, dy} the centre's shift); null for a
     *               shift alone
     */
    void begin(PixelSpans[] spans, int[] steps, SkinModel[] skin, double dx, double dy, double[] affine) {
        oldAffine = affine;
        oldSpans = spans;
        oldSteps = steps;
        oldSkin = skin;
        oldDx = dx;
        oldDy = dy;
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
            if (oldAffine != null) {
                double[] m = oldAffine;
                sampler.sampleAffine(frame, oldSpans, m[0], m[1], m[2], m[3], m[4], m[5], oldDx, oldDy, oldSkin, oldRgb,
                        oldCount, null, oldSteps);
            } else {
                sampler.sampleSubPixel(frame, oldSpans, oldDx, oldDy, oldSkin, oldRgb, oldCount, null, oldSteps);
            }
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
