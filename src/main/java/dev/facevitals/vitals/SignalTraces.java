package dev.facevitals.vitals;

import java.util.Arrays;
import java.util.List;

/**
 * Per-frame measurements of one scan: everything the vitals engine gets from the video, kept as primitive
 * arrays so memory grows with frame count only (a few dozen bytes per frame), never with pixels.
 *
 * <p>Times are the frames' own timestamps in seconds from the first frame: phone videos have variable
 * frame rates, so nothing here assumes a nominal fps.
 *
 * <p>For each skin region {@code k} (named by the vision code, for example forehead and cheeks) and frame
 * {@code i}: the mean red, green and blue of the region's skin pixels (0-255) and how many pixels that mean
 * covers (0 when the region was not visible). The face box centre and size are in pixels (for motion and
 * respiration cues).
 *
 * <p>Also the times of the frames that an inter-frame codec coded on their own after predicted ones (key
 * frames between P frames; none in all-intra video), and how many frames were predicted from others: the
 * engine takes no HRV from inter-frame coded video (docs/vitals.md, "Stop 19") and keeps the beat intervals
 * beside a key frame out of what breathing reads.
 */
public final class SignalTraces {

    private final List<String> regionNames;
    private final int frames;
    private final int width;
    private final int height;
    private final double[] time;
    private final boolean[] face;
    private final double[] faceX;
    private final double[] faceY;
    private final double[] faceSize;
    private final double[][] red;
    private final double[][] green;
    private final double[][] blue;
    private final int[][] pixels;
    private final double[] keyFrameTimes;
    private final int predictedFrames;

    private SignalTraces(Builder b) {
        this.regionNames = List.copyOf(b.regionNames);
        this.frames = b.n;
        this.width = b.width;
        this.height = b.height;
        this.time = Arrays.copyOf(b.time, b.n);
        this.face = Arrays.copyOf(b.face, b.n);
        this.faceX = Arrays.copyOf(b.faceX, b.n);
        this.faceY = Arrays.copyOf(b.faceY, b.n);
        this.faceSize = Arrays.copyOf(b.faceSize, b.n);
        int k = regionNames.size();
        this.red = new double[k][];
        this.green = new double[k][];
        this.blue = new double[k][];
        this.pixels = new int[k][];
        for (int r = 0; r < k; r++) {
            red[r] = Arrays.copyOf(b.red[r], b.n);
            green[r] = Arrays.copyOf(b.green[r], b.n);
            blue[r] = Arrays.copyOf(b.blue[r], b.n);
            pixels[r] = Arrays.copyOf(b.pixels[r], b.n);
        }
        this.keyFrameTimes = Arrays.copyOf(b.keyFrameTimes, b.keyFrames);
        this.predictedFrames = b.predictedFrames;
    }

    public static Builder builder(List<String> regionNames, int width, int height) {
        return new Builder(regionNames, width, height);
    }

    public int frames() {
        return frames;
    }

    public int regions() {
        return regionNames.size();
    }

    public String regionName(int k) {
        return regionNames.get(k);
    }

    public List<String> regionNames() {
        return regionNames;
    }

    /** Frame width of the source video in pixels. */
    public int width() {
        return width;
    }

    /** Frame height of the source video in pixels. */
    public int height() {
        return height;
    }

    /** Duration covered by the frames, in seconds (last timestamp minus first). */
    public double durationSec() {
        return frames < 2 ? 0 : time[frames - 1] - time[0];
    }

    // The accessors below hand out the internal arrays for speed: callers must not modify them.

    public double[] time() {
        return time;
    }

    public boolean[] faceFound() {
        return face;
    }

    /** Times (same clock as {@link #time()}) of the frames coded on their own after predicted ones, ascending. */
    public double[] keyFrameTimes() {
        return keyFrameTimes;
    }

    /** How many frames the codec predicted from others (P and B frames; 0 in all-intra or lossless video). */
    public int predictedFrames() {
        return predictedFrames;
    }

    /** Whether the video is inter-frame coded: frames predicted from others, or a key frame after such frames. */
    public boolean interCoded() {
        return predictedFrames > 0 || keyFrameTimes.length > 0;
    }

    public double[] faceX() {
        return faceX;
    }

    public double[] faceY() {
        return faceY;
    }

    public double[] faceSize() {
        return faceSize;
    }

    public double[] red(int region) {
        return red[region];
    }

    public double[] green(int region) {
        return green[region];
    }

    public double[] blue(int region) {
        return blue[region];
    }

    public int[] pixels(int region) {
        return pixels[region];
    }

    /** Collects frames one at a time; arrays grow by doubling. Not thread-safe. */
    public static final class Builder {
        private final List<String> regionNames;
        private final int width;
        private final int height;
        private int n;
        private double[] time = new double[1024];
        private boolean[] face = new boolean[1024];
        private double[] faceX = new double[1024];
        private double[] faceY = new double[1024];
        private double[] faceSize = new double[1024];
        private double[][] red;
        private double[][] green;
        private double[][] blue;
        private int[][] pixels;
        private double[] keyFrameTimes = new double[16];
        private int keyFrames;
        private int predictedFrames;

        private Builder(List<String> regionNames, int width, int height) {
            if (regionNames.isEmpty()) {
                throw new IllegalArgumentException("at least one region");
            }
            this.regionNames = List.copyOf(regionNames);
            this.width = width;
            this.height = height;
            int k = regionNames.size();
            red = new double[k][1024];
            green = new double[k][1024];
            blue = new double[k][1024];
            pixels = new int[k][1024];
        }

        /** Adds a frame where no face was found. */
        public Builder addMissing(double timeSec) {
            int i = grow(timeSec);
            face[i] = false;
            faceX[i] = Double.NaN;
            faceY[i] = Double.NaN;
            faceSize[i] = Double.NaN;
            for (int r = 0; r < regionNames.size(); r++) {
                red[r][i] = Double.NaN;
                green[r][i] = Double.NaN;
                blue[r][i] = Double.NaN;
                pixels[r][i] = 0;
            }
            return this;
        }

        /**
         * Adds a frame with a face.
         *
         * @param rgb   input: mean red, green, blue of region k at {@code 3k, 3k+1, 3k+2}; NaN when not visible
         * @param count input: skin pixels behind each region's mean
         */
        public Builder addFace(double timeSec, double centreX, double centreY, double size, double[] rgb,
                               int[] count) {
            int k = regionNames.size();
            if (rgb.length < 3 * k || count.length < k) {
                throw new IllegalArgumentException("expected " + k + " regions");
            }
            int i = grow(timeSec);
            face[i] = true;
            faceX[i] = centreX;
            faceY[i] = centreY;
            faceSize[i] = size;
            for (int r = 0; r < k; r++) {
                red[r][i] = rgb[3 * r];
                green[r][i] = rgb[3 * r + 1];
                blue[r][i] = rgb[3 * r + 2];
                pixels[r][i] = count[r];
            }
            return this;
        }

        /**
         * Marks the frame last added as coded on its own after predicted frames (a key frame between P frames).
         */
        public Builder keyFrame() {
            if (n == 0) {
                throw new IllegalStateException("no frame added yet");
            }
            if (keyFrames == keyFrameTimes.length) {
                keyFrameTimes = Arrays.copyOf(keyFrameTimes, 2 * keyFrames);
            }
            if (keyFrames == 0 || keyFrameTimes[keyFrames - 1] < time[n - 1]) {
                keyFrameTimes[keyFrames++] = time[n - 1];
            }
            return this;
        }

        /** Counts one frame the codec predicted from others (whether or not it was added: skipped ones count). */
        public Builder predicted() {
            predictedFrames++;
            return this;
        }

        public int size() {
            return n;
        }

        public SignalTraces build() {
            return new SignalTraces(this);
        }

        private int grow(double timeSec) {
            if (n > 0 && !(timeSec > time[n - 1])) {
                throw new IllegalArgumentException("timestamps must increase: " + timeSec + " after " + time[n - 1]);
            }
            if (n == time.length) {
                int cap = n * 2;
                time = Arrays.copyOf(time, cap);
                face = Arrays.copyOf(face, cap);
                faceX = Arrays.copyOf(faceX, cap);
                faceY = Arrays.copyOf(faceY, cap);
                faceSize = Arrays.copyOf(faceSize, cap);
                for (int r = 0; r < regionNames.size(); r++) {
                    red[r] = Arrays.copyOf(red[r], cap);
                    green[r] = Arrays.copyOf(green[r], cap);
                    blue[r] = Arrays.copyOf(blue[r], cap);
                    pixels[r] = Arrays.copyOf(pixels[r], cap);
                }
            }
            time[n] = timeSec;
            return n++;
        }
    }
}
