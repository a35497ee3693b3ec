package dev.facevitals.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact pulse wave recorded beside a video, as one of the layouts real datasets and devices use stores it.
 *
 * <ul>
 *   <li>{@code ubfc2}: UBFC-rPPG's DATASET_2 {@code ground_truth.txt}: three whitespace-separated rows, the PPG,
 *       the oximeter's heart rate, and each sample's time in seconds.</li>
 *   <li>{@code ubfc1}: UBFC-rPPG's DATASET_1 {@code gtdump.xmp}: comma-separated lines of time (ms), heart rate,
 *       SpO2 and PPG.</li>
 *   <li>{@code pure}: PURE's {@code <recording>.json}: {@code /FullPackage} entries, each a {@code Timestamp} in
 *       nanoseconds and a {@code Value} holding the oximeter's {@code waveform} and {@code pulseRate}.</li>
 *   <li>{@code e4}: an Empatica E4's BVP export, or UBFC-Phys's {@code bvp_<name>.csv} beside {@code vid_<name>.avi}:
 *       one value per line at 64 Hz (the E4's fixed BVP rate); when the file starts as the E4 writes it (its start
 *       time, a Unix time, then its sampling rate) the rate is taken from there.</li>
 *   <li>{@code csv}: {@code <video>.ppg.csv}, for anything else: lines of time (seconds) and PPG, comma-separated,
 *       an optional header line first.</li>
 * </ul>
 *
 * @param format             which of the above
 * @param file               where it was read from
 * @param timesSec           sample times, seconds on the recording's clock
 * @param ppg                the pulse wave
 * @param deviceHeartRateBpm the device's own heart rate per sample, or null where the layout has none
 * @param videoStartSec      the time of the video's first frame on the same clock: PURE's first {@code /Image}
 *                           time; for the other layouts the first sample's (they start with the video)
 */
public record ReferenceTrace(String format, Path file, double[] timesSec, double[] ppg, double[] deviceHeartRateBpm,
                             double videoStartSec) {

    /** A trace that starts with its video. */
    public ReferenceTrace(String format, Path file, double[] timesSec, double[] ppg, double[] deviceHeartRateBpm) {
        this(format, file, timesSec, ppg, deviceHeartRateBpm, timesSec.length == 0 ? 0 : timesSec[0]);
    }

    /** UBFC-rPPG DATASET_2's {@code ground_truth.txt}. */
    public static ReferenceTrace ubfc2(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(numbers(line.trim().split("[\\s,]+"), file, rows.size() + 1));
            }
        }
        if (rows.size() < 3) {
            throw new IOException(file + ": three rows expected (PPG, heart rate, time), found " + rows.size());
        }
        double[] ppg = rows.get(0);
        double[] hr = rows.get(1);
        double[] t = rows.get(2);
        if (ppg.length != t.length || hr.length != t.length) {
            throw new IOException(file + ": rows of " + ppg.length + ", " + hr.length + " and " + t.length
                    + " values: the PPG, heart-rate and time rows must be equally long");
        }
        return new ReferenceTrace("ubfc2", file, t, ppg, hr);
    }

    /** UBFC-rPPG DATASET_1's {@code gtdump.xmp}. */
    public static ReferenceTrace ubfc1(Path file) throws IOException {
        List<double[]> rows = columns(file, 4);
        double[] t = new double[rows.size()];
        double[] hr = new double[rows.size()];
        double[] ppg = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            double[] r = rows.get(i);
            t[i] = r[0] / 1000;
            hr[i] = r[1];
            ppg[i] = r[3];
        }
        return new ReferenceTrace("ubfc1", file, t, ppg, hr);
    }

    /** PURE's recording JSON. */
    public static ReferenceTrace pure(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode packages = root.path("/FullPackage");
        if (!packages.isArray() || packages.isEmpty()) {
            throw new IOException(file + ": no /FullPackage entries");
        }
        int n = packages.size();
        double[] t = new double[n];
        double[] ppg = new double[n];
        double[] hr = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = packages.get(i);
            JsonNode v = p.path("Value");
            if (!p.path("Timestamp").isNumber() || !v.path("waveform").isNumber()) {
                throw new IOException(file + ": /FullPackage entry " + i + " has no numeric Timestamp and waveform");
            }
            t[i] = p.get("Timestamp").asLong() / 1e9;
            ppg[i] = v.get("waveform").asDouble();
            hr[i] = v.path("pulseRate").asDouble(Double.NaN);
        }
        JsonNode images = root.path("/Image");
        double start = images.isArray() && !images.isEmpty() ? images.get(0).path("Timestamp").asLong() / 1e9 : t[0];
        return new ReferenceTrace("pure", file, t, ppg, hr, start);
    }

    /** The E4's fixed BVP rate, Hz. */
    static final double E4_BVP_HZ = 64;

    /** An Empatica E4 BVP export or UBFC-Phys's {@code bvp_<name>.csv}: one value a line (see the class notes). */
    public static ReferenceTrace e4(Path file) throws IOException {
        List<Double> values = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.isEmpty()) {
                values.add(numbers(new String[] {line.split("\\s*,\\s*")[0]}, file, i + 1)[0]);
            }
        }
        double rate = E4_BVP_HZ;
        int first = 0;
        // the E4's own header: the session's start (a Unix time) and the sampling rate
        if (values.size() > 2 && values.get(0) > 1e8 && values.get(1) >= 1 && values.get(1) <= 10_000) {
            rate = values.get(1);
            first = 2;
        }
        int n = values.size() - first;
        if (n < 2) {
            throw new IOException(file + ": no samples");
        }
        double[] t = new double[n];
        double[] ppg = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rate;
            ppg[i] = values.get(first + i);
        }
        return new ReferenceTrace("e4", file, t, ppg, null);
    }

    /** A plain {@code time_s,ppg} CSV. */
    public static ReferenceTrace csv(Path file) throws IOException {
        List<double[]> rows = columns(file, 2);
        double[] t = new double[rows.size()];
        double[] ppg = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            ppg[i] = rows.get(i)[1];
        }
        return new ReferenceTrace("csv", file, t, ppg, null);
    }

    /** The mean of the device's own heart rate, NaN when it has none. */
    public double deviceMeanBpm() {
        if (deviceHeartRateBpm == null) {
            return Double.NaN;
        }
        double s = 0;
        int n = 0;
        for (double v : deviceHeartRateBpm) {
            if (Double.isFinite(v) && v > 0) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Comma-separated lines of at least {@code min} numbers; a first line that is not numbers is a header. */
    private static List<double[]> columns(Path file, int min) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (i == 0 && !Character.isDigit(line.charAt(0)) && line.charAt(0) != '-'
                    && line.charAt(0) != '.')) {
                continue;
            }
            double[] r = numbers(line.split("\\s*,\\s*"), file, i + 1);
            if (r.length < min) {
                throw new IOException(file + " line " + (i + 1) + ": " + min + " columns expected, found " + r.length);
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no samples");
        }
        return rows;
    }

    private static double[] numbers(String[] fields, Path file, int line) throws IOException {
        double[] out = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                out[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + line + ": not a number: " + fields[i]);
            }
        }
        return out;
    }
}
