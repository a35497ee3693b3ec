package dev.facevitals.bench;

import dev.facevitals.scan.analysis.PipelineAnalyzer;
import dev.facevitals.scan.analysis.VideoAnalyzer;
import dev.facevitals.video.DecoderSettings;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.DefaultVitalsEngine;
import dev.facevitals.vitals.SignalTraces;
import dev.facevitals.vitals.VitalsAnalysis;
import dev.facevitals.vitals.VitalsSettings;
import dev.facevitals.vitals.signal.SosFilter;
import dev.facevitals.vitals.signal.Stats;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a generated clip's pulse went (a command for investigations, not a test). For each clip with its
 * truth beside it: runs the scan path once and, per region and colour, regresses the skin trace (relative to
 * its mean, band-passed 0.6-4.5 Hz) on the truth pulse waveform: the gain (how much of the rendered pulse
 * is in the trace; the truth amplitude is 0.003 peak-to-peak per unit of the waveform) and the in-band SNR
 * of the trace against that fit. Then the default engine with the HRV gate opened, to show what SDNN and
 * RMSSD would be without it.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.TraceDiagnostics \
 *     target/bench-clips/still-0-obama-hr76-rr18-20s.mp4 ...
 * </pre>
 */
public final class TraceDiagnostics {

    private TraceDiagnostics() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        VideoDecoder decoder = new VideoDecoder(DecoderSettings.defaults().withThreads(1));
        try (OpenCvVision vision = new OpenCvVision(VisionSettings.defaults())) {
            for (String arg : args) {
                Path clip = Path.of(arg);
                SyntheticTruth truth = SyntheticTruth.read(SyntheticTruth.pathFor(clip));
                SignalTraces[] tap = new SignalTraces[1];
                new PipelineAnalyzer(decoder, vision, new DefaultVitalsEngine(), 1)
                        .analyze(clip, VideoAnalyzer.Progress.NONE, t -> tap[0] = t);
                System.out.println(clip.getFileName());
                if (tap[0] == null) {
                    System.out.println("  no traces (face checks failed)");
                    continue;
                }
                regions(tap[0], truth);
                ungatedHrv(tap[0], truth);
            }
        }
    }

    static void regions(SignalTraces t, SyntheticTruth truth) {
        int n = Math.min(t.frames(), truth.bvp().length);
        SosFilter bp = SosFilter.butterworthBandPass(4, 0.6, 4.5, 30);
        double[] b = bp.filtfilt(Arrays.copyOf(truth.bvp(), n));
        int edge = Math.min(30, n / 4);
        for (int k = 0; k < t.regions(); k++) {
            StringBuilder line = new StringBuilder(String.format("  %-12s", t.regionName(k)));
            for (int c = 0; c < 3; c++) {
                double[] x = Arrays.copyOf(c == 0 ? t.red(k) : c == 1 ? t.green(k) : t.blue(k), n);
                boolean finite = true;
                for (double v : x) {
                    finite &= Double.isFinite(v);
                }
                if (!finite) {
                    line.append(String.format(" | %s gaps", "RGB".charAt(c)));
                    continue;
                }
                double m = Stats.mean(x);
                for (int i = 0; i < n; i++) {
                    x[i] = x[i] / m - 1;
                }
                double[] y = bp.filtfilt(x);
                double sxy = 0;
                double sxx = 0;
                double syy = 0;
                for (int i = edge; i < n - edge; i++) {
                    sxy += b[i] * y[i];
                    sxx += b[i] * b[i];
                    syy += y[i] * y[i];
                }
                double gain = sxy / sxx;
                double signal = gain * gain * sxx;
                line.append(String.format(" | %s gain %8.5f SNR %6.1f dB", "RGB".charAt(c), -gain,
                        10 * Math.log10(signal / (syy - signal))));
            }
            System.out.println(line);
        }
    }

    private static void ungatedHrv(SignalTraces t, SyntheticTruth truth) {
        VitalsSettings.Hrv h = VitalsSettings.DEFAULTS.hrv();
        VitalsAnalysis a = new DefaultVitalsEngine(VitalsBenchmark.hrvGateOpened(VitalsSettings.DEFAULTS)).analyse(t);
        System.out.printf("  HRV gate opened: SDNN %s ms (truth %.1f), RMSSD %s ms (truth %.1f), pulse SNR %.1f dB,"
                        + " beat SNR gate %.0f dB%n", fmt(a.result().sdnnMs()), truth.sdnnMs(),
                fmt(a.result().rmssdMs()), truth.rmssdMs(), a.result().pulseSnrDb(), h.minBeatSnrDb());
        for (VitalsAnalysis.BeatWave w : a.beatWaves()) {
            System.out.printf("    %.1f s wave: SDNN %s, RMSSD %s ms, beat SNR %.1f dB, intervals accepted %d of %d,"
                            + " timing noise %.1f ms (%.0f%% of RMSSD^2, taken off)%n", w.windowSec(),
                    fmt(w.sdnnMs()), fmt(w.rmssdMs()), w.beatSnrDb(), w.acceptedIntervals(),
                    Math.max(0, w.beats() - 1), w.timingNoiseMs(), 100 * w.rmssdNoiseShare());
        }
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format("%.1f", v);
    }
}
