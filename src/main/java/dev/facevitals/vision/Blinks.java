package dev.facevitals.vision;

import java.util.Arrays;

/**
 * Blinks in a series of images of one face: eye openness from the face mesh (lid gap over eye width, both
 * eyes averaged), and a blink when it falls well below the series' typical value and opens again. A print
 * or a still screen cannot blink; a blink is evidence of a live face, its absence is not evidence of a spoof
 * (people blink every few seconds, a short series may catch none).
 */
public final class Blinks {

    /** Openness below this share of the series median counts as closed. */
    public static final double CLOSED = 0.55;
    /** ... and above this share as open again. */
    public static final double OPEN = 0.8;
    /** Fewer images cannot show closing and reopening. */
    public static final int MIN_IMAGES = 3;

    // upper lid, lower lid, corners; image-left eye then image-right eye
    private static final int[][] EYES = {{159, 145, 33, 133}, {386, 374, 362, 263}};

    private Blinks() {
    }

    /** Lid gap over eye width, mean of both eyes (about 0.25-0.35 open, under 0.1 closed). */
    public static double openness(FaceMesh m) {
        double sum = 0;
        for (int[] e : EYES) {
            double gap = m.point(e[0]).distanceTo(m.point(e[1]));
            double width = m.point(e[2]).distanceTo(m.point(e[3]));
            sum += width > 0 ? gap / width : 0;
        }
        return sum / EYES.length;
    }

    /**
     * @param openness input: eye openness per image, in capture order
     * @return true when some image is closed ({@link #CLOSED} of the median) and a later one open again
     */
    public static boolean blinked(double[] openness) {
        if (openness.length < MIN_IMAGES) {
            return false;
        }
        double[] s = openness.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        if (!(median > 0)) {
            return false;
        }
        boolean closed = false;
        for (double o : openness) {
            if (o < CLOSED * median) {
                closed = true;
            } else if (closed && o > OPEN * median) {
                return true;
            }
        }
        return false;
    }
}
