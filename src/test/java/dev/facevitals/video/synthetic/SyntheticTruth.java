package dev.facevitals.video.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ground truth of one synthetic clip, written beside it as {@code <clip>.truth.json} (snake_case keys).
 *
 * <p>Times are seconds from the first frame, exactly the timestamps the decoder reports. Heart-rate figures
 * come from the beats actually rendered, not from the requested rate.
 *
 * @param clip               the clip's file name
 * @param photo              the source photo's file name
 * @param faceIndex          which detected face (largest first)
 * @param facePhotoBox       that face's box in the photo: x, y, size (pixels)
 * @param seed               the random seed; same seed and options give the same file
 * @param width              frame width as decoded (upright)
 * @param height             frame height as decoded (upright)
 * @param storedRotationDeg  clockwise display rotation stored in the container (pixels stored rotated back)
 * @param codec              encoder used ({@link ClipEncoder.Codec} name)
 * @param bitrate            target bits per second of lossy codecs
 * @param nominalFps         frame rate asked for; with VFR jitter the frame times say what happened
 * @param frameCount         frames in the file
 * @param durationSec        last frame time minus first
 * @param heartRateBpm       60 / mean interval between the listed beats
 * @param heartRateTargetBpm the mean rate asked for
 * @param beatTimesSec       systolic peaks of the blood-volume pulse (minima of skin brightness) inside the clip
 * @param ibiMs              intervals between consecutive listed beats
 * @param sdnnMs             sample standard deviation of {@code ibiMs}
 * @param rmssdMs            root mean square of successive interval differences
 * @param pnn50Pct           percentage of successive differences larger than 50 ms
 * @param respiratoryRateBpm breathing rate (head and shoulders move vertically at it)
 * @param pulseAmplitude     peak-to-peak relative change of green skin brightness from the pulse
 * @param pulseWeightsBgr    relative pulse amplitude per channel (blue, green, red)
 * @param faceBox            face box in the frame at the rest pose: x, y, size
 * @param skinPixels         pixels the pulse modulates at the rest pose
 * @param conditions         what else was rendered, and how strongly
 * @param faceOutOfFrameSec  intervals [start, end] in which the face box is not wholly inside the frame
 * @param frameTimesSec      each frame's timestamp
 * @param bvp                each frame's blood-volume pulse value (zero mean, peak-to-peak about 1; skin is
 *                           darkest where it peaks)
 * @param breathPx           each frame's vertical breathing offset of head and shoulders, pixels (negative up)
 * @param faceCenterX        each frame's face centre, x (all motion included)
 * @param faceCenterY        each frame's face centre, y
 * @param faceSize           each frame's face box side
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyntheticTruth(
        String clip,
        String photo,
        int faceIndex,
        int[] facePhotoBox,
        long seed,
        int width,
        int height,
        int storedRotationDeg,
        String codec,
        long bitrate,
        double nominalFps,
        int frameCount,
        double durationSec,
        double heartRateBpm,
        double heartRateTargetBpm,
        double[] beatTimesSec,
        double[] ibiMs,
        double sdnnMs,
        double rmssdMs,
        double pnn50Pct,
        double respiratoryRateBpm,
        double pulseAmplitude,
        double[] pulseWeightsBgr,
        double[] faceBox,
        int skinPixels,
        SyntheticClip.Conditions conditions,
        List<double[]> faceOutOfFrameSec,
        double[] frameTimesSec,
        double[] bvp,
        double[] breathPx,
        double[] faceCenterX,
        double[] faceCenterY,
        double[] faceSize) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the truth of {@code clip} lives: {@code <clip>.truth.json} beside it. */
    public static Path pathFor(Path clip) {
        return clip.resolveSibling(clip.getFileName() + ".truth.json");
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static SyntheticTruth read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), SyntheticTruth.class);
    }

    /** HRV statistics of a list of beat times: {mean HR bpm, SDNN ms, RMSSD ms, pNN50 %}. */
    static double[] hrv(double[] beats) {
        int n = beats.length - 1;
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] ibi = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ibi[i] = (beats[i + 1] - beats[i]) * 1000;
            mean += ibi[i];
        }
        mean /= n;
        double var = 0;
        for (double v : ibi) {
            var += (v - mean) * (v - mean);
        }
        double sdnn = Math.sqrt(var / (n - 1));
        double ss = 0;
        int over50 = 0;
        for (int i = 1; i < n; i++) {
            double d = ibi[i] - ibi[i - 1];
            ss += d * d;
            if (Math.abs(d) > 50) {
                over50++;
            }
        }
        double rmssd = Math.sqrt(ss / (n - 1));
        return new double[] {60000 / mean, sdnn, rmssd, 100.0 * over50 / (n - 1)};
    }
}
