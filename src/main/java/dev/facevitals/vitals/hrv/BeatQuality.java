package dev.facevitals.vitals.hrv;

import dev.facevitals.vitals.signal.Resampler;

/**
 * How consistent the detected beats look: the signal-to-noise ratio of the beats around their systolic
 * peaks against their mean shape. Beat timing, and so HRV, depends on this rather than on the spectral SNR,
 * which a healthy, variable heart rate lowers by spreading the spectral peak.
 *
 * <p>Each beat's stretch of {@code +-HALF_WINDOW_PERIODS} of a period around its peak is resampled (linear
 * interpolation) on the peak time, has its least-squares line removed, and is fitted by a scaled copy of the
 * mean shape (the template), so the slow baseline and the amplitude modulation of breathing do not count
 * as noise.
 * The result is {@code 10 log10(template power / mean residual power)}.
 */
public final class BeatQuality {

    /** Half width of the compared stretch, in periods: the upstroke and the systolic peak. */
    public static final double HALF_WINDOW_PERIODS = 0.25;

    private BeatQuality() {
    }

    /**
     * @param pulse       input: the wave the beats were detected on
     * @param fs          input: its sampling rate, Hz
     * @param beats       input: detected beats
     * @param heartRateHz input: the heart rate, Hz, positive
     * @return the beat SNR in dB; NaN with fewer than 3 complete beats or a flat template
     */
    public static double templateSnrDb(double[] pulse, double fs, Beats beats, double heartRateHz) {
        int half = Math.max(2, (int) Math.round(HALF_WINDOW_PERIODS * fs / heartRateHz));
        int width = 2 * half + 1;
        int k = beats.count();
        double[][] seg = new double[k][];
        int used = 0;
        double[] template = new double[width];
        for (int j = 0; j < k; j++) {
            double centre = beats.peakTimes()[j] * fs;
            if (centre - half < 0 || centre + half > pulse.length - 1) {
                continue;
            }
            double[] s = new double[width];
            double mean = 0;
            double slope = 0;
            double dd = 0;
            for (int d = 0; d < width; d++) {
                s[d] = Resampler.at(pulse, centre + d - half);
                mean += s[d];
                slope += (d - half) * s[d];
                dd += (double) (d - half) * (d - half);
            }
            mean /= width;
            slope /= dd;
            for (int d = 0; d < width; d++) {
                s[d] -= mean + slope * (d - half);
                template[d] += s[d];
            }
            seg[used++] = s;
        }
        if (used < 3) {
            return Double.NaN;
        }
        double tt = 0;
        for (int d = 0; d < width; d++) {
            template[d] /= used;
            tt += template[d] * template[d];
        }
        if (!(tt > 0)) {
            return Double.NaN;
        }
        double residual = 0;
        for (int j = 0; j < used; j++) {
            double st = 0;
            for (int d = 0; d < width; d++) {
                st += seg[j][d] * template[d];
            }
            double scale = st / tt;
            for (int d = 0; d < width; d++) {
                double r = seg[j][d] - scale * template[d];
                residual += r * r;
            }
        }
        residual /= used;
        return residual <= tt * 1e-10 ? 100 : 10 * Math.log10(tt / residual);
    }
}
