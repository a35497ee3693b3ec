package dev.facevitals.vitals.quality;

import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.PowerSpectrum;
import dev.facevitals.vitals.signal.Spectra;
import dev.facevitals.vitals.signal.Stats;

/**
 * Measures of how much motion and lighting disturb the colour traces, used to tell "the camera saw too
 * much else" (error code 10) from "the pulse is too weak" (code 11).
 *
 * <ul>
 *   <li>{@link #motionRatio}: RMS of the face box's movement (centre x, y and size) within the pulse band,
 *       divided by the median face size. Head motion at pulse frequencies changes the skin's shading at
 *       those same frequencies and can pass for a pulse, so a large value fails the scan even when the
 *       spectrum looks clean. Breathing sways the head below the band and does not count.</li>
 *   <li>{@link #motionAtRate}: the same, but only within a narrow band around the reported heart rate. A
 *       head that sways or nods at some rate shades the skin at that rate; when that rate is the one the
 *       spectrum picked, the "pulse" is the head's, however clean it looks and however small the motion is
 *       over the whole band.</li>
 *   <li>{@link #swayRatio}: the face's sideways movement within the breathing band. Breathing lifts the head;
 *       it does not move it sideways, so this says the head turns or sways, and the shading that paints on
 *       the skin's level and on the beats' amplitudes at breathing rates is not breathing.</li>
 *   <li>{@link #artefactRatio}: power of the relative R, G, B changes outside the pulse band (above the
 *       detrend cut-off, so slow drift of the light does not count) over the power inside it. Brightness
 *       steps, flicker and motion shading put most of their power outside the band; sensor noise alone gives
 *       roughly the ratio of the bandwidths (about 3 at 30 Hz). Chrominance methods cancel much of this, so
 *       the engine only uses it to name the failure once the pulse SNR is too low.</li>
 * </ul>
 */
public final class RgbQuality {

    private RgbQuality() {
    }

    /**
     * @param faceX    input: face centre x per sample, pixels, uniformly sampled, finite
     * @param faceY    input: face centre y, pixels
     * @param faceSize input: face size, pixels
     * @param fs       input: sampling rate, Hz
     * @param loHz     input: pulse band lower edge, Hz
     * @param hiHz     input: pulse band upper edge, Hz
     * @return in-band motion RMS as a fraction of the face size; 0 for fewer than 3 samples or no size
     */
    public static double motionRatio(double[] faceX, double[] faceY, double[] faceSize, double fs, double loHz,
                                     double hiHz) {
        return faceMotion(new double[][] {faceX, faceY, faceSize}, faceSize, fs, loHz, hiHz, loHz / 4, 0.02);
    }

    /**
     * @param faceX    input: face centre x per sample, pixels, uniformly sampled, finite
     * @param faceSize input: face size, pixels
     * @param fs       input: sampling rate, Hz
     * @param loHz     input: band lower edge, Hz (the breathing band's)
     * @param hiHz     input: band upper edge, Hz
     * @return RMS of the face's sideways movement within the band as a fraction of the face size; 0 for fewer
     *     than 3 samples or no size
     */
    public static double swayRatio(double[] faceX, double[] faceSize, double fs, double loHz, double hiHz) {
        return faceMotion(new double[][] {faceX}, faceSize, fs, loHz, hiHz, loHz / 4, 0.01);
    }

    /**
     * @param faceX       input: face centre x per sample, pixels, uniformly sampled, finite
     * @param faceY       input: face centre y, pixels
     * @param faceSize    input: face size, pixels
     * @param fs          input: sampling rate, Hz
     * @param rateHz      input: the rate to look at, Hz, positive
     * @param halfWidthHz input: half width of the band around it, Hz
     * @return RMS of the face's movement within {@code rateHz +- halfWidthHz} as a fraction of the face size;
     *     0 for fewer than 3 samples or no size
     */
    public static double motionAtRate(double[] faceX, double[] faceY, double[] faceSize, double fs, double rateHz,
                                      double halfWidthHz) {
        return faceMotion(new double[][] {faceX, faceY, faceSize}, faceSize, fs, rateHz - halfWidthHz,
                rateHz + halfWidthHz, Math.max(0.05, (rateHz - halfWidthHz) / 4), 0.01);
    }

    /**
     * RMS of the given face-box traces' changes within {@code [loHz, hiHz]} (periodogram at
     * {@code resolutionHz} after a smoothness-priors detrend at {@code detrendHz}) over the median size.
     */
    private static double faceMotion(double[][] traces, double[] faceSize, double fs, double loHz, double hiHz,
                                     double detrendHz, double resolutionHz) {
        double size = Stats.median(faceSize);
        if (faceSize.length < 3 || !(size > 0)) {
            return 0;
        }
        double lambda = Detrend.lambdaForCutoff(detrendHz, fs);
        double power = 0;
        for (double[] trace : traces) {
            power += Spectra.periodogram(Detrend.smoothnessPriors(trace, lambda), fs, resolutionHz)
                    .bandPower(loHz, hiHz);
        }
        return Math.sqrt(power) / size;
    }

    /**
     * @param channels     input: colour traces (any number: R, G, B of each region), uniformly sampled, finite,
     *                     positive; each is made relative to its mean
     * @param fs           input: sampling rate, Hz
     * @param loHz         input: pulse band lower edge, Hz
     * @param hiHz         input: pulse band upper edge, Hz
     * @param detrendHz    input: cut-off below which slow drift is removed first, Hz
     * @param segmentLen   input: Welch segment length, samples
     * @return out-of-band over in-band power, summed over the channels; NaN when nothing is in band
     */
    public static double artefactRatio(double[][] channels, double fs, double loHz, double hiHz, double detrendHz,
                                       int segmentLen) {
        double lambda = Detrend.lambdaForCutoff(detrendHz, fs);
        double in = 0;
        double out = 0;
        for (double[] c : channels) {
            double m = Stats.mean(c);
            if (!(m > 0)) {
                continue;
            }
            double[] rel = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                rel[i] = c[i] / m - 1;
            }
            PowerSpectrum s = Spectra.welch(Detrend.smoothnessPriors(rel, lambda), fs, segmentLen, 0.1);
            double total = s.bandPower(detrendHz, fs / 2);
            double band = s.bandPower(loHz, hiHz);
            in += band;
            out += total - band;
        }
        return in > 0 ? out / in : Double.NaN;
    }
}
