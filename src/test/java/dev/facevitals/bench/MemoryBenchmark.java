package dev.facevitals.bench;

import dev.facevitals.scan.analysis.AnalysisOutcome;
import dev.facevitals.scan.analysis.PipelineAnalyzer;
import dev.facevitals.scan.analysis.VideoAnalyzer;
import dev.facevitals.video.DecoderSettings;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.SyntheticClip;
import dev.facevitals.video.synthetic.SyntheticTruth;
import dev.facevitals.vision.VisionSettings;
import dev.facevitals.vision.opencv.OpenCvVision;
import dev.facevitals.vitals.DefaultVitalsEngine;
import dev.facevitals.vitals.SignalTraces;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a scan's memory stays flat as the video grows (a command for measurements, not a test). For each
 * length given (seconds), a still face clip (640x480, 30 fps, sensor noise, all-intra H.264, cached in
 * {@code target/memory-clips}) is scanned by the worker's path ({@link PipelineAnalyzer}: decode, tracking,
 * skin sampling, vitals engine) in a fresh JVM with the same heap limit, which prints: frames, the outcome,
 * the peak of the heap in use during the scan (sampled; garbage included: it fills towards the limit
 * before a collection), the heap still in use after a collection once the scan is over (its traces still held), the
 * process's peak resident memory ({@code VmHWM}: heap, the native decoder and OpenCV buffers, the models) and
 * the size of the per-frame traces the scan keeps.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.facevitals.bench.MemoryBenchmark \
 *     [--xmx 96m] 30 120 480
 * </pre>
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 2 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        String xmx = "96m";
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--xmx")) {
                xmx = args[++i];
            } else {
                lengths.add(Integer.parseInt(args[i]));
            }
        }
        if (lengths.isEmpty()) {
            lengths = List.of(30, 120, 480);
        }
        Path dir = Path.of("target", "memory-clips");
        Files.createDirectories(dir);
        System.out.printf("MemoryBenchmark: each scan in its own JVM with -Xmx%s, decoder threads 1%n", xmx);
        System.out.println("  length   frames  outcome              heap peak  heap after  resident peak  traces");
        for (int sec : lengths) {
            Path clip = clip(dir, sec);
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), MemoryBenchmark.class.getName(),
                    "--child", clip.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String line = null;
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    all.append(l).append('\n');
                    if (l.startsWith("RESULT ")) {
                        line = l.substring("RESULT ".length());
                    }
                }
            }
            int rc = p.waitFor();
            if (rc != 0 || line == null) {
                System.out.printf("  %4d s   the scan's JVM ended with %d:%n%s", sec, rc, all);
                continue;
            }
            System.out.printf("  %4d s   %s%n", sec, line);
        }
    }

    /** The cached clip of {@code sec} seconds, generated the first time. */
    private static Path clip(Path dir, int sec) throws IOException {
        Path clip = dir.resolve("still-" + sec + "s.mp4");
        if (Files.exists(clip) && Files.exists(SyntheticTruth.pathFor(clip))) {
            return clip;
        }
        long t0 = System.nanoTime();
        SyntheticClip.builder().photo(Path.of("target", "test-classes", "photos", "sample3.jpg")).faceSize(200)
                .heartRate(72).respiratoryRate(15).durationSec(sec + 0.5).sensorNoise(2)
                .codec(ClipEncoder.Codec.H264_INTRA).seed(("memory-" + sec).hashCode()).write(clip);
        System.out.printf("  generated %s in %.1f s%n", clip.getFileName(), (System.nanoTime() - t0) / 1e9);
        return clip;
    }

    /** Scans one clip and prints one RESULT line. */
    private static void child(Path clip) throws Exception {
        VideoDecoder decoder = new VideoDecoder(DecoderSettings.defaults().withThreads(1));
        try (OpenCvVision vision = new OpenCvVision(VisionSettings.defaults())) {
            PipelineAnalyzer analyzer = new PipelineAnalyzer(decoder, vision, new DefaultVitalsEngine(), 20);
            System.gc();
            // the heap in use, garbage included, sampled every 2 ms (the pools' own peaks come at different
            // moments and do not add up)
            Runtime rt = Runtime.getRuntime();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    LockSupport.parkNanos(2_000_000);
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            SignalTraces[] tap = new SignalTraces[1];
            AnalysisOutcome o = analyzer.analyze(clip, VideoAnalyzer.Progress.NONE, t -> tap[0] = t);
            running.set(false);
            sampler.join();
            // what stays reachable once the scan is over, with its traces still held: the traces and the models
            System.gc();
            long retained = rt.totalMemory() - rt.freeMemory();
            Double rr = o.vitals() == null ? null : o.vitals().respiratoryRateBpm();
            String outcome = o.failure() != null ? "error " + o.failure().code()
                    : String.format("HR %.1f, RR %s", o.vitals().heartRateBpm(), rr == null ? "-"
                    : String.format("%.1f", rr));
            long traceBytes = tap[0] == null ? 0 : (long) tap[0].frames() * (5 + 3 * tap[0].regions()) * 8
                    + (long) tap[0].frames() * tap[0].regions() * 4;
            System.out.printf("RESULT %6d  %-20s %7.1f MB %8.1f MB %9.1f MB %6.1f MB%n", o.video().frames(), outcome,
                    peak.get() / 1e6, retained / 1e6, residentPeakKb() / 1e3, traceBytes / 1e6);
        }
    }

    /** Peak resident set of this process, kB ({@code VmHWM} of /proc/self/status), or -1 elsewhere. */
    private static long residentPeakKb() throws IOException {
        File status = new File("/proc/self/status");
        if (!status.exists()) {
            return -1;
        }
        for (String l : Files.readAllLines(status.toPath())) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
