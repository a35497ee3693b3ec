package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SkinSamplerTest {

    private static final SkinModel SKIN = new SkinModel((180.0 - 120) / 400, (100.0 - 120) / 400, 400);

    @Test
    void averagesOnlySkinAndIgnoresClippedAndForeignPixels() {
        ImageView img = TestImages.solid(40, 20, 180, 120, 100); // skin: s = 400
        // a blue sticker, a specular spot and a dark hole inside the region
        for (int x = 0; x < 5; x++) {
            TestImages.set(img, 10 + x, 10, 20, 40, 200);
            TestImages.set(img, 10 + x, 11, 255, 250, 250);
            TestImages.set(img, 10 + x, 12, 10, 8, 6);
        }
        // slightly brighter skin elsewhere in the region, same chromaticity
        TestImages.set(img, 20, 5, 198, 132, 110);
        PixelSpans region = new Polygon(new double[] {0, 40, 40, 0}, new double[] {0, 0, 20, 20}).rasterize();
        double[] rgb = new double[3];
        int[] count = new int[1];
        int[] inside = new int[1];
        new SkinSampler(100_000).sample(img, new PixelSpans[] {region}, 0, 0, new SkinModel[] {SKIN}, rgb, count, inside);
        assertThat(inside[0]).isEqualTo(800);
        assertThat(count[0]).isEqualTo(800 - 15);
        assertThat(rgb[0]).isCloseTo((180.0 * 784 + 198) / 785, within(1e-9));
        assertThat(rgb[2]).isCloseTo((100.0 * 784 + 110) / 785, within(1e-9));
    }

    @Test
    void gridSplitsARegionIntoPatchesThatPartitionIt() {
        PixelSpans region = new Polygon(new double[] {0, 40, 40, 0}, new double[] {0, 0, 20, 20}).rasterize();
        PixelSpans[] p = region.grid(2, 2);
        assertThat(p).hasSize(4);
        for (PixelSpans q : p) {
            assertThat(q.pixels()).isEqualTo(200); // 20 x 10 each
        }
        // row-major from the top left: patch 1 is the top right quarter
        assertThat(p[1].row(0)).isZero();
        assertThat(p[1].start(0)).isEqualTo(20);
        assertThat(p[1].end(0)).isEqualTo(40);
        assertThat(p[2].row(0)).isEqualTo(10);
        assertThat(p[2].start(0)).isZero();
        // 3 columns over 40 pixels: edges at 0, 13, 26, 40
        PixelSpans[] t = region.grid(3, 1);
        assertThat(t[0].pixels() + t[1].pixels() + t[2].pixels()).isEqualTo(800);
        assertThat(t[0].pixels()).isEqualTo(13 * 20);
        assertThat(t[2].pixels()).isEqualTo(14 * 20);
    }

    /** Patches sampled with their region's step read exactly the region's pixels: count-weighted means agree. */
    @Test
    void patchesWithTheRegionStepAddUpToTheRegion() {
        Random rnd = new Random(5);
        ImageView img = ImageViews.blank(60, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                int v = rnd.nextInt(20);
                TestImages.set(img, x, y, 170 + v, 115 + v / 2, 95 + v / 3);
            }
        }
        PixelSpans region = new Polygon(new double[] {3, 55, 50, 6}, new double[] {2, 4, 35, 30}).rasterize();
        SkinSampler s = new SkinSampler(200);
        int step = s.step(region.pixels());
        assertThat(step).isGreaterThan(1);
        PixelSpans[] patches = region.grid(3, 2);
        int[] steps = new int[patches.length];
        SkinModel[] models = new SkinModel[patches.length];
        java.util.Arrays.fill(steps, step);
        java.util.Arrays.fill(models, SKIN);
        double[] prgb = new double[3 * patches.length];
        int[] pcount = new int[patches.length];
        s.sample(img, patches, 1, 0, models, prgb, pcount, null, steps);
        double[] whole = new double[3];
        int[] wholeCount = new int[1];
        s.sample(img, new PixelSpans[] {region}, 1, 0, new SkinModel[] {SKIN}, whole, wholeCount, null);
        double sum = 0;
        int n = 0;
        for (int k = 0; k < patches.length; k++) {
            if (pcount[k] > 0) {
                sum += prgb[3 * k + 1] * pcount[k];
                n += pcount[k];
            }
        }
        assertThat(n).isEqualTo(wholeCount[0]);
        assertThat(sum / n).isCloseTo(whole[1], within(1e-9));
    }

    @Test
    void missingModelOrRegionOutsideGivesNoSkin() {
        ImageView img = TestImages.solid(20, 20, 180, 120, 100);
        PixelSpans region = new Polygon(new double[] {0, 10, 10, 0}, new double[] {0, 0, 10, 10}).rasterize();
        double[] rgb = new double[6];
        int[] count = new int[2];
        int[] inside = new int[2];
        SkinSampler s = new SkinSampler(100);
        s.sample(img, new PixelSpans[] {region, region}, 0, 0, new SkinModel[] {null, SKIN}, rgb, count, inside);
        assertThat(count).containsExactly(0, 100);
        assertThat(rgb[0]).isNaN();
        assertThat(inside).containsExactly(100, 100);
        s.sample(img, new PixelSpans[] {region, region}, 500, 0, new SkinModel[] {SKIN, SKIN}, rgb, count, inside);
        assertThat(count).containsExactly(0, 0);
        assertThat(inside).containsExactly(0, 0);
    }

    /** The fast sampler (bulk rows, grid subsampling, shifts, clipping) against a per-pixel oracle. */
    @Test
    void matchesANaiveOracleOnRandomImagesAndShifts() {
        Random rnd = new Random(3);
        for (int t = 0; t < 40; t++) {
            int w = 1 + rnd.nextInt(103);
            int h = 1 + rnd.nextInt(103);
            ImageView img = ImageViews.blank(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int jitter = rnd.nextInt(40) - 20;
                    TestImages.set(img, x, y, 180 + jitter, 120 + rnd.nextInt(30), 100 + jitter);
                }
            }
            Polygon p = new Polygon(new double[] {5, 60 + rnd.nextInt(40), 30}, new double[] {3, 10, 70 + rnd.nextInt(20)});
            PixelSpans spans = p.rasterize();
            int dx = rnd.nextInt(41) - 20;
            int dy = rnd.nextInt(41) - 20;
            int maxSamples = 1 + rnd.nextInt(3000);
            SkinSampler s = new SkinSampler(maxSamples);
            double[] rgb = new double[3];
            int[] count = new int[1];
            int[] inside = new int[1];
            s.sample(img, new PixelSpans[] {spans}, dx, dy, new SkinModel[] {SKIN}, rgb, count, inside);

            int step = s.step(spans.pixels());
            long sr = 0;
            int n = 0;
            int in = 0;
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 200; x++) {
                    if (!p.contains(x + 0.5, y + 0.5)) {
                        continue;
                    }
                    int ix = x + dx;
                    int iy = y + dy;
                    if (ix < 0 || iy < 0 || ix >= w || iy >= h) {
                        continue;
                    }
                    in++;
                    int[] c = TestImages.rgb(img, ix, iy);
                    if (Math.floorMod(x, step) == 0 && Math.floorMod(y, step) == 0 && SKIN.isSkin(c[0], c[1], c[2])) {
                        sr += c[0];
                        n++;
                    }
                }
            }
            assertThat(inside[0]).isEqualTo(in);
            assertThat(count[0]).isEqualTo(n * step * step);
            if (n > 0) {
                assertThat(rgb[0]).isCloseTo((double) sr / n, within(1e-9));
            } else {
                assertThat(rgb[0]).isNaN();
            }
        }
    }

    @Test
    void learnsMediansAndGatesRegionsAgainstTheFace() {
        ImageView img = TestImages.solid(60, 20, 180, 120, 100);
        // region 0 (x 0-20) is dark hair, regions 1 and 2 skin with slightly different blush
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                TestImages.set(img, x, y, 50, 35, 25);
                TestImages.set(img, 40 + x, y, 190, 118, 100);
            }
        }
        PixelSpans[] regions = new PixelSpans[3];
        for (int k = 0; k < 3; k++) {
            regions[k] = new Polygon(new double[] {20 * k, 20 * k + 20, 20 * k + 20, 20 * k},
                    new double[] {0, 0, 20, 20}).rasterize();
        }
        SkinModel[] m = SkinModel.forRegions(img, regions, new int[] {1, 2}, 50);
        assertThat(m[0]).isNull(); // far darker than the cheeks: not skin
        assertThat(m[1].rg()).isCloseTo(0.15, within(2e-3)); // histogram bins of 1/512
        assertThat(m[1].brightness()).isEqualTo(400);
        assertThat(m[2].rg()).isCloseTo(72.0 / 408, within(2e-3));
        assertThat(new SkinModel(-0.1, 0.2, 300).plausible()).isFalse(); // blue-green surface
        assertThat(SKIN.plausible()).isTrue();
    }

    /**
     * A horizontal ramp of red (one level per pixel) and a vertical one of blue, all of it skin to the model:
     * a region shifted by 2.3 pixels reads the mean at shift 2 plus 0.3 levels; whole shifts and shifts
     * within the snap distance read exactly what {@link SkinSampler#sample} reads.
     */
    @Test
    void subPixelShiftsBlendTheWholePixelMeans() {
        int w = 60;
        int h = 30;
        ImageView img = ImageViews.blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                TestImages.set(img, x, y, 150 + x, 120, 100 + y);
            }
        }
        PixelSpans region = new Polygon(new double[] {10, 30, 30, 10}, new double[] {5, 5, 20, 20}).rasterize();
        PixelSpans[] regions = {region};
        SkinModel[] models = {null};
        double[] at2 = new double[3];
        double[] at3 = new double[3];
        double[] sub = new double[3];
        int[] count = new int[1];
        SkinSampler s = new SkinSampler(100_000);
        models[0] = modelFor(img, region, s);
        s.sample(img, regions, 2, 1, models, at2, count, null);
        s.sample(img, regions, 3, 1, models, at3, count, null);
        assertThat(at3[0] - at2[0]).isCloseTo(1.0, within(1e-9));
        s.sampleSubPixel(img, regions, 2.3, 1.0, models, sub, count, null);
        assertThat(sub[0]).isCloseTo(at2[0] + 0.3, within(1e-9));
        assertThat(sub[2]).isCloseTo(at2[2], within(1e-9));
        // vertical: blue rises one level per row
        double[] at2y2 = new double[3];
        s.sample(img, regions, 2, 2, models, at2y2, count, null);
        s.sampleSubPixel(img, regions, 2.3, 1.6, models, sub, count, null);
        assertThat(sub[0]).isCloseTo(at2[0] + 0.3, within(1e-9));
        assertThat(sub[2]).isCloseTo(at2[2] + 0.6, within(1e-9));
        // whole and nearly whole shifts
        s.sampleSubPixel(img, regions, 2.98, 1.01, models, sub, count, null);
        assertThat(sub).containsExactly(at3);
        s.sampleSubPixel(img, regions, -0.5, 0, models, sub, count, null);
        double[] atM1 = new double[3];
        double[] at0 = new double[3];
        s.sample(img, regions, -1, 0, models, atM1, count, null);
        s.sample(img, regions, 0, 0, models, at0, count, null);
        assertThat(sub[0]).isCloseTo(0.5 * (atM1[0] + at0[0]), within(1e-9));
    }

    private static SkinModel modelFor(ImageView img, PixelSpans region, SkinSampler s) {
        SkinModel m = SkinModel.forRegions(img, new PixelSpans[] {region}, new int[] {0}, 10)[0];
        assertThat(m).isNotNull();
        return m;
    }

    /**
     * On an image whose colours are a plane in (x, y), all of it skin to the model, a bilinear read reproduces
     * the plane: the affine read of a region turned by 8 degrees, grown 6 % and shifted by (3.3, -2.7) is the
     * plane at the mean mapped position of the sampled keyframe pixels (to the read's 1/1024 pixel).
     */
    @Test
    void anAffineReadOfAPlaneIsThePlaneAtTheMappedPositions() {
        ImageView img = ImageViews.blank(80, 80);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 80; x++) {
                TestImages.set(img, x, y, 120 + x + y, 70 + x + y, 60 + x + y);
            }
        }
        SkinModel model = new SkinModel(0.12, -0.024, 430);
        PixelSpans region = new Polygon(new double[] {25, 55, 50, 28}, new double[] {24, 27, 55, 50}).rasterize();
        double t = Math.toRadians(8);
        double a11 = 1.06 * Math.cos(t);
        double a12 = -1.06 * Math.sin(t);
        double a21 = 1.06 * Math.sin(t);
        double a22 = 1.06 * Math.cos(t);
        double cx = 40;
        double cy = 39;
        SkinSampler s = new SkinSampler(150);
        int step = s.step(region.pixels());
        assertThat(step).isGreaterThan(1);
        double[] rgb = new double[3];
        int[] count = new int[1];
        int[] inside = new int[1];
        s.sampleAffine(img, new PixelSpans[] {region}, cx, cy, a11, a12, a21, a22, 3.3, -2.7,
                new SkinModel[] {model}, rgb, count, inside, null);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < region.spans(); i++) {
            int ry = region.row(i);
            if (ry % step != 0) {
                continue;
            }
            for (int rx = region.start(i) + Math.floorMod(-region.start(i), step); rx < region.end(i); rx += step) {
                double x = cx + a11 * (rx - cx) + a12 * (ry - cy) + 3.3;
                double y = cy + a21 * (rx - cx) + a22 * (ry - cy) - 2.7;
                sum += x + y;
                n++;
            }
        }
        assertThat(inside[0]).isEqualTo(region.pixels());
        assertThat(count[0]).isEqualTo(n * step * step);
        assertThat(rgb[0]).isCloseTo(120 + sum / n, within(2.0 / 1024));
        assertThat(rgb[1]).isCloseTo(70 + sum / n, within(2.0 / 1024));
        assertThat(rgb[2]).isCloseTo(60 + sum / n, within(2.0 / 1024));
    }

    /**
     * With the identity for the linear part, the affine read of an all-skin region is the sub-pixel read: the
     * mean of bilinear reads is the bilinear blend of the means at the four whole-pixel shifts.
     */
    @Test
    void anAffineReadWithoutTurningIsTheSubPixelRead() {
        Random rnd = new Random(11);
        ImageView img = ImageViews.blank(70, 60);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 70; x++) {
                int v = rnd.nextInt(16);
                TestImages.set(img, x, y, 172 + v, 116 + v / 2, 96 + v / 3);
            }
        }
        PixelSpans region = new Polygon(new double[] {12, 50, 46, 15}, new double[] {10, 12, 44, 40}).rasterize();
        SkinSampler s = new SkinSampler(100_000);
        double[] affine = new double[3];
        double[] sub = new double[3];
        int[] count = new int[1];
        int[] subCount = new int[1];
        s.sampleAffine(img, new PixelSpans[] {region}, 30, 27, 1, 0, 0, 1, 2.3, 1.6, new SkinModel[] {SKIN},
                affine, count, null, null);
        s.sampleSubPixel(img, new PixelSpans[] {region}, 2.3, 1.6, new SkinModel[] {SKIN}, sub, subCount, null);
        assertThat(count[0]).isEqualTo(region.pixels());
        assertThat(subCount[0]).isEqualTo(region.pixels());
        for (int c = 0; c < 3; c++) {
            // weights to 1/1024: at most 16 levels apart within a pixel's neighbourhood
            assertThat(affine[c]).isCloseTo(sub[c], within(16.0 / 1024));
        }
    }

    /** A frame one pixel wide has no neighbour to blend with: its pixels count as inside, none is read. */
    @Test
    void anAffineReadOfAFrameOnePixelWideReadsNothing() {
        ImageView img = TestImages.solid(1, 6, 180, 120, 100);
        PixelSpans region = new Polygon(new double[] {0, 1, 1, 0}, new double[] {0, 0, 6, 6}).rasterize();
        double[] rgb = new double[3];
        int[] count = new int[1];
        int[] inside = new int[1];
        new SkinSampler(100).sampleAffine(img, new PixelSpans[] {region}, 0, 3, 1, 0, 0, 1, 0, 0,
                new SkinModel[] {SKIN}, rgb, count, inside, null);
        assertThat(inside[0]).isEqualTo(6);
        assertThat(count[0]).isZero();
        assertThat(rgb[1]).isNaN();
    }
}
