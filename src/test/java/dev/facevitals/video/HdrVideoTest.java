package dev.facevitals.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.ClipEncoder.Codec;
import dev.facevitals.vision.ImageView;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HDR video as phones record it (10 bits, BT.2020 primaries, the HLG or PQ transfer, tagged so) decodes to the
 * SDR colours it was made from: the test encodes SDR frames the way such a video stores them (losslessly, so
 * only the mapping is measured) and reads them back through the decoder.
 */
class HdrVideoTest {

    @TempDir
    Path dir;

    private static final int W = 96;
    private static final int H = 64;
    private static final int BLOCK = 16;

    /** sRGB colours of the frame's blocks, B, G, R: skin tones, greys, a saturated blue, and white. */
    private static final int[][] COLOURS = {
            {150, 170, 220}, {110, 140, 200}, {60, 80, 120}, {40, 50, 70}, {128, 128, 128}, {30, 30, 30},
            {200, 120, 40}, {90, 180, 160}, {180, 190, 200}, {20, 60, 200}, {235, 235, 235}, {255, 255, 255}};

    private static byte[] frame() {
        byte[] bgr = new byte[W * H * 3];
        int perRow = W / BLOCK;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = COLOURS[((y / BLOCK) * perRow + x / BLOCK) % COLOURS.length];
                for (int k = 0; k < 3; k++) {
                    bgr[3 * (y * W + x) + k] = (byte) c[k];
                }
            }
        }
        return bgr;
    }

    @ParameterizedTest
    @EnumSource(names = {"FFV1_HLG", "FFV1_PQ"})
    void hdrVideoComesBackInTheSdrColoursItWasMadeFrom(Codec codec) throws Exception {
        Path file = dir.resolve("hdr" + codec.extension());
        writeBlocks(file, codec, 3);
        assertComesBackAsMade(file, codec);
    }

    @Test
    void portraitHdrVideoIsTurnedUprightInSdrColours() throws Exception {
        // as a phone stores portrait video: the pixels on their side, a display matrix to turn them
        Path file = dir.resolve("portrait.mkv");
        byte[] stored = new byte[W * H * 3];
        PatternClip.rotate(frame(), W, H, 270, stored);
        try (ClipEncoder enc = new ClipEncoder(file, ClipEncoder.Settings.of(Codec.FFV1_HLG, H, W)
                .withRotation(90))) {
            enc.write(stored, 0);
            enc.write(stored, ClipEncoder.TIMESCALE / 30);
        }
        assertComesBackAsMade(file, Codec.FFV1_HLG);
    }

    /** Writes {@code frames} frames of {@link #COLOURS}' blocks, 1/30 s apart. */
    private static void writeBlocks(Path file, Codec codec, int frames) throws Exception {
        try (ClipEncoder enc = new ClipEncoder(file, ClipEncoder.Settings.of(codec, W, H))) {
            for (int i = 0; i < frames; i++) {
                enc.write(frame(), i * (long) ClipEncoder.TIMESCALE / 30);
            }
        }
    }

    /** The first frame, upright, holds {@link #COLOURS}' blocks in SDR. */
    private static void assertComesBackAsMade(Path file, Codec codec) throws Exception {
        try (FrameSource video = new VideoDecoder().open(file)) {
            assertThat(video.info().hdr()).isEqualTo(codec == Codec.FFV1_HLG ? "HLG" : "PQ");
            ImageView v = video.next().image();
            assertThat(v.width()).isEqualTo(W);
            assertThat(v.height()).isEqualTo(H);
            int perRow = W / BLOCK;
            for (int b = 0; b < COLOURS.length; b++) {
                // the middle of each block, clear of the chroma shared with a neighbour
                int x = (b % perRow) * BLOCK + BLOCK / 2;
                int y = (b / perRow) * BLOCK + BLOCK / 2;
                for (int k = 0; k < 3; k++) {
                    int got = v.pixels().get(v.offset(x, y) + k) & 0xff;
                    int want = COLOURS[b][k];
                    if (want >= 235) {
                        // above the roll-off's knee: below the level it was, not clipped to 255
                        assertThat(got).as("%s block %d channel %d", codec, b, k).isBetween(230, want - 1);
                    } else {
                        // 10-bit code steps: about 1 % of the light at SDR levels in PQ, which the primaries'
                        // matrix and the shared chroma make up to 2 levels (seen: 2 on one red); under 1 % in
                        // HLG (swscale's 16-bit RGB, used until stop 23, read up to 1 level lower in HLG, 3 in PQ)
                        assertThat(got).as("%s block %d channel %d", codec, b, k)
                                .isCloseTo(want, within(codec == Codec.FFV1_PQ ? 2 : 1));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FFV1", "H264_INTRA"})
    void sdrVideoSaysItIsNotHdr(Codec codec) throws Exception {
        Path file = dir.resolve("sdr" + codec.extension());
        writeBlocks(file, codec, 2);
        try (FrameSource video = new VideoDecoder().open(file)) {
            assertThat(video.info().hdr()).isNull();
        }
    }

    /**
     * Frames handed out on demand map only the pixels asked for, and those come out as in a frame mapped whole;
     * the whole frame comes out upright, as the stored pixels turned by the display rotation. Noise frames, so
     * any pixel out of place or left stale shows.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void onDemandFramesMapWhatIsAskedForAsAWholeFrameWould(int rotation) throws Exception {
        int sw = rotation % 180 == 0 ? W : H;
        int sh = rotation % 180 == 0 ? H : W;
        Path file = dir.resolve("noise" + rotation + ".mkv");
        PatternClip.writeNoise(file, Codec.FFV1_HLG, W, H, rotation, rotation, 3);
        DecoderSettings stay = new DecoderSettings(1, 0, DecoderSettings.DEFAULT_MAX_PIXELS, false,
                DecoderSettings.DEFAULT_FORMATS, DecoderSettings.DEFAULT_CODECS);
        try (FfmpegFrameSource whole = FfmpegFrameSource.open(file, DecoderSettings.defaults());
             FfmpegFrameSource asked = FfmpegFrameSource.open(file, DecoderSettings.defaults());
             FfmpegFrameSource stored = FfmpegFrameSource.open(file, stay)) {
            asked.pixelsOnDemand();
            // the first frame is decoded when the file is opened: whole
            assertThat(asked.hdrPixelsMapped()).isEqualTo((long) W * H);
            assertSame(whole.next().image(), asked.next().image(), 0, 0, W, H);
            stored.next();
            for (int f = 1; f < 3; f++) {
                ImageView a = whole.next().image();
                ImageView b = asked.next().image();
                long before = asked.hdrPixelsMapped();
                b.pixels(10, 5, 40, 30);
                assertThat(asked.hdrPixelsMapped() - before).as("frame %d, first rectangle", f).isEqualTo(30 * 25);
                assertSame(a, b, 10, 5, 40, 30);
                b.pixels(20, 10, 50, 40);
                // the union of the two, less what the first had mapped
                assertThat(asked.hdrPixelsMapped() - before).as("frame %d, both", f)
                        .isEqualTo(30 * 25 + 30 * 30 - 20 * 20);
                assertSame(a, b, 20, 10, 50, 40);
                b.pixels(20, 10, 50, 40);
                assertThat(asked.hdrPixelsMapped() - before).as("frame %d, again", f).isEqualTo(1250);
                b.pixels();
                assertThat(asked.hdrPixelsMapped() - before).as("frame %d, whole", f).isEqualTo((long) W * H);
                assertSame(a, b, 0, 0, W, H);
                // upright: the stored pixels turned by the display rotation
                ImageView s = stored.next().image();
                assertThat(s.width()).isEqualTo(sw);
                byte[] turned = new byte[W * H * 3];
                PatternClip.rotate(packed(s), sw, sh, rotation, turned);
                assertThat(packed(a)).as("frame %d upright", f).isEqualTo(turned);
            }
        }
    }

    /**
     * HDR frames the Java mapper does not read (other pixel formats, other matrices) take swscale's 16-bit RGB
     * and the same mapping: on the frames the mapper reads, the two agree within a level (HLG) or three (PQ,
     * whose 10-bit steps are coarser at SDR levels); swscale's path reads a little darker.
     */
    @ParameterizedTest
    @EnumSource(names = {"FFV1_HLG", "FFV1_PQ"})
    void swscalesPathForOtherHdrFramesGivesTheMappersColours(Codec codec) throws Exception {
        Path file = dir.resolve("both" + codec.extension());
        writeBlocks(file, codec, 1);
        try (FfmpegFrameSource mapped = FfmpegFrameSource.open(file, DecoderSettings.defaults());
             FfmpegVideoInput input = FfmpegVideoInput.open(file, DecoderSettings.defaults());
             BgrConverter swscale = new BgrConverter(W, H)) {
            assertThat(mapped.hdrPixelsMapped()).isEqualTo((long) W * H);
            ImageView a = mapped.next().image();
            swscale.convert(input.nextFrame());
            ImageView b = swscale.view();
            int perRow = W / BLOCK;
            for (int blk = 0; blk < COLOURS.length; blk++) {
                int x = (blk % perRow) * BLOCK + BLOCK / 2;
                int y = (blk / perRow) * BLOCK + BLOCK / 2;
                for (int k = 0; k < 3; k++) {
                    int diff = (a.pixels().get(a.offset(x, y) + k) & 0xff)
                            - (b.pixels().get(b.offset(x, y) + k) & 0xff);
                    assertThat(diff).as("%s block %d channel %d", codec, blk, k)
                            .isBetween(codec == Codec.FFV1_PQ ? -1 : 0, codec == Codec.FFV1_PQ ? 3 : 1);
                }
            }
        }
    }

    private static void assertSame(ImageView a, ImageView b, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(b.pixels(x, y, x + 1, y + 1).get(b.offset(x, y) + k))
                            .as("pixel %d,%d channel %d", x, y, k).isEqualTo(a.pixels().get(a.offset(x, y) + k));
                }
            }
        }
    }

    private static byte[] packed(ImageView v) {
        byte[] out = new byte[v.width() * v.height() * 3];
        for (int y = 0; y < v.height(); y++) {
            v.pixels().get(v.offset(0, y), out, y * v.width() * 3, v.width() * 3);
        }
        return out;
    }
}
