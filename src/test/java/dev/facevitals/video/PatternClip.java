package dev.facevitals.video;

import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.vision.ImageView;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Small test clips with known pixels: frame {@code i} is a horizontal gradient whose green level is
 * {@code (10 * i) % 200 + 20}, with a red marker square in the top-left corner of the upright picture and a
 * blue one in the top-right, so orientation and frame order can be read back.
 */
public final class PatternClip {

    static final int MARKER = 12;

    private PatternClip() {
    }

    /** Expected B, G, R of pixel (x, y) of upright frame {@code i} ({@code w} wide). */
    static int[] expected(int i, int x, int y, int w) {
        if (y < MARKER && x < MARKER) {
            return new int[] {0, 0, 255};
        }
        if (y < MARKER && x >= w - MARKER) {
            return new int[] {255, 0, 0};
        }
        return new int[] {(x * 255) / Math.max(1, w - 1), (10 * i) % 200 + 20, 128};
    }

    /** The upright picture of frame {@code i}, packed BGR. */
    static byte[] frame(int i, int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = expected(i, x, y, w);
                int o = (y * w + x) * 3;
                bgr[o] = (byte) c[0];
                bgr[o + 1] = (byte) c[1];
                bgr[o + 2] = (byte) c[2];
            }
        }
        return bgr;
    }

    /**
     * Writes {@code ticks.length} pattern frames, upright size {@code w x h}, stored rotated back by
     * {@code rotationCw} with a display matrix asking for that clockwise rotation.
     *
     * @return the timestamps (microseconds from the first frame) a decoder must report
     */
    public static long[] write(Path file, ClipEncoder.Codec codec, int w, int h, long[] ticks, int rotationCw,
                        boolean moovAtStart) throws IOException {
        boolean sideways = rotationCw == 90 || rotationCw == 270;
        ClipEncoder.Settings settings = ClipEncoder.Settings.of(codec, sideways ? h : w, sideways ? w : h)
                .withRotation(rotationCw).withMoovAtStart(moovAtStart);
        long[] micros = new long[ticks.length];
        byte[] stored = new byte[w * h * 3];
        try (ClipEncoder encoder = new ClipEncoder(file, settings)) {
            for (int i = 0; i < ticks.length; i++) {
                byte[] upright = frame(i, w, h);
                if (rotationCw != 0) {
                    rotate(upright, w, h, 360 - rotationCw, stored);
                    encoder.write(stored, ticks[i]);
                } else {
                    encoder.write(upright, ticks[i]);
                }
                micros[i] = encoder.decodedMicros(ticks[i]);
            }
        }
        return micros;
    }

    /**
     * Writes {@code frames} frames of noise at 30 frames/s, upright size {@code w x h}, stored on their side
     * for a display rotation of 90 or 270 degrees (noise has no upright: the stored pixels are what they are).
     */
    public static void writeNoise(Path file, ClipEncoder.Codec codec, int w, int h, int rotationCw, long seed,
                                  int frames) throws IOException {
        int sw = rotationCw % 180 == 0 ? w : h;
        int sh = rotationCw % 180 == 0 ? h : w;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        try (ClipEncoder enc = new ClipEncoder(file, ClipEncoder.Settings.of(codec, sw, sh).withRotation(rotationCw))) {
            for (int i = 0; i < frames; i++) {
                byte[] stored = new byte[sw * sh * 3];
                rnd.nextBytes(stored);
                enc.write(stored, i * (long) ClipEncoder.TIMESCALE / 30);
            }
        }
    }

    /** Constant frame rate ticks for {@code n} frames at {@code fps}. */
    public static long[] cfr(int n, int fps) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.round((double) i * ClipEncoder.TIMESCALE / fps);
        }
        return t;
    }

    static int[] pixel(ImageView v, int x, int y) {
        int o = v.offset(x, y);
        return new int[] {v.pixels().get(o) & 0xff, v.pixels().get(o + 1) & 0xff, v.pixels().get(o + 2) & 0xff};
    }

    /** Packed BGR rotation, clockwise by 90, 180 or 270 degrees. */
    static void rotate(byte[] src, int w, int h, int degrees, byte[] dst) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = (y * w + x) * 3;
                int d = switch (Math.floorMod(degrees, 360)) {
                    case 90 -> (x * h + (h - 1 - y)) * 3;
                    case 180 -> ((h - 1 - y) * w + (w - 1 - x)) * 3;
                    case 270 -> ((w - 1 - x) * h + y) * 3;
                    default -> s;
                };
                System.arraycopy(src, s, dst, d, 3);
            }
        }
    }
}
