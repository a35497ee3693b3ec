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
        try (ClipEncoder enc = new ClipEncoder(file, ClipEncoder.Settings.of(codec, W, H))) {
            for (int i = 0; i < 3; i++) {
                enc.write(frame(), i * (long) ClipEncoder.TIMESCALE / 30);
            }
        }
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
                        // matrix and the shared chroma make up to 3 levels; under 1 % in HLG
                        assertThat(got).as("%s block %d channel %d", codec, b, k)
                                .isCloseTo(want, within(codec == Codec.FFV1_PQ ? 3 : 2));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FFV1", "H264_INTRA"})
    void sdrVideoSaysItIsNotHdr(Codec codec) throws Exception {
        Path file = dir.resolve("sdr" + codec.extension());
        try (ClipEncoder enc = new ClipEncoder(file, ClipEncoder.Settings.of(codec, W, H))) {
            enc.write(frame(), 0);
            enc.write(frame(), ClipEncoder.TIMESCALE / 30);
        }
        try (FrameSource video = new VideoDecoder().open(file)) {
            assertThat(video.info().hdr()).isNull();
        }
    }
}
