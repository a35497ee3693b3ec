package dev.facevitals.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The reference beats {@link ReferenceImport} wrote into a video's truth JSON, on the video's clock, so that the
 * benchmark can judge the engine against the beats of the stretch it analysed rather than the whole recording
 * (a face that comes and goes leaves the engine a shorter stretch).
 *
 * @param timesSec each beat's time, seconds from the video's first frame
 * @param accepted per interval, whether the reference counts it
 */
public record ReferenceBeats(double[] timesSec, boolean[] accepted) {

    public ReferenceBeats {
        if (accepted.length != Math.max(0, timesSec.length - 1)) {
            throw new IllegalArgumentException(accepted.length + " interval flags for " + timesSec.length + " beats");
        }
    }

    /** The beats in a truth JSON, or null when it has none (not written by {@link ReferenceImport}). */
    public static ReferenceBeats read(Path truthJson) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(truthJson.toFile()).path("reference");
        JsonNode times = ref.path("beat_times_sec");
        JsonNode ok = ref.path("accepted_intervals");
        if (!times.isArray() || !ok.isArray() || ok.size() != Math.max(0, times.size() - 1)) {
            return null;
        }
        double[] t = new double[times.size()];
        boolean[] a = new boolean[ok.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i).asDouble();
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = ok.get(i).asBoolean();
        }
        return new ReferenceBeats(t, a);
    }

    /**
     * Heart rate, SDNN and RMSSD (the benchmark's truth order, breathing NaN) of the intervals lying wholly in
     * {@code [from, to]}; HRV NaN where {@link ReferenceImport} would withhold it.
     */
    public double[] truthWithin(double from, double to) {
        int first = 0;
        while (first < timesSec.length && timesSec[first] < from) {
            first++;
        }
        int last = timesSec.length - 1;
        while (last >= 0 && timesSec[last] > to) {
            last--;
        }
        if (last - first < 1) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] t = Arrays.copyOfRange(timesSec, first, last + 1);
        double[] ibi = new double[t.length - 1];
        boolean[] a = Arrays.copyOfRange(accepted, first, last);
        for (int i = 0; i < ibi.length; i++) {
            ibi[i] = 1000 * (t[i + 1] - t[i]);
        }
        ContactPulse.Stats s = new ContactPulse.Beats(t, ibi, a, false, Double.NaN, Double.NaN).stats();
        boolean hrv = ReferenceImport.hrvCredible(s);
        return new double[] {s.heartRateBpm(), Double.NaN, hrv ? s.sdnnMs() : Double.NaN,
                hrv ? s.rmssdMs() : Double.NaN};
    }
}
