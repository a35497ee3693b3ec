package dev.facevitals.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.ClipEncoder.Codec;
import dev.facevitals.vision.ImageView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegFrameSourceTest {

    @TempDir
    Path dir;

    private final VideoDecoder decoder = new VideoDecoder();

    /** Width 322: rows of 966 bytes, padded to 1024 in the output buffer, so stride != 3 * width. */
    private static final int W = 322;
    private static final int H = 242;

    @Test
    void losslessClipComesBackPixelExactWithItsTimestampsAndInfo() throws Exception {
        Path file = dir.resolve("pattern.mkv");
        long[] expected = PatternClip.write(file, Codec.FFV1, W, H, PatternClip.cfr(45, 30), 0, false);

        try (FrameSource source = decoder.open(file)) {
            VideoInfo info = source.info();
            assertThat(info.width()).isEqualTo(W);
            assertThat(info.height()).isEqualTo(H);
            assertThat(info.codec()).isEqualTo("ffv1");
            assertThat(info.format()).startsWith("matroska");
            assertThat(info.nominalFps()).isCloseTo(30, within(0.5));
            assertThat(info.durationSec()).isCloseTo(1.5, within(0.002));
            assertThat(info.frameEstimate()).isEqualTo(45);
            assertThat(info.rotationDegrees()).isZero();

            List<Long> stamps = new ArrayList<>();
            ImageView firstView = null;
            VideoFrame frame;
            while ((frame = source.next()) != null) {
                ImageView v = frame.image();
                if (firstView == null) {
                    firstView = v;
                    assertThat(v.stride()).isGreaterThan(3 * W).isEqualTo(1024);
                }
                // One buffer for the whole video: memory does not grow with its length.
                assertThat(v).isSameAs(firstView);
                assertThat(frame.index()).isEqualTo(stamps.size());
                int i = frame.index();
                for (int[] p : new int[][] {{0, 0}, {W - 1, 0}, {W / 2, H / 2}, {W - 1, H - 1}, {5, H - 1}}) {
                    assertThat(PatternClip.pixel(v, p[0], p[1])).as("frame %d pixel %d,%d", i, p[0], p[1])
                            .containsExactly(PatternClip.expected(i, p[0], p[1], W));
                }
                stamps.add(frame.timestampMicros());
            }
            assertThat(stamps).hasSize(45);
            for (int i = 0; i < expected.length; i++) {
                assertThat(stamps.get(i)).isEqualTo(expected[i]);
            }
            assertThat(source.next()).as("stays at the end").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"H264", "FFV1"})
    void variableFrameRateTimestampsArePreserved(Codec codec) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        long[] ticks = new long[90];
        long t = 0;
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = t;
            t += 512 + random.nextInt(-200, 400); // 20-59 ms between frames, around 33 ms
        }
        Path file = dir.resolve("vfr" + codec.extension());
        long[] expected = PatternClip.write(file, codec, W, H, ticks, 0, false);

        List<Long> stamps = new ArrayList<>();
        try (FrameSource source = decoder.open(file)) {
            VideoFrame frame;
            while ((frame = source.next()) != null) {
                stamps.add(frame.timestampMicros());
            }
        }
        assertThat(stamps).hasSize(ticks.length);
        for (int i = 0; i < ticks.length; i++) {
            assertThat(stamps.get(i)).as("frame %d", i).isEqualTo(expected[i]);
        }
        // The intervals really vary: a constant-rate reading of this file would be wrong.
        long minStep = Long.MAX_VALUE;
        long maxStep = 0;
        for (int i = 1; i < stamps.size(); i++) {
            long step = stamps.get(i) - stamps.get(i - 1);
            minStep = Math.min(minStep, step);
            maxStep = Math.max(maxStep, step);
        }
        assertThat(minStep).isLessThan(25_000);
        assertThat(maxStep).isGreaterThan(45_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void displayRotationIsAppliedAndInfoIsUpright(int rotation) throws Exception {
        // Upright portrait 242 x 322, stored as the phone stores it (landscape for 90 and 270).
        int w = H;
        int h = W;
        Path file = dir.resolve("rotated" + rotation + ".mkv");
        PatternClip.write(file, Codec.FFV1, w, h, PatternClip.cfr(3, 30), rotation, false);

        try (FrameSource source = decoder.open(file)) {
            assertThat(source.info().rotationDegrees()).isEqualTo(rotation);
            assertThat(source.info().width()).isEqualTo(w);
            assertThat(source.info().height()).isEqualTo(h);
            VideoFrame frame = source.next();
            ImageView v = frame.image();
            assertThat(v.width()).isEqualTo(w);
            assertThat(v.height()).isEqualTo(h);
            // Red marker top-left, blue top-right, gradient along x: all exact after a lossless round trip.
            for (int[] p : new int[][] {{1, 1}, {w - 2, 1}, {w / 2, h / 2}, {0, h - 1}, {w - 1, h - 1}}) {
                assertThat(PatternClip.pixel(v, p[0], p[1])).as("pixel %d,%d", p[0], p[1])
                        .containsExactly(PatternClip.expected(0, p[0], p[1], w));
            }
        }

        // Asked not to rotate, the decoder hands out the stored pixels.
        try (FrameSource source = new VideoDecoder(DecoderSettings.defaults().withApplyRotation(false)).open(file)) {
            boolean sideways = rotation != 180;
            assertThat(source.info().rotationDegrees()).isZero();
            assertThat(source.info().width()).isEqualTo(sideways ? h : w);
            assertThat(source.next().image().width()).isEqualTo(sideways ? h : w);
        }
    }

    @Test
    void h264RotationFromAnMp4DisplayMatrix() throws Exception {
        Path file = dir.resolve("portrait.mp4");
        PatternClip.write(file, Codec.H264, H, W, PatternClip.cfr(5, 30), 90, false);
        try (FrameSource source = decoder.open(file)) {
            assertThat(source.info().rotationDegrees()).isEqualTo(90);
            assertThat(source.info().codec()).isEqualTo("h264");
            ImageView v = source.next().image();
            assertThat(v.width()).isEqualTo(H);
            assertThat(v.height()).isEqualTo(W);
            int[] topLeft = PatternClip.pixel(v, 4, 4);
            int[] topRight = PatternClip.pixel(v, H - 5, 4);
            assertThat(topLeft[2]).as("red marker top-left").isGreaterThan(200);
            assertThat(topLeft[0]).isLessThan(60);
            assertThat(topRight[0]).as("blue marker top-right").isGreaterThan(200);
            assertThat(topRight[2]).isLessThan(60);
        }
    }

    /**
     * Key frames between predicted ones are marked, where an inter-frame codec refreshes the picture (a key frame
     * every 60 frames in ClipEncoder's H.264 and MPEG-4 with P frames, and wherever the encoder sees a scene
     * cut), and every other frame is marked predicted; all-intra and lossless video has neither mark.
     */
    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"H264", "MPEG4_RATE", "H264_INTRA", "FFV1"})
    void keyFramesBetweenPredictedFramesAreMarked(Codec codec) throws Exception {
        Path file = dir.resolve("gop-" + codec + codec.extension());
        PatternClip.write(file, codec, W, H, PatternClip.cfr(130, 30), 0, false);
        List<Integer> marked = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        try (FrameSource source = new VideoDecoder().open(file)) {
            VideoFrame f;
            while ((f = source.next()) != null) {
                if (f.keyAfterPredicted()) {
                    marked.add(f.index());
                }
                if (f.predicted()) {
                    predicted.add(f.index());
                }
                assertThat(f.keyAfterPredicted() && f.predicted()).isFalse();
            }
        }
        if (codec == Codec.H264 || codec == Codec.MPEG4_RATE) {
            // the GOP's key frames, and the encoders' own at the pattern's jumps (its green wraps every 20 frames,
            // a scene cut to them); never the first frame
            assertThat(marked).contains(60, 120).allSatisfy(i -> assertThat(i % 20).isZero()).doesNotContain(0);
            // every frame between key frames is predicted: at most the first and the key frames are not
            assertThat(predicted).doesNotContain(0, 60, 120).hasSizeGreaterThanOrEqualTo(130 - 1 - 130 / 20);
        } else {
            assertThat(marked).isEmpty();
            assertThat(predicted).isEmpty();
        }
    }

    @Test
    void bareDecodeSeesTheSameFramesAsTheFrameSource() throws Exception {
        Path file = dir.resolve("bare.mp4");
        long[] expected = PatternClip.write(file, Codec.H264, W, H, PatternClip.cfr(75, 30), 0, false);
        for (int threads : new int[] {1, 2, 0}) {
            DecodeStats stats = new VideoDecoder(DecoderSettings.defaults().withThreads(threads)).bareDecode(file);
            assertThat(stats.frames()).isEqualTo(75);
            assertThat(stats.damagedFrames()).isZero();
            assertThat(stats.lastTimestampMicros()).isEqualTo(expected[74]);
        }
    }

    /**
     * The video track's coded bytes are counted as its packets are read, and only its own: the same track with a
     * PCM tone beside it (a Matroska copy, packet for packet) counts the same, though the file holds the audio
     * as well. The scan's bit rate comes from this count (docs/api.md, "video").
     */
    @Test
    void videoBytesAreTheVideoTracksOwn() throws Exception {
        Path mp4 = dir.resolve("bytes.mp4");
        PatternClip.write(mp4, Codec.H264, W, H, PatternClip.cfr(75, 30), 0, false);
        Path mkv = dir.resolve("bytes-with-audio.mkv");
        AudioOnly.writeMkvWithVideoOf(mp4, mkv, 48_000);
        long alone = decodedVideoBytes(mp4);
        long withAudio = decodedVideoBytes(mkv);
        assertThat(alone).isPositive().isLessThan(Files.size(mp4));
        assertThat(withAudio).isEqualTo(alone);
        // 2.5 s of 48 kHz 16-bit mono is 240,000 bytes that the count leaves out
        assertThat(Files.size(mkv)).isGreaterThan(alone + 2 * 48_000 * 2);
    }

    private static long decodedVideoBytes(Path file) throws Exception {
        try (FrameSource source = new VideoDecoder().open(file)) {
            assertThat(source.videoBytes()).isPositive().isLessThan(Files.size(file));
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(75);
            return source.videoBytes();
        }
    }

    @Test
    void threadCountDoesNotChangeThePixels() throws Exception {
        Path file = dir.resolve("threads.mp4");
        PatternClip.write(file, Codec.H264, W, H, PatternClip.cfr(40, 30), 0, false);
        assertThat(checksum(file, 1)).isEqualTo(checksum(file, 3));
    }

    private static long checksum(Path file, int threads) throws VideoException {
        long sum = 0;
        try (FrameSource source = new VideoDecoder(DecoderSettings.defaults().withThreads(threads)).open(file)) {
            VideoFrame frame;
            while ((frame = source.next()) != null) {
                ImageView v = frame.image();
                for (int y = 0; y < v.height(); y++) {
                    for (int x = 0; x < v.width(); x++) {
                        int o = v.offset(x, y);
                        sum = sum * 31 + v.pixels().get(o) + 7 * v.pixels().get(o + 1) + 13 * v.pixels().get(o + 2);
                    }
                }
                sum = sum * 31 + frame.timestampMicros();
            }
        }
        return sum;
    }

    @Test
    void closedSourceRefusesToDecodeAndClosesTwiceQuietly() throws Exception {
        Path file = dir.resolve("close.mkv");
        PatternClip.write(file, Codec.FFV1, W, H, PatternClip.cfr(2, 30), 0, false);
        FrameSource source = decoder.open(file);
        assertThat(source.next()).isNotNull();
        source.close();
        source.close();
        assertThatThrownBy(source::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyOpenAndCloseCyclesKeepWorking() throws IOException, VideoException {
        // A leak of native contexts would not fail here quickly, but a double free or use after free would.
        Path file = dir.resolve("cycles.mp4");
        PatternClip.write(file, Codec.H264, W, H, PatternClip.cfr(3, 30), 90, false);
        for (int i = 0; i < 50; i++) {
            try (FrameSource source = decoder.open(file)) {
                int n = 0;
                while (source.next() != null) {
                    n++;
                }
                assertThat(n).isEqualTo(3);
            }
        }
    }

    @Test
    void encoderReportsTheTimestampsTheMuxerCanKeep() throws Exception {
        // Matroska keeps milliseconds: 1/15360 s ticks are rounded, and the decoder reports the rounded value.
        Path file = dir.resolve("ms.mkv");
        long[] micros = PatternClip.write(file, Codec.FFV1, W, H, new long[] {0, 500, 1001}, 0, false);
        assertThat(micros).containsExactly(0, 33_000, 65_000);
        Path mp4 = dir.resolve("ticks.mp4");
        long[] exact = PatternClip.write(mp4, Codec.H264, W, H, new long[] {0, 500, 1001}, 0, false);
        assertThat(exact).containsExactly(0, 32_552, 65_169);
        assertThat(ClipEncoder.TIMESCALE).isEqualTo(15360);
    }

    /**
     * SDR frames handed out on demand are converted (and turned upright) only where they are read, byte for
     * byte as a whole frame: noise frames, so any pixel out of place shows, an odd last band of rows (242 and
     * 322 are not multiples of 16), and every display rotation. A pixel far from what was asked for still holds
     * the frame before's value until the whole frame is asked for.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void onDemandSdrFramesComeOutAsWholeFramesWhereRead(int rotation) throws Exception {
        Path file = dir.resolve("noise" + rotation + ".mp4");
        PatternClip.writeNoise(file, Codec.MPEG4, W, H, rotation, rotation, 3);
        try (FrameSource whole = decoder.open(file); FrameSource asked = decoder.open(file)) {
            asked.pixelsOnDemand();
            ImageView first = whole.next().image();
            assertThat(packed(asked.next().image())).isEqualTo(packed(first));
            int[] before = PatternClip.pixel(first, W - 1, H - 1);
            for (int f = 1; f < 3; f++) {
                ImageView a = whole.next().image();
                ImageView b = asked.next().image();
                b.pixels(10, 5, 40, 30);
                for (int y = 5; y < 30; y++) {
                    for (int x = 10; x < 40; x++) {
                        assertThat(unasked(b, x, y)).as("frame %d pixel %d,%d", f, x, y)
                                .isEqualTo(PatternClip.pixel(a, x, y));
                    }
                }
                // the far corner lies in another band of stored rows: not converted yet
                assertThat(unasked(b, W - 1, H - 1)).as("frame %d far corner", f).isEqualTo(before)
                        .isNotEqualTo(PatternClip.pixel(a, W - 1, H - 1));
                b.pixels(20, 10, 50, 40);
                b.pixels();
                assertThat(packed(b)).as("frame %d whole", f).isEqualTo(packed(a));
                before = PatternClip.pixel(a, W - 1, H - 1);
            }
        }
    }

    /** A pixel as it is, without asking for it (an empty rectangle asks for nothing). */
    private static int[] unasked(ImageView v, int x, int y) {
        int o = v.offset(x, y);
        java.nio.ByteBuffer px = v.pixels(0, 0, 0, 0);
        return new int[] {px.get(o) & 0xff, px.get(o + 1) & 0xff, px.get(o + 2) & 0xff};
    }

    private static byte[] packed(ImageView v) {
        byte[] out = new byte[v.width() * v.height() * 3];
        for (int y = 0; y < v.height(); y++) {
            v.pixels().get(v.offset(0, y), out, y * v.width() * 3, v.width() * 3);
        }
        return out;
    }
}
