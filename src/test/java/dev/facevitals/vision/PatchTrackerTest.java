package dev.facevitals.vision;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The key-frame tracker on a smooth random texture moved by known maps: a shift alone, and a turn (the face
 * narrowing as the head yaws), a roll and a scale with a shift, as a moving head does between key frames.
 */
class PatchTrackerTest {

    static final int W = 320;
    static final int H = 240;
    static final double CX = 160;
    static final double CY = 120;

    /** A texture of a few dozen smooth waves, 60-230 in green, defined everywhere. */
    static final class Texture {
        final double[][] waves = new double[40][4];

        Texture(long seed) {
            Random r = new Random(seed);
            for (double[] w : waves) {
                double angle = 2 * Math.PI * r.nextDouble();
                double k = 2 * Math.PI / (12 + 40 * r.nextDouble());
                w[0] = k * Math.cos(angle);
                w[1] = k * Math.sin(angle);
                w[2] = 2 * Math.PI * r.nextDouble();
                w[3] = 0.5 + r.nextDouble();
            }
        }

        double at(double x, double y) {
            double v = 0;
            double norm = 0;
            for (double[] w : waves) {
                v += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
                norm += w[3];
            }
            return 145 + 85 * v / Math.sqrt(norm * 4);
        }

        /** The texture seen through the map keyframe point X -> c + A (X - c) + t. */
        ImageView render(double a11, double a12, double a21, double a22, double tx, double ty) {
            ImageView img = ImageViews.blank(W, H);
            double det = a11 * a22 - a12 * a21;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    // the keyframe point that lands here
                    double u = x - CX - tx;
                    double v = y - CY - ty;
                    double kx = CX + (a22 * u - a12 * v) / det;
                    double ky = CY + (-a21 * u + a11 * v) / det;
                    int g = (int) Math.round(Math.max(0, Math.min(255, at(kx, ky))));
                    TestImages.set(img, x, y, g, g, g);
                }
            }
            return img;
        }
    }

    private static final Box AREA = new Box(CX - 70, CY - 70, 140, 140);

    @Test
    void aShiftIsFoundByEitherTracker() {
        Texture t = new Texture(1);
        for (boolean affine : new boolean[] {false, true}) {
            PatchTracker p = new PatchTracker(32, affine);
            p.reset(t.render(1, 0, 0, 1, 0, 0), AREA);
            assertThat(p.ready()).isTrue();
            assertThat(p.track(t.render(1, 0, 0, 1, 3.4, -2.3))).isGreaterThan(0.95);
            assertThat(p.dx()).isCloseTo(3.4, within(0.15));
            assertThat(p.dy()).isCloseTo(-2.3, within(0.15));
            assertThat(p.a11()).isCloseTo(1, within(0.01));
            assertThat(p.a12()).isCloseTo(0, within(0.01));
        }
    }

    /**
     * The head turns by 18 degrees (the face narrows to cos 18 = 0.951 of its width), rolls by 3 degrees and
     * comes 3 % nearer, and moves: the affine tracker recovers the map to a few thousandths, so a point 60 px
     * from the centre lands within a few tenths of a pixel; a shift alone leaves that point 3 px or more off.
     */
    @Test
    void aTurningRollingNearingFaceIsFollowedByTheAffineTracker() {
        Texture t = new Texture(2);
        double roll = Math.toRadians(3);
        double s = 1.03;
        double sx = s * Math.cos(Math.toRadians(18));
        double a11 = sx * Math.cos(roll);
        double a12 = -s * Math.sin(roll);
        double a21 = sx * Math.sin(roll);
        double a22 = s * Math.cos(roll);
        ImageView key = t.render(1, 0, 0, 1, 0, 0);
        PatchTracker affine = new PatchTracker(32, true);
        PatchTracker shift = new PatchTracker(32, false);
        affine.reset(key, AREA);
        shift.reset(key, AREA);
        // the head gets there over a few frames, as it does between key frames
        int steps = 6;
        for (int i = 1; i <= steps; i++) {
            double f = (double) i / steps;
            ImageView frame = t.render(1 + f * (a11 - 1), f * a12, f * a21, 1 + f * (a22 - 1), f * 4.0, f * 1.5);
            assertThat(affine.track(frame)).isGreaterThan(0.98);
            shift.track(frame);
        }
        assertThat(affine.a11()).isCloseTo(a11, within(0.005));
        assertThat(affine.a12()).isCloseTo(a12, within(0.005));
        assertThat(affine.a21()).isCloseTo(a21, within(0.005));
        assertThat(affine.a22()).isCloseTo(a22, within(0.005));
        assertThat(affine.dx()).isCloseTo(4.0, within(0.3));
        assertThat(affine.dy()).isCloseTo(1.5, within(0.3));
        // where a keyframe point 60 px right of the centre is now
        double trueX = CX + a11 * 60 + 4.0;
        double trueY = CY + a21 * 60 + 1.5;
        double ax = affine.centreX() + affine.a11() * (CX + 60 - affine.centreX()) + affine.a12() * (CY - affine.centreY())
                + affine.dx();
        double ay = affine.centreY() + affine.a21() * (CX + 60 - affine.centreX()) + affine.a22() * (CY - affine.centreY())
                + affine.dy();
        assertThat(Math.hypot(ax - trueX, ay - trueY)).isLessThan(0.5);
        double sxPos = CX + 60 + shift.dx();
        double syPos = CY + shift.dy();
        assertThat(Math.hypot(sxPos - trueX, syPos - trueY)).isGreaterThan(3.0);
    }

    /**
     * The light on the face changes and the face does not move: 10 % brighter, a side light's gain rising by
     * 20 % across the area and 10 levels more. The affine fit takes the light out before the geometry, so the
     * map stays the identity (within 0.001; 0.003-0.004 with only the offset and a unit gain taken out) and the
     * shift zero (within 0.015 px; 0.023 so); fitting the geometry to the light would move the regions with
     * every flicker of the light, and with the pulse.
     */
    @Test
    void aChangeOfLightDoesNotMoveTheMap() {
        Texture t = new Texture(4);
        ImageView key = t.render(1, 0, 0, 1, 0, 0);
        ImageView lit = t.render(1, 0, 0, 1, 0, 0);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double g = TestImages.rgb(key, x, y)[1] * (1.1 + 0.1 * (x - CX) / 70) + 10;
                int v = (int) Math.round(Math.min(255, g));
                TestImages.set(lit, x, y, v, v, v);
            }
        }
        PatchTracker p = new PatchTracker(32, true);
        p.reset(key, AREA);
        assertThat(p.track(lit)).isGreaterThan(0.95);
        assertThat(p.a11()).isCloseTo(1, within(0.001));
        assertThat(p.a12()).isCloseTo(0, within(0.001));
        assertThat(p.a21()).isCloseTo(0, within(0.001));
        assertThat(p.a22()).isCloseTo(1, within(0.001));
        assertThat(p.dx()).isCloseTo(0, within(0.015));
        assertThat(p.dy()).isCloseTo(0, within(0.015));
    }

    @Test
    void theAffineSamplerReadsWhereTheMapSays() {
        Texture t = new Texture(3);
        double a11 = 0.95;
        double a12 = -0.05;
        double a21 = 0.05;
        double a22 = 1.02;
        ImageView frame = t.render(a11, a12, a21, a22, 2.5, -1.25);
        // one region, a 20 x 10 block 40 px right of the centre, read through the map: the texture's own mean there
        PixelSpans block = Polygon.of(java.util.List.of(new Point(CX + 30, CY - 5), new Point(CX + 50, CY - 5),
                new Point(CX + 50, CY + 5), new Point(CX + 30, CY + 5))).rasterize();
        SkinSampler sampler = new SkinSampler(SkinSampler.DEFAULT_MAX_SAMPLES);
        SkinModel grey = new SkinModel(0, 0, 3 * 145);
        double[] rgb = new double[3];
        int[] count = new int[1];
        int[] inside = new int[1];
        sampler.sampleAffine(frame, new PixelSpans[] {block}, CX, CY, a11, a12, a21, a22, 2.5, -1.25,
                new SkinModel[] {grey}, rgb, count, inside, new int[] {1});
        // the texture's mean over the block's pixels that pass the grey model's brightness band
        double lo = Math.max(SkinModel.DARK_SUM, SkinModel.MIN_BRIGHTNESS * grey.brightness());
        double hi = SkinModel.MAX_BRIGHTNESS * grey.brightness();
        double expected = 0;
        int n = 0;
        for (int i = 0; i < block.spans(); i++) {
            for (int x = block.start(i); x < block.end(i); x++) {
                double g = t.at(x, block.row(i));
                if (3 * g >= lo && 3 * g <= hi) {
                    expected += g;
                    n++;
                }
            }
        }
        expected /= n;
        assertThat(inside[0]).isEqualTo(block.pixels());
        assertThat(count[0]).isGreaterThan(block.pixels() / 2);
        assertThat(rgb[1]).isCloseTo(expected, within(1.5));
        // identity: the same pixels as the whole-pixel sampler
        double[] viaShift = new double[3];
        sampler.sample(frame, new PixelSpans[] {block}, 0, 0, new SkinModel[] {grey}, viaShift, new int[1], null,
                new int[] {1});
        double[] viaMap = new double[3];
        sampler.sampleAffine(frame, new PixelSpans[] {block}, CX, CY, 1, 0, 0, 1, 0, 0, new SkinModel[] {grey},
                viaMap, new int[1], null, new int[] {1});
        assertThat(viaMap[1]).isCloseTo(viaShift[1], within(1e-9));
    }
}
