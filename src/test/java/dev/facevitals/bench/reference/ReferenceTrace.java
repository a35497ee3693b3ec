package dev.facevitals.bench.reference;

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
 *   <li>{@code csv}: {@code <video>.ppg.csv}, for anything else: lines of time (seconds) and PPG, comma-separated,
 *       an optional header line first.</li>
 * </ul>
 *
 * @param format             which of the above
 * @param file               where it was read from
 * @param timesSec           sample times, seconds on the recording's clock
 * @param ppg                the pulse wave
 * @param deviceHeartRateBpm the device's own heart rate per sample, or null where the layout has none
 */
public record ReferenceTrace(String format, Path file, double[] timesSec, double[] ppg, double[] deviceHeartRateBpm) {

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
