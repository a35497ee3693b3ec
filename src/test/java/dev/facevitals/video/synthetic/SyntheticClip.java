package dev.facevitals.video.synthetic;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a face video with a known pulse, breathing and heart-rate variability from a still photo: the
 * ground truth of the vitals benchmark. Deterministic for a given seed and options.
 *
 * <pre>{@code
 * SyntheticTruth truth = SyntheticClip.builder()
 *         .photo(Path.of("target/test-classes/photos/sample3.jpg"))
 *         .heartRate(55).durationSec(25).condition(Condition.HEAD_MOTION).seed(7)
 *         .write(Path.of("target/clips/hr55.mp4"));   // also writes hr55.mp4.truth.json
 * }</pre>
 *
 * <p>What is rendered, per frame: the photo's subject (head and shoulders, feathered) moves over a blurred
 * copy of the photo by breathing (vertical, at the respiratory rate) and optional head motion; the pulse
 * darkens skin pixels of the face (skin-coloured pixels inside the face ellipse) by a relative amount in
 * the skin's blood-volume direction (mostly green); lighting, highlights, flicker, exposure and noise follow
 * the {@link Conditions}. Everything is computed in floating point and rounded once, with dither, so a
 * pulse smaller than one level survives in the average over the skin. Compression is chosen with
 * {@link Builder#codec}: all-intra H.264 by default (keeps the pulse), phone-like H.264 as a condition.
 *
 * <p>Test code on purpose: it holds OpenCV and FFmpeg objects, which main code keeps inside {@code video/}.
 */
public final class SyntheticClip {

    /** Challenges that can be switched on with their default strength, see {@link Conditions}. */
    public enum Condition {
        HEAD_MOTION, SIDE_LIGHT, SPECULAR, SCREEN_FLICKER, EXPOSURE_STEPS, SENSOR_NOISE, VFR_JITTER, FACE_EXIT
    }

    /**
     * How strongly each challenge is rendered; 0 means off.
     *
     * @param headMotion       1.0 = translations up to 12 px (x) and 6 px (y), roll 4 degrees, scale 4 %,
     *                         turning (yaw) 20 degrees, as sums of slow sinusoids (0.05-0.8 Hz)
     * @param sideLight        light from the left: shading across the face of +/- this fraction, whose edge
     *                         moves across the face as it turns
     * @param specular         peak brightness of forehead and nose highlights, fraction of full scale
     * @param flickerAmplitude relative brightness swing of a bluish light (a screen) on the subject
     * @param flickerHz        frequency of that light (inside the pulse band by default)
     * @param exposureSteps    largest relative gain jump of the auto-exposure (steps every 4-8 s)
     * @param noiseSigma       Gaussian sensor noise, standard deviation in levels (0-255)
     * @param vfrJitter        frame intervals vary uniformly by +/- this fraction of the nominal one
     * @param faceExitStartSec when the face starts to slide out of the frame to the left (negative = never)
     * @param faceExitAwaySec  how long it stays out before sliding back
     * @param sharpBackground  keep the background sharp instead of blurred
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Conditions(double headMotion, double sideLight, double specular, double flickerAmplitude,
                             double flickerHz, double exposureSteps, double noiseSigma, double vfrJitter,
                             double faceExitStartSec, double faceExitAwaySec, boolean sharpBackground) {

        public static final Conditions NONE = new Conditions(0, 0, 0, 0, 1.6, 0, 0, 0, -1, 0, false);

        public Conditions {
            if (headMotion < 0 || headMotion > 3 || sideLight < 0 || sideLight > 0.6 || specular < 0
                    || specular > 1 || flickerAmplitude < 0 || flickerAmplitude > 0.1 || flickerHz <= 0
                    || exposureSteps < 0 || exposureSteps > 0.3 || noiseSigma < 0 || noiseSigma > 20
                    || vfrJitter < 0 || vfrJitter > 0.5 || faceExitAwaySec < 0) {
                throw new IllegalArgumentException("condition out of range: " + this);
            }
        }

        Conditions with(Condition c) {
            return switch (c) {
                case HEAD_MOTION -> withHeadMotion(1.0);
                case SIDE_LIGHT -> withSideLight(0.25);
                case SPECULAR -> withSpecular(0.3);
                case SCREEN_FLICKER -> withFlicker(flickerHz, 0.01);
                case EXPOSURE_STEPS -> withExposureSteps(0.08);
                case SENSOR_NOISE -> withNoise(2.0);
                case VFR_JITTER -> withVfrJitter(0.25);
                case FACE_EXIT -> withFaceExit(8.0, 3.0);
            };
        }

        Conditions withHeadMotion(double v) {
            return new Conditions(v, sideLight, specular, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withSideLight(double v) {
            return new Conditions(headMotion, v, specular, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withSpecular(double v) {
            return new Conditions(headMotion, sideLight, v, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withFlicker(double hz, double amplitude) {
            return new Conditions(headMotion, sideLight, specular, amplitude, hz, exposureSteps,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withExposureSteps(double v) {
            return new Conditions(headMotion, sideLight, specular, flickerAmplitude, flickerHz, v,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withNoise(double sigma) {
            return new Conditions(headMotion, sideLight, specular, flickerAmplitude, flickerHz, exposureSteps,
                    sigma, vfrJitter, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withVfrJitter(double v) {
            return new Conditions(headMotion, sideLight, specular, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, v, faceExitStartSec, faceExitAwaySec, sharpBackground);
        }

        Conditions withFaceExit(double startSec, double awaySec) {
            return new Conditions(headMotion, sideLight, specular, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, vfrJitter, startSec, awaySec, sharpBackground);
        }

        Conditions withSharpBackground(boolean v) {
            return new Conditions(headMotion, sideLight, specular, flickerAmplitude, flickerHz, exposureSteps,
                    noiseSigma, vfrJitter, faceExitStartSec, faceExitAwaySec, v);
        }
    }

    /** Relative pulse amplitude per channel (B, G, R): the skin's blood-volume signature, green strongest. */
    static final double[] PULSE_BGR = {0.53 / 0.77, 1.0, 0.33 / 0.77};
    /** Colour of the flickering screen light (B, G, R). */
    private static final double[] FLICKER_BGR = {1.0, 0.75, 0.55};
    private static final int NOISE_TABLE = 1 << 20;

    public static Builder builder() {
        return new Builder();
    }

    /** Options; every setter validates its range. */
    public static final class Builder {
        private Path photo;
        private int faceIndex;
        private int width = 640;
        private int height = 480;
        private int fps = 30;
        private double durationSec = 21;
        private double heartRate = 70;
        private double respiratoryRate = 15;
        private double amplitude = 0.003;
        private double[] pulseBgr = PULSE_BGR.clone();
        private double rsaMs = 25;
        private double mayerMs = 15;
        private double randomMs = 15;
        private int faceSize = 170;
        private double breathingPx = 2.0;
        private ClipEncoder.Codec codec = ClipEncoder.Codec.H264_INTRA;
        private long bitrate = 8_000_000;
        private int storedRotation;
        private long seed = 1;
        private Conditions conditions = Conditions.NONE;

        private Builder() {
        }

        /** The face photo (required). */
        public Builder photo(Path p) {
            photo = Objects.requireNonNull(p);
            return this;
        }

        /** Which face of the photo, largest first (default 0). */
        public Builder faceIndex(int i) {
            faceIndex = require(i, 0, 20, "faceIndex");
            return this;
        }

        /** Upright frame size (default 640 x 480, even numbers). */
        public Builder size(int w, int h) {
            if (w % 2 != 0 || h % 2 != 0) {
                throw new IllegalArgumentException("even sizes only: " + w + "x" + h);
            }
            width = require(w, 160, 1920, "width");
            height = require(h, 120, 1920, "height");
            return this;
        }

        /** Nominal frame rate (default 30). */
        public Builder fps(int f) {
            fps = require(f, 10, 60, "fps");
            return this;
        }

        /** Clip length in seconds, 1-900 (default 21, so the frames span at least 20 s). */
        public Builder durationSec(double s) {
            durationSec = require(s, 1, 900, "durationSec");
            return this;
        }

        /** Mean heart rate, 40-180 bpm (default 70). */
        public Builder heartRate(double bpm) {
            heartRate = require(bpm, 40, 180, "heartRate");
            return this;
        }

        /** Breathing rate, 6-30 per minute, i.e. 0.1-0.5 Hz (default 15). */
        public Builder respiratoryRate(double bpm) {
            respiratoryRate = require(bpm, 6, 30, "respiratoryRate");
            return this;
        }

        /** Peak-to-peak relative green change of skin from the pulse, 0.001-0.005 (default 0.003). */
        public Builder pulseAmplitude(double a) {
            amplitude = require(a, 0.001, 0.005, "pulseAmplitude");
            return this;
        }

        /**
         * Beat-to-beat variation: respiratory sinus arrhythmia amplitude, 0.1 Hz wave amplitude and random
         * part, all in ms (default 25, 15, 15).
         */
        public Builder hrv(double rsa, double mayer, double random) {
            rsaMs = require(rsa, 0, 150, "rsaMs");
            mayerMs = require(mayer, 0, 150, "mayerMs");
            randomMs = require(random, 0, 150, "randomMs");
            return this;
        }

        /**
         * Face box side in pixels (eyebrows to chin), 80-600 (default 170: a face about 200 px tall; a selfie at
         * 1080p is about 500).
         */
        public Builder faceSize(int px) {
            faceSize = require(px, 80, 600, "faceSize");
            return this;
        }

        /**
         * The pulse's colour, relative amplitude of blue, green and red (default: PBV's signature, skin under
         * white light, {@link #PULSE_BGR}); green stays at the pulse amplitude. Another light or camera moves it.
         */
        public Builder pulseColour(double blue, double green, double red) {
            pulseBgr = new double[] {blue / green, 1.0, red / green};
            return this;
        }

        /** Vertical breathing movement amplitude of head and shoulders, pixels (default 2). */
        public Builder breathingPx(double px) {
            breathingPx = require(px, 0, 20, "breathingPx");
            return this;
        }

        /**
         * How the clip is compressed (default {@link ClipEncoder.Codec#H264_INTRA}: H.264 that keeps the pulse).
         * {@link ClipEncoder.Codec#H264} is the phone-like compression condition.
         */
        public Builder codec(ClipEncoder.Codec c) {
            codec = Objects.requireNonNull(c);
            return this;
        }

        /** Target bitrate of lossy codecs (default 8 Mbit/s). */
        public Builder bitrate(long bps) {
            bitrate = require(bps, 100_000, 100_000_000, "bitrate");
            return this;
        }

        /**
         * Store the frames rotated with a display matrix, as phones store portrait video: the file holds the
         * pixels turned back by this many degrees and asks players to rotate them clockwise.
         */
        public Builder storedRotation(int degreesCw) {
            if (degreesCw % 90 != 0 || degreesCw < 0 || degreesCw >= 360) {
                throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + degreesCw);
            }
            storedRotation = degreesCw;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Switch a challenge on at its default strength. */
        public Builder condition(Condition c) {
            conditions = conditions.with(c);
            return this;
        }

        /** Set every challenge's strength at once. */
        public Builder conditions(Conditions c) {
            conditions = Objects.requireNonNull(c);
            return this;
        }

        /** Head motion and turning; 1.0 is the {@link Condition#HEAD_MOTION} default, up to 3. */
        public Builder headMotion(double strength) {
            conditions = conditions.withHeadMotion(strength);
            return this;
        }

        /** Light from the left: shading of +/- this fraction across the face (default 0.25), up to 0.6. */
        public Builder sideLight(double strength) {
            conditions = conditions.withSideLight(strength);
            return this;
        }

        /** Highlights on forehead and nose peaking at this fraction of full scale (default 0.3). */
        public Builder specular(double strength) {
            conditions = conditions.withSpecular(strength);
            return this;
        }

        /** A screen's bluish light on the subject, at {@code hz}, relative swing {@code amplitude} (0.01). */
        public Builder screenFlicker(double hz, double amplitude) {
            conditions = conditions.withFlicker(hz, amplitude);
            return this;
        }

        /** Auto-exposure steps of up to this relative size every 4-8 s (default 0.08). */
        public Builder exposureSteps(double maxStep) {
            conditions = conditions.withExposureSteps(maxStep);
            return this;
        }

        /** Gaussian sensor noise, standard deviation in levels (default 2). */
        public Builder sensorNoise(double sigma) {
            conditions = conditions.withNoise(sigma);
            return this;
        }

        /** Frame intervals vary uniformly by +/- this fraction of the nominal one (default 0.25), up to 0.5. */
        public Builder vfrJitter(double fraction) {
            conditions = conditions.withVfrJitter(fraction);
            return this;
        }

        /** The face slides out to the left from {@code startSec} (over 1 s), stays out, slides back. */
        public Builder faceExit(double startSec, double awaySec) {
            conditions = conditions.withFaceExit(startSec, awaySec);
            return this;
        }

        /** Keep the background sharp (default: blurred, which hides the subject's doubled outline). */
        public Builder sharpBackground(boolean sharp) {
            conditions = conditions.withSharpBackground(sharp);
            return this;
        }

        /** Renders the clip to {@code out} and its truth to {@code <out>.truth.json}. */
        public SyntheticTruth write(Path out) throws IOException {
            if (photo == null) {
                throw new IllegalStateException("photo is required");
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            return new Renderer(this, out).run();
        }

        private static int require(int v, int min, int max, String name) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + v);
            }
            return v;
        }

        private static long require(long v, long min, long max, String name) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + v);
            }
            return v;
        }

        private static double require(double v, double min, double max, String name) {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + v);
            }
            return v;
        }
    }

    /** One rendering run. */
    private static final class Renderer {
        private final Builder o;
        private final Conditions c;
        private final Path out;
        private final int w;
        private final int h;
        private final double respHz;
        private final double breathPhase;
        private final PulseModel pulse;
        private final double[][] motion; // per degree of freedom: {amplitude, frequency, phase} x 3
        private final double[] exposureTimes;
        private final double[] exposureGains;
        private final float[] noise;
        private final SplittableRandom noiseOffsets;
        private final SplittableRandom timing;

        Renderer(Builder o, Path out) {
            this.o = o;
            this.c = o.conditions;
            this.out = out;
            this.w = o.width;
            this.h = o.height;
            SplittableRandom root = new SplittableRandom(o.seed);
            SplittableRandom rPulse = root.split();
            SplittableRandom rMotion = root.split();
            SplittableRandom rExposure = root.split();
            SplittableRandom rNoise = root.split();
            timing = root.split();
            respHz = o.respiratoryRate / 60.0;
            breathPhase = rMotion.nextDouble() * 2 * Math.PI;
            pulse = new PulseModel(o.heartRate, respHz, o.rsaMs, o.mayerMs, o.randomMs, o.durationSec,
                    breathPhase, rPulse);
            motion = new double[5][9];
            for (double[] dof : motion) {
                double total = 0;
                for (int k = 0; k < 3; k++) {
                    dof[3 * k] = 0.5 + rMotion.nextDouble();
                    dof[3 * k + 1] = 0.05 + 0.75 * rMotion.nextDouble();
                    dof[3 * k + 2] = rMotion.nextDouble() * 2 * Math.PI;
                    total += dof[3 * k];
                }
                for (int k = 0; k < 3; k++) {
                    dof[3 * k] /= total; // the sum never exceeds 1
                }
            }
            List<double[]> steps = new ArrayList<>();
            double gain = 1;
            for (double t = 3 + 3 * rExposure.nextDouble(); t < o.durationSec; t += 4 + 4 * rExposure.nextDouble()) {
                double step = (0.3 + 0.7 * rExposure.nextDouble()) * c.exposureSteps();
                double next = rExposure.nextBoolean() ? gain * (1 + step) : gain / (1 + step);
                gain = Math.max(0.8, Math.min(1.2, next));
                steps.add(new double[] {t, gain});
            }
            exposureTimes = steps.stream().mapToDouble(s -> s[0]).toArray();
            exposureGains = steps.stream().mapToDouble(s -> s[1]).toArray();
            // Rounding to 8 bits would erase a pulse smaller than one level wherever the photo's values are
            // whole numbers: like a camera's own noise, triangular dither (sd 0.41 levels) keeps it on average.
            // Sensor noise, when asked for, dithers by itself.
            noise = new float[NOISE_TABLE];
            for (int i = 0; i < NOISE_TABLE; i++) {
                noise[i] = c.noiseSigma() > 0
                        ? (float) (c.noiseSigma() * rNoise.nextGaussian())
                        : (float) (rNoise.nextDouble() - rNoise.nextDouble());
            }
            noiseOffsets = rNoise.split();
        }

        private double motionValue(int dof, double t) {
            if (c.headMotion() == 0) {
                return 0;
            }
            double[] m = motion[dof];
            double v = 0;
            for (int k = 0; k < 3; k++) {
                v += m[3 * k] * Math.sin(2 * Math.PI * m[3 * k + 1] * t + m[3 * k + 2]);
            }
            return v * c.headMotion();
        }

        private double exposure(double t) {
            double g = 1;
            double prev = 1;
            for (int i = 0; i < exposureTimes.length && exposureTimes[i] <= t; i++) {
                double target = exposureGains[i];
                g = prev + (target - prev) * (1 - Math.exp(-(t - exposureTimes[i]) / 0.2));
                prev = target;
            }
            // Between steps the gain has settled; the last step's ramp is what g holds.
            return g;
        }

        /** Horizontal offset of the face-exit slide at t (pixels, negative = left). */
        private double exitOffset(double t, double distance) {
            if (c.faceExitStartSec() < 0) {
                return 0;
            }
            double t0 = c.faceExitStartSec();
            double t1 = t0 + 1 + c.faceExitAwaySec();
            double f;
            if (t < t0) {
                f = 0;
            } else if (t < t0 + 1) {
                f = smooth(t - t0);
            } else if (t < t1) {
                f = 1;
            } else if (t < t1 + 1) {
                f = 1 - smooth(t - t1);
            } else {
                f = 0;
            }
            return -distance * f;
        }

        private static double smooth(double x) {
            return x * x * (3 - 2 * x);
        }

        SyntheticTruth run() throws IOException {
            FaceScene scene = FaceScene.build(o.photo, o.faceIndex, w, h, o.faceSize, 0.42, !c.sharpBackground());
            double[] frameSec = frameTimes();
            int n = frameSec.length;
            boolean sideways = o.storedRotation == 90 || o.storedRotation == 270;
            ClipEncoder.Settings settings = ClipEncoder.Settings.of(o.codec, sideways ? h : w, sideways ? w : h)
                    .withFps(o.fps).withBitrate(o.bitrate).withRotation(o.storedRotation);

            double[] times = new double[n];
            double[] bvp = new double[n];
            double[] breath = new double[n];
            double[] fcx = new double[n];
            double[] fcy = new double[n];
            double[] fsz = new double[n];
            byte[] subject = new byte[w * h * 4];
            byte[] masks = new byte[w * h * 2];
            int[] region = new int[4];
            // Two frame buffers: frame i is rendered while the encoder thread compresses frame i - 1.
            byte[][] frames = {new byte[w * h * 3], new byte[w * h * 3]};
            byte[][] storedFrames = o.storedRotation == 0 ? frames : new byte[][] {new byte[w * h * 3], new byte[w * h * 3]};
            float[] shade = new float[w];
            double cx = scene.faceCenterX();
            double cy = scene.faceCenterY();
            double fs = scene.faceSize;
            double exitDistance = cx + 0.8 * fs + 2;
            double[] m = new double[6];

            ExecutorService encoderThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "synthetic-clip-encoder");
                t.setDaemon(true);
                return t;
            });
            try (ClipEncoder encoder = new ClipEncoder(out, settings);
                 SubjectWarper warper = new SubjectWarper(scene)) {
                Future<?> pending = null;
                for (int i = 0; i < n; i++) {
                    long ticks = Math.round(frameSec[i] * ClipEncoder.TIMESCALE);
                    double t = encoder.decodedMicros(ticks) / 1e6;
                    times[i] = t;
                    bvp[i] = pulse.bvp(t);
                    // Breathing: up (negative y) while breathing in, when RSA shortens the beat intervals.
                    breath[i] = -o.breathingPx * Math.sin(2 * Math.PI * respHz * t + breathPhase);
                    double dx = 12 * motionValue(0, t) + exitOffset(t, exitDistance);
                    double dy = 6 * motionValue(1, t) + breath[i];
                    double roll = Math.toRadians(4 * motionValue(2, t));
                    double scale = 1 + 0.04 * motionValue(3, t);
                    double yaw = Math.toRadians(20 * motionValue(4, t));
                    double sx = scale * Math.cos(yaw);
                    double cos = Math.cos(roll);
                    double sin = Math.sin(roll);
                    m[0] = cos * sx;
                    m[1] = -sin * scale;
                    m[3] = sin * sx;
                    m[4] = cos * scale;
                    double yawShift = 0.25 * fs * Math.sin(yaw);
                    m[2] = cx + dx + yawShift - (m[0] * cx + m[1] * cy);
                    m[5] = cy + dy - (m[3] * cx + m[4] * cy);
                    fcx[i] = cx + dx + yawShift;
                    fcy[i] = cy + dy;
                    fsz[i] = fs * scale;
                    warper.warp(m, subject, masks, region);
                    byte[] frame = frames[i % 2];
                    byte[] stored = storedFrames[i % 2];
                    render(t, bvp[i], yaw, fcx[i], fs, subject, masks, region, scene.background, shade, frame);
                    if (o.storedRotation != 0) {
                        rotateClockwise(frame, w, h, 360 - o.storedRotation, stored);
                    }
                    await(pending);
                    pending = encoderThread.submit(() -> {
                        encoder.write(stored, ticks);
                        return null;
                    });
                }
                await(pending);
                encoder.finish();
            } finally {
                encoderThread.shutdownNow();
            }

            double[] beats = pulse.peaksBetween(times[0], times[n - 1]);
            double[] stats = SyntheticTruth.hrv(beats);
            double[] ibi = new double[Math.max(0, beats.length - 1)];
            for (int i = 0; i < ibi.length; i++) {
                ibi[i] = (beats[i + 1] - beats[i]) * 1000;
            }
            SyntheticTruth truth = new SyntheticTruth(out.getFileName().toString(),
                    o.photo.getFileName().toString(), o.faceIndex,
                    new int[] {scene.photoFace.x(), scene.photoFace.y(), scene.photoFace.size()}, o.seed, w, h,
                    o.storedRotation, o.codec.name(), o.bitrate, o.fps, n, times[n - 1] - times[0], stats[0],
                    o.heartRate, beats, ibi, stats[1], stats[2], stats[3], o.respiratoryRate, o.amplitude,
                    o.pulseBgr.clone(), new double[] {scene.faceX, scene.faceY, scene.faceSize}, scene.skinPixels,
                    c, outOfFrame(times, fcx, fcy, fsz), times, bvp, breath, fcx, fcy, fsz);
            truth.write(SyntheticTruth.pathFor(out));
            return truth;
        }

        private double[] frameTimes() {
            double interval = 1.0 / o.fps;
            int n = (int) Math.round(o.durationSec * o.fps);
            double[] t = new double[n];
            long lastTicks = -1;
            double now = 0;
            for (int i = 0; i < n; i++) {
                long ticks = Math.round(now * ClipEncoder.TIMESCALE);
                if (ticks <= lastTicks) {
                    ticks = lastTicks + 1;
                }
                t[i] = (double) ticks / ClipEncoder.TIMESCALE;
                lastTicks = ticks;
                now += interval * (1 + c.vfrJitter() * (2 * timing.nextDouble() - 1));
            }
            return t;
        }

        private static void await(Future<?> job) throws IOException {
            if (job == null) {
                return;
            }
            try {
                job.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while encoding", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("encoding failed", e.getCause());
            }
        }

        private void render(double t, double p, double yaw, double faceX, double fs, byte[] subject,
                            byte[] masks, int[] region, byte[] background, float[] shade, byte[] frame) {
            double gain = exposure(t);
            double flick = c.flickerAmplitude() * Math.sin(2 * Math.PI * c.flickerHz() * t);
            float[] pulseK = new float[3];
            float[] subjectGain = new float[3];
            float[] backGain = new float[3];
            for (int ch = 0; ch < 3; ch++) {
                pulseK[ch] = (float) (o.amplitude * o.pulseBgr[ch] * p);
                subjectGain[ch] = (float) (gain * (1 + flick * FLICKER_BGR[ch]));
                backGain[ch] = (float) (gain * (1 + 0.3 * flick * FLICKER_BGR[ch]));
            }
            // Light from the left: the shading edge sits on the face and shifts as the head turns.
            double edge = faceX + 0.5 * fs * Math.sin(yaw);
            for (int x = 0; x < w; x++) {
                shade[x] = (float) (1 + c.sideLight() * Math.tanh((edge - x) / (0.5 * fs)));
            }
            // Mask byte (0-255) times this is the highlight in levels; highlights change as the head turns.
            float spec = (float) (c.specular() * (0.7 + 0.3 * Math.cos(3 * yaw)));
            int noiseAt = noiseOffsets.nextInt(NOISE_TABLE);
            int noiseMask = NOISE_TABLE - 1;
            final float inv = 1f / 255f;
            float pb = pulseK[0] * inv;
            float pg = pulseK[1] * inv;
            float pr = pulseK[2] * inv;
            float gb = subjectGain[0];
            float gg = subjectGain[1];
            float gr = subjectGain[2];
            float bb = backGain[0];
            float bg = backGain[1];
            float br = backGain[2];
            for (int y = 0; y < h; y++) {
                boolean faceRow = y >= region[1] && y < region[3];
                for (int x = 0; x < w; x++) {
                    int px = y * w + x;
                    int i = px * 3;
                    int j = px * 4;
                    float vb = (background[i] & 0xff) * bb;
                    float vg = (background[i + 1] & 0xff) * bg;
                    float vr = (background[i + 2] & 0xff) * br;
                    int alpha = subject[j + 3] & 0xff;
                    if (alpha != 0) {
                        float a = alpha * inv;
                        float sh = shade[x];
                        float sb = (subject[j] & 0xff) * sh * gb;
                        float sg = (subject[j + 1] & 0xff) * sh * gg;
                        float sr = (subject[j + 2] & 0xff) * sh * gr;
                        if (faceRow && x >= region[0] && x < region[2]) {
                            int k = masks[px * 2] & 0xff;
                            float sp = (masks[px * 2 + 1] & 0xff) * spec;
                            // The pulse darkens skin: more blood absorbs more light.
                            sb = sb * (1 - pb * k) + sp * gb;
                            sg = sg * (1 - pg * k) + sp * gg;
                            sr = sr * (1 - pr * k) + sp * gr;
                        }
                        vb += a * (sb - vb);
                        vg += a * (sg - vg);
                        vr += a * (sr - vr);
                    }
                    vb += noise[(noiseAt + i) & noiseMask];
                    vg += noise[(noiseAt + i + 1) & noiseMask];
                    vr += noise[(noiseAt + i + 2) & noiseMask];
                    frame[i] = level(vb);
                    frame[i + 1] = level(vg);
                    frame[i + 2] = level(vr);
                }
            }
        }

        private static byte level(float v) {
            int q = (int) (v + 0.5f);
            return (byte) (q < 0 ? 0 : Math.min(q, 255));
        }

        private List<double[]> outOfFrame(double[] times, double[] fcx, double[] fcy, double[] fsz) {
            List<double[]> spans = new ArrayList<>();
            double start = Double.NaN;
            for (int i = 0; i < times.length; i++) {
                double half = fsz[i] / 2;
                boolean inside = fcx[i] - half >= 0 && fcx[i] + half <= w && fcy[i] - half >= 0
                        && fcy[i] + half <= h;
                if (!inside && Double.isNaN(start)) {
                    start = times[i];
                } else if (inside && !Double.isNaN(start)) {
                    spans.add(new double[] {start, times[i - 1]});
                    start = Double.NaN;
                }
            }
            if (!Double.isNaN(start)) {
                spans.add(new double[] {start, times[times.length - 1]});
            }
            return spans;
        }
    }

    /** Rotates packed BGR {@code src} (w x h) clockwise by 90, 180 or 270 degrees into {@code dst}. */
    static void rotateClockwise(byte[] src, int w, int h, int degrees, byte[] dst) {
        int deg = Math.floorMod(degrees, 360);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = (y * w + x) * 3;
                int d = switch (deg) {
                    case 90 -> (x * h + (h - 1 - y)) * 3;
                    case 180 -> ((h - 1 - y) * w + (w - 1 - x)) * 3;
                    case 270 -> ((w - 1 - x) * h + y) * 3;
                    default -> s;
                };
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
    }

    private SyntheticClip() {
    }
}
