package dev.facevitals.vitals;

import dev.facevitals.vitals.respiration.RespirationResult;
import dev.facevitals.vitals.rppg.PulseMethod;

import java.util.List;

/**
 * The engine's result with the intermediate figures behind it, for logs, debugging and tuning. Values not
 * computed (because an earlier step failed) are NaN, empty or null.
 *
 * @param result             what the worker reports
 * @param method             rPPG method used
 * @param sampleRateHz       uniform rate the traces were resampled to, Hz
 * @param segmentStartSec    start of the stretch analysed, seconds from the first frame
 * @param segmentDurationSec its duration, s
 * @param regions            names of the regions analysed (visible throughout the stretch)
 * @param regionSnrDb        pulse SNR of each of those regions, dB
 * @param regionWeights      their fusion weights
 * @param heartRateHz        spectral heart rate of the fused pulse before any quality gate, Hz
 * @param subharmonicChosen  whether the strongest peak was taken for the second harmonic
 * @param motionRatio        in-band face motion RMS over face size
 * @param artefactRatio      out-of-band over in-band colour power
 * @param beats              beats detected (these five: on HRV's long-window wave when there are two)
 * @param acceptedIntervals  inter-beat intervals that passed artefact rejection
 * @param beatSnrDb          consistency of the beats' shapes (see BeatQuality), dB
 * @param timingNoiseMs      beat-timing noise estimated for the HRV correction, ms (see TimingNoise)
 * @param rmssdNoiseShare    share of the measured RMSSD^2 that timing noise explains, 0-1 and beyond
 * @param respiration        breathing estimates per source and fused (null when not computed)
 * @param pbvSignature       PBV's signature (R, G, B, unit length) when the skin's own measured one was used
 *                           instead of the standard one; null otherwise (and for the other methods)
 */
public record VitalsAnalysis(VitalsResult result, PulseMethod method, double sampleRateHz, double segmentStartSec,
                             double segmentDurationSec, List<String> regions, double[] regionSnrDb,
                             double[] regionWeights, double heartRateHz, boolean subharmonicChosen,
                             double motionRatio, double artefactRatio, int beats, int acceptedIntervals,
                             double beatSnrDb, double timingNoiseMs, double rmssdNoiseShare,
                             RespirationResult respiration, double[] pbvSignature) {

    public VitalsAnalysis {
        regions = List.copyOf(regions);
    }

    static VitalsAnalysis early(VitalsResult.SignalFailure failure, PulseMethod method, double fs) {
        return new VitalsAnalysis(VitalsResult.failed(failure, Double.NaN), method, fs, Double.NaN, Double.NaN,
                List.of(), new double[0], new double[0], Double.NaN, false, Double.NaN, Double.NaN, 0, 0, Double.NaN,
                Double.NaN, Double.NaN, null, null);
    }
}
