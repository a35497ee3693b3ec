package dev.facevitals.vitals;

import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.Gaps;
import dev.facevitals.vitals.signal.LevelSteps;
import dev.facevitals.vitals.signal.Resampler;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The traces of one scan made ready for analysis: resampled to a uniform grid from the frames' own
 * timestamps, short gaps bridged, and cut to the longest stretch where the face and at least one skin region
 * were seen. Only regions visible throughout that stretch are kept.
 *
 * <p>Built by {@link #prepare}, which instead reports a {@link VitalsResult.SignalFailure} when no stretch
 * of the minimum duration exists. Arrays are owned by this object; callers must not modify them.
 */
final class PreparedTraces {

    final double fs;
    final double startSec;
    final int length;
    final double[] faceX;
    final double[] faceY;
    final double[] faceSize;
    final List<String> regionNames;
    final double[][] red;
    final double[][] green;
    final double[][] blue;
    /** Cache of {@link #commonMode()}; these traces belong to one analysis, on one thread. */
    private double[] commonMode;

    private PreparedTraces(double fs, double startSec, int length, double[] faceX, double[] faceY,
                           double[] faceSize, List<String> regionNames, double[][] red, double[][] green,
                           double[][] blue) {
        this.fs = fs;
        this.startSec = startSec;
        this.length = length;
        this.faceX = faceX;
        this.faceY = faceY;
        this.faceSize = faceSize;
        this.regionNames = List.copyOf(regionNames);
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    double durationSec() {
        return length / fs;
    }

    int regions() {
        return red.length;
    }

    /**
     * Sample indices of level steps shared by every region (a camera's auto-exposure stepping its gain):
     * {@link LevelSteps#detect} on the regions' mean relative green.
     */
    int[] levelSteps() {
        return LevelSteps.detect(commonMode(), fs);
    }

    /** These traces with the given level steps taken out of every region's colours ({@link LevelSteps}). */
    PreparedTraces withoutLevelSteps(int[] steps) {
        if (steps.length == 0) {
            return this;
        }
        double[][][] out = channelsCopy();
        double[][] all = new double[3 * regions()][];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(out[c], 0, all, c * regions(), regions());
        }
        LevelSteps.remove(all, commonMode(), steps, fs);
        return withChannels(out);
    }

    /**
     * The regions' green relative to each region's mean, averaged over the regions; computed once (step
     * detection and removal both need it). Read-only.
     */
    private double[] commonMode() {
        if (commonMode == null) {
            double[] c = new double[length];
            for (double[] g : green) {
                double m = Stats.mean(g);
                for (int i = 0; i < length; i++) {
                    c[i] += (g[i] / m - 1) / green.length;
                }
            }
            commonMode = c;
        }
        return commonMode;
    }

    /**
     * These traces without a rhythm at {@code hz} and twice it (where below {@code bandTopHz}) in every
     * region's colours, for a light flickering at a steady rate, removed before any rPPG method mixes the
     * colours (a method's changing weights would smear it). Each is taken off by complex demodulation: the
     * trace shifted down by the rhythm's frequency, low-passed at {@code halfWidthHz} (zero phase), shifted
     * back, doubled and subtracted; a notch about {@code 2 * halfWidthHz} wide (half the power taken at
     * {@code +-halfWidthHz}) that leaves the mean, the drift and rhythms further away alone.
     */
    PreparedTraces withoutRhythm(double hz, double halfWidthHz, double bandTopHz, int order, double detrendLambda) {
        SosFilter lowPass = SosFilter.butterworthLowPass(order, halfWidthHz, fs);
        double[][][] out = channelsCopy();
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < regions(); k++) {
                double[] y = out[c][k];
                for (double f = hz; f <= 2 * hz + 1e-9 && f + halfWidthHz < bandTopHz; f += hz) {
                    // the level and its drift taken off first: shifted up to the rhythm's rate they would make
                    // the low-pass ring at the ends
                    double[] varying = Detrend.smoothnessPriors(y, detrendLambda);
                    double w = 2 * Math.PI * f / fs;
                    double[] inPhase = new double[length];
                    double[] quadrature = new double[length];
                    for (int i = 0; i < length; i++) {
                        inPhase[i] = varying[i] * Math.cos(w * i);
                        quadrature[i] = varying[i] * Math.sin(w * i);
                    }
                    inPhase = lowPass.filtfilt(inPhase);
                    quadrature = lowPass.filtfilt(quadrature);
                    for (int i = 0; i < length; i++) {
                        y[i] -= 2 * (inPhase[i] * Math.cos(w * i) + quadrature[i] * Math.sin(w * i));
                    }
                }
            }
        }
        return withChannels(out);
    }

    /** Copies of the red, green and blue traces, indexed [colour][region]. */
    private double[][][] channelsCopy() {
        double[][][] in = {red, green, blue};
        double[][][] out = new double[3][regions()][];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < regions(); k++) {
                out[c][k] = in[c][k].clone();
            }
        }
        return out;
    }

    /** These traces with other colours, indexed [colour][region]; time base, face box and names shared. */
    private PreparedTraces withChannels(double[][][] rgb) {
        return new PreparedTraces(fs, startSec, length, faceX, faceY, faceSize, regionNames, rgb[0], rgb[1], rgb[2]);
    }

    /** Either prepared traces or the reason there are none. */
    record Outcome(PreparedTraces traces, VitalsResult.SignalFailure failure) {
    }

    /**
     * Duration the frames stand for: last minus first timestamp plus one typical frame interval, so that
     * 600 frames at 30 fps count as 20 s, not 19.97 s.
     */
    static double coveredSec(double[] t, int n) {
        return n < 2 ? 0 : t[n - 1] - t[0] + medianStep(t, n);
    }

    private static double medianStep(double[] t, int n) {
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        return Stats.median(d);
    }

    /**
     * @param traces   input: the scan's per-frame measurements
     * @param settings input: resampling rate, gap limit, minimum duration
     */
    static Outcome prepare(SignalTraces traces, VitalsSettings.Signal settings) {
        int n = traces.frames();
        double[] t = traces.time();
        // the half-sample tolerance absorbs grid rounding: a stretch is measured in whole samples
        double minSec = settings.minDurationSec() - 0.5 / settings.resampleHz();
        if (n < 2 || coveredSec(t, n) < minSec) {
            return new Outcome(null, VitalsResult.SignalFailure.TOO_SHORT);
        }
        boolean[] found = traces.faceFound();
        boolean anyFace = false;
        for (int i = 0; i < n; i++) {
            anyFace |= found[i];
        }
        if (!anyFace) {
            return new Outcome(null, VitalsResult.SignalFailure.NO_FACE);
        }
        double fs = settings.resampleHz();
        double t0 = t[0];
        int m = Resampler.gridLength(t0, t[n - 1], fs);
        int maxRun = (int) Math.floor(settings.maxGapSec() * fs);
        // a frame interval is never a gap, however long the camera's frames are
        double maxStep = Math.max(settings.maxGapSec(), 1.5 * medianStep(t, n));

        double[] fx = uniform(t, masked(traces.faceX(), found, null), t0, fs, m, maxStep, maxRun);
        double[] fy = uniform(t, masked(traces.faceY(), found, null), t0, fs, m, maxStep, maxRun);
        double[] fsz = uniform(t, masked(traces.faceSize(), found, null), t0, fs, m, maxStep, maxRun);
        int k = traces.regions();
        double[][] r = new double[k][];
        double[][] g = new double[k][];
        double[][] b = new double[k][];
        for (int q = 0; q < k; q++) {
            int[] px = traces.pixels(q);
            r[q] = uniform(t, masked(traces.red(q), found, px), t0, fs, m, maxStep, maxRun);
            g[q] = uniform(t, masked(traces.green(q), found, px), t0, fs, m, maxStep, maxRun);
            b[q] = uniform(t, masked(traces.blue(q), found, px), t0, fs, m, maxStep, maxRun);
        }

        boolean[] face = new boolean[m];
        boolean[] faceAndSkin = new boolean[m];
        for (int j = 0; j < m; j++) {
            face[j] = Double.isFinite(fx[j]) && Double.isFinite(fy[j]) && Double.isFinite(fsz[j]);
            boolean skin = false;
            for (int q = 0; q < k && !skin; q++) {
                skin = Double.isFinite(r[q][j]) && Double.isFinite(g[q][j]) && Double.isFinite(b[q][j]);
            }
            faceAndSkin[j] = face[j] && skin;
        }
        int minSamples = (int) Math.ceil(minSec * fs);
        int[] seg = Gaps.longestRun(faceAndSkin);
        int a = seg[0];
        int e = seg[1];
        if (e - a < minSamples) {
            int[] faceSeg = Gaps.longestRun(face);
            return new Outcome(null, faceSeg[1] - faceSeg[0] >= minSamples
                    ? VitalsResult.SignalFailure.NOT_ENOUGH_SKIN : VitalsResult.SignalFailure.FACE_LOST);
        }
        List<String> names = new ArrayList<>();
        List<double[]> rr = new ArrayList<>();
        List<double[]> gg = new ArrayList<>();
        List<double[]> bb = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            if (Stats.allFinite(r[q], a, e) && Stats.allFinite(g[q], a, e) && Stats.allFinite(b[q], a, e)) {
                names.add(traces.regionName(q));
                rr.add(Arrays.copyOfRange(r[q], a, e));
                gg.add(Arrays.copyOfRange(g[q], a, e));
                bb.add(Arrays.copyOfRange(b[q], a, e));
            }
        }
        if (names.isEmpty()) {
            // regions took turns being visible; none covers the whole stretch
            return new Outcome(null, VitalsResult.SignalFailure.NOT_ENOUGH_SKIN);
        }
        return new Outcome(new PreparedTraces(fs, a / fs, e - a, Arrays.copyOfRange(fx, a, e),
                Arrays.copyOfRange(fy, a, e), Arrays.copyOfRange(fsz, a, e), names, rr.toArray(new double[0][]),
                gg.toArray(new double[0][]), bb.toArray(new double[0][])), null);
    }

    /** A copy with NaN wherever there was no face, no skin pixels (when counts are given) or no finite value. */
    private static double[] masked(double[] x, boolean[] found, int[] pixels) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            boolean ok = found[i] && Double.isFinite(x[i]) && (pixels == null || pixels[i] > 0);
            y[i] = ok ? x[i] : Double.NaN;
        }
        return y;
    }

    private static double[] uniform(double[] t, double[] x, double t0, double fs, int m, double maxStep,
                                    int maxRun) {
        double[] y = Resampler.linear(t, x, t0, fs, m, maxStep);
        Gaps.fillShortGaps(y, maxRun);
        return y;
    }
}
