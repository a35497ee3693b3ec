package dev.facevitals.vitals.respiration;

import dev.facevitals.vitals.signal.Detrend;
import dev.facevitals.vitals.signal.PowerLaw;
import dev.facevitals.vitals.signal.PowerSpectrum;
import dev.facevitals.vitals.signal.Resampler;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Spectra;
import dev.facevitals.vitals.signal.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Breathing rate from several weak cues, each judged by how concentrated its spectrum is.
 *
 * <p>Per source: detrend, band-pass from half the breathing band's floor, take one Hann periodogram of the
 * whole recording (breathing is too slow for Welch averaging on a 20-60 s scan), then:
 * <ul>
 *   <li>Flatten the spectrum: fit {@code ln P = c + beta ln f} by least squares over the band and divide
 *       the fit out; then fit again leaving out the highest peak's neighbourhood, so breathing itself does
 *       not tilt the background. Background spectra are roughly power laws: flat for sensor or detector jitter, falling
 *       like 1/f^2 for drift (a random walk of the light or of the head), falling for beat series smoothed
 *       by interpolation. Unflattened, drift puts its largest "peak" at the lower band edge and it looks like
 *       slow breathing; a narrow breathing peak barely moves a fit made in the log domain.</li>
 *   <li>Pick the highest local maximum of the flattened spectrum in {@code [minHz, upperHz]}, refined
 *       between bins.</li>
 *   <li>{@code quality}: one minus the chance that noise alone would concentrate as much power in one
 *       place, after Fisher's g test for periodicity. The band holds {@code K = bandwidth / (2 w)} cells the
 *       width of the peak window {@code +-w}, {@code w = 1.5/T} (about the Hann main lobe, T the duration);
 *       with {@code g} the flattened band power's share inside the peak window, noise exceeds it with
 *       probability about {@code K (1 - g)^(K - 1)}. This makes sources with different durations and band
 *       widths (beat series have narrower ones) comparable; on noise, quality exceeds 0.9 in about one
 *       source in ten and 0.99 in one in a hundred (checked by simulation), while a visible breathing rhythm
 *       scores above 0.99.</li>
 *   <li>The recording must hold at least {@value #MIN_CYCLES} cycles of the rate.</li>
 * </ul>
 *
 * <p>Fusion: sources below {@code minQuality} are dropped. Each remaining one gathers the others within
 * {@code agreementHz} of it; the group with the largest summed quality wins and its quality-weighted mean
 * frequency is the answer, provided the group has two or more sources, or its best one alone reaches
 * {@code soloQuality}. Corroboration lowers the false-alarm rate: two independent noise sources must both
 * pass and also land on the same rate. Nothing credible: no breathing rate (NaN), not a guess. Then, if a
 * group that would itself qualify lies at half the winner's rate (within {@code agreementHz / 2}: a
 * harmonic is exact), it wins instead: breathing moves and shades the face twice per cycle as well as once
 * (a generated still face showed the skin's slow level, and the face's sideways position, then still a
 * source, at 30 /min, the head's vertical motion at the true 15), and nothing shows at half a rate.
 *
 * <p>Sources the caller names as needing company (the intensity cues while the head sways) count only in a
 * group with another source.
 *
 * <p>Beat-derived series (RIAV, RIFV) are sampled once per beat, so they can only show breathing slower than
 * half the heart rate; the caller passes that limit as {@code upperHz}. Immutable and thread-safe.
 */
public final class RespirationEstimator {

    /** Fewest breathing cycles a recording must hold for a source to count. */
    public static final double MIN_CYCLES = 2.0;
    /** Rate beat-derived series are resampled to, Hz. */
    public static final double BEAT_SERIES_HZ = 4.0;

    private final double minHz;
    private final double maxHz;
    private final double minQuality;
    private final double soloQuality;
    private final double agreementHz;

    /**
     * @param minHz       input: slowest breathing considered, Hz (0.1 = 6 per minute)
     * @param maxHz       input: fastest, Hz (0.7 = 42 per minute)
     * @param minQuality  input: least quality for a source to count at all, in (0, 1)
     * @param soloQuality input: least quality for a source to stand alone, in [minQuality, 1]
     * @param agreementHz input: how far apart sources may lie and still be averaged, Hz
     */
    public RespirationEstimator(double minHz, double maxHz, double minQuality, double soloQuality,
                                double agreementHz) {
        if (!(minHz > 0 && maxHz > minHz) || !(minQuality > 0 && minQuality < 1)
                || !(soloQuality >= minQuality && soloQuality <= 1) || !(agreementHz > 0)) {
            throw new IllegalArgumentException(
                    "need 0 < minHz < maxHz, 0 < minQuality < 1, minQuality <= soloQuality <= 1, agreementHz > 0");
        }
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.minQuality = minQuality;
        this.soloQuality = soloQuality;
        this.agreementHz = agreementHz;
    }

    /**
     * Estimate from a uniformly sampled trace.
     *
     * @param source  input: which cue this is
     * @param x       input: the trace, finite
     * @param fs      input: sampling rate, Hz
     * @param upperHz input: highest breathing frequency this source can show (capped at maxHz)
     * @return the estimate, or null when the trace is too short, flat or has no peak in band
     */
    public RespirationEstimate fromSignal(RespirationSource source, double[] x, double fs, double upperHz) {
        double hi = Math.min(maxHz, upperHz);
        int n = x.length;
        double duration = n / fs;
        if (n < 8 || !(hi > minHz) || duration * minHz < 1) {
            return null;
        }
        double[] y = Detrend.smoothnessPriors(x, Detrend.lambdaForCutoff(minHz / 4, fs));
        double filterLo = minHz / 2;
        double filterHi = Math.min(hi * 1.3, 0.45 * fs);
        if (filterLo < filterHi) {
            y = SosFilter.butterworthBandPass(2, filterLo, filterHi, fs).filtfilt(y);
        }
        if (!(Stats.std(y) > 0)) {
            return null;
        }
        // the band-pass leaves nothing above ~1 Hz: keep every d-th sample (at least 4 per cycle of the
        // filter's upper edge) so the fine-grained spectrum below costs a fraction of the full-rate one
        int d = Math.max(1, (int) Math.floor(fs / (4 * filterHi)));
        double rate = fs / d;
        if (d > 1) {
            double[] z = new double[(y.length + d - 1) / d];
            for (int i = 0; i < z.length; i++) {
                z[i] = y[i * d];
            }
            y = z;
        }
        PowerSpectrum raw = Spectra.periodogram(y, rate, 0.005);
        double w = 1.5 / duration;
        // fit the background, find the peak, then fit again without the peak, which would tilt the fit
        PowerSpectrum s = PowerLaw.flattened(raw, minHz, hi, Double.NaN, 0);
        int k = s.highestPeak(minHz, hi);
        if (k < 0) {
            return null;
        }
        s = PowerLaw.flattened(raw, minHz, hi, s.frequency(k), 2 * w);
        k = s.highestPeak(minHz, hi);
        if (k < 0) {
            return null;
        }
        double f = s.refinedFrequency(k);
        if (f * duration < MIN_CYCLES) {
            return null;
        }
        double lo = Math.max(minHz, f - w);
        double up = Math.min(hi, f + w);
        double total = s.bandPower(minHz, hi);
        double share = total > 0 ? s.bandPower(lo, up) / total : 0;
        double cells = (hi - minHz) / (2 * w);
        double q = cells > 1 ? 1 - cells * Math.pow(1 - share, cells - 1) : 0;
        return new RespirationEstimate(source, f, Math.max(0, Math.min(1, q)));
    }

    /**
     * Estimate from a series sampled at beat times (amplitude or interval per beat): linearly resampled to
     * {@value #BEAT_SERIES_HZ} Hz first.
     *
     * @param source  input: which cue this is
     * @param t       input: beat times, seconds, strictly increasing
     * @param v       input: value per beat, finite
     * @param upperHz input: highest breathing frequency the series can show (about half the heart rate)
     * @return the estimate, or null
     */
    public RespirationEstimate fromBeatSeries(RespirationSource source, double[] t, double[] v, double upperHz) {
        if (t.length < 4) {
            return null;
        }
        int len = Resampler.gridLength(t[0], t[t.length - 1], BEAT_SERIES_HZ);
        double[] u = Resampler.linear(t, v, t[0], BEAT_SERIES_HZ, len, Double.POSITIVE_INFINITY);
        if (!Stats.allFinite(u, 0, u.length)) {
            return null;
        }
        return fromSignal(source, u, BEAT_SERIES_HZ, upperHz);
    }

    private static double qualitySum(List<RespirationEstimate> group) {
        double sum = 0;
        for (RespirationEstimate e : group) {
            sum += e.quality();
        }
        return sum;
    }

    private static double topQuality(List<RespirationEstimate> group) {
        double top = 0;
        for (RespirationEstimate e : group) {
            top = Math.max(top, e.quality());
        }
        return top;
    }

    private static double meanFrequency(List<RespirationEstimate> group) {
        double sf = 0;
        double sq = 0;
        for (RespirationEstimate e : group) {
            sf += e.quality() * e.frequencyHz();
            sq += e.quality();
        }
        return sf / sq;
    }

    /**
     * @param candidates input: the sources' estimates (nulls allowed and skipped)
     * @return the fused rate; {@link RespirationResult#found()} false when no source is credible
     */
    public RespirationResult fuse(List<RespirationEstimate> candidates) {
        return fuse(candidates, Set.of());
    }

    /**
     * Like {@link #fuse(List)}, with sources that cannot decide alone: a group counts only when it holds a
     * source outside {@code needCompany} (the skin's level and the beats' amplitudes while the head sways:
     * the shading it paints moves them both, at its own rates).
     *
     * @param candidates  input: the sources' estimates (nulls allowed and skipped)
     * @param needCompany input: sources that count only beside another source agreeing with them
     */
    public RespirationResult fuse(List<RespirationEstimate> candidates, Set<RespirationSource> needCompany) {
        List<RespirationEstimate> all = new ArrayList<>();
        List<RespirationEstimate> credible = new ArrayList<>();
        for (RespirationEstimate e : candidates) {
            if (e == null) {
                continue;
            }
            all.add(e);
            if (e.quality() >= minQuality) {
                credible.add(e);
            }
        }
        List<List<RespirationEstimate>> groups = new ArrayList<>();
        List<RespirationEstimate> bestGroup = List.of();
        double bestSum = 0;
        boolean enoughButForSway = false;
        for (RespirationEstimate anchor : credible) {
            List<RespirationEstimate> group = new ArrayList<>();
            for (RespirationEstimate e : credible) {
                if (Math.abs(e.frequencyHz() - anchor.frequencyHz()) <= agreementHz) {
                    group.add(e);
                }
            }
            double sum = qualitySum(group);
            boolean strong = group.size() >= 2 || topQuality(group) >= soloQuality;
            boolean enough = strong && group.stream().anyMatch(e -> !needCompany.contains(e.source()));
            enoughButForSway |= strong && !enough;
            if (enough) {
                groups.add(group);
            }
            if (enough && sum > bestSum) {
                bestSum = sum;
                bestGroup = group;
            }
        }
        if (!bestGroup.isEmpty()) {
            // breathing moves and shades the face twice per cycle as well as once, so a rate can show at twice
            // itself; nothing the face shows lies at half. A credible group at half the winner's rate is the
            // breathing when the face shows it too: a series sampled at the beats can show a rhythm at half (beat
            // intervals with 15 of 32 left out read 11 /min under the head's 21.4 on a generated VP8 clip)
            double half = meanFrequency(bestGroup) / 2;
            double halfSum = 0;
            for (List<RespirationEstimate> g : groups) {
                double sum = qualitySum(g);
                if (Math.abs(meanFrequency(g) - half) <= agreementHz / 2 && sum > halfSum
                        && g.stream().anyMatch(e -> !e.source().fromBeats())) {
                    halfSum = sum;
                    bestGroup = g;
                }
            }
        }
        if (bestGroup.isEmpty()) {
            return RespirationResult.none(all, credible.isEmpty() ? RespirationResult.Shortfall.NO_RHYTHM
                    : enoughButForSway ? RespirationResult.Shortfall.HEAD_SWAY
                    : RespirationResult.Shortfall.UNCONFIRMED);
        }
        return RespirationResult.of(meanFrequency(bestGroup), topQuality(bestGroup), all, bestGroup);
    }
}
