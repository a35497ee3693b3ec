package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KeyframeSeamTest {

    /** Skin of one chromaticity: the left half at (100, 50, 25), the right half twice as bright. */
    private static ImageView frame(double light) {
        ImageView img = ImageViews.blank(80, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 80; x++) {
                int k = x < 40 ? 1 : 2;
                TestImages.set(img, x, y, (int) Math.round(100 * k * light), (int) Math.round(50 * k * light),
                        (int) Math.round(25 * k * light));
            }
        }
        return img;
    }

    private static final PixelSpans[] LEFT = {rect(2, 38)};
    private static final PixelSpans[] RIGHT = {rect(42, 78)};
    private static final SkinModel[] DIM = {new SkinModel(50.0 / 175, -25.0 / 175, 175)};
    private static final SkinModel[] BRIGHT = {new SkinModel(50.0 / 175, -25.0 / 175, 350)};
    /** Light levels that keep every channel a whole number: the means are exact. */
    private static final double[] LIGHT = {1.00, 1.04, 0.96, 1.08, 1.00, 0.92, 1.04, 1.00, 0.96, 1.08};

    private static PixelSpans rect(int x0, int x1) {
        return new Polygon(new double[] {x0, x1, x1, x0}, new double[] {2, 2, 18, 18}).rasterize();
    }

    private static double[] read(SkinSampler s, ImageView img, PixelSpans[] regions, SkinModel[] skin) {
        double[] rgb = new double[3];
        s.sampleSubPixel(img, regions, 0, 0, skin, rgb, new int[1], null);
        return rgb;
    }

    /**
     * New regions on twice as bright skin replace the old ones at frame 10 and the old ones come back at
     * frame 30: the traces follow the light throughout at the first regions' level, with no step at either
     * change, while the new regions alone would have doubled them.
     */
    @Test
    void tracesGoOnAtTheOldLevelAcrossNewRegions() {
        SkinSampler sampler = new SkinSampler(10_000);
        KeyframeSeam seam = new KeyframeSeam();
        PixelSpans[] regions = LEFT;
        SkinModel[] skin = DIM;
        for (int i = 0; i < 50; i++) {
            double light = LIGHT[i % LIGHT.length];
            ImageView img = frame(light);
            if (i == 10 || i == 30) {
                seam.begin(regions, null, skin, Placement.shift(0, 0));
                regions = i == 10 ? RIGHT : LEFT;
                skin = i == 10 ? BRIGHT : DIM;
            }
            double[] rgb = read(sampler, img, regions, skin);
            if (i == 10) {
                assertThat(rgb[1]).isCloseTo(100 * light, within(1e-9)); // the new regions alone: a step
            }
            seam.apply(sampler, img, rgb);
            assertThat(rgb[0]).as("frame %d", i).isCloseTo(100 * light, within(1e-9));
            assertThat(rgb[1]).as("frame %d", i).isCloseTo(50 * light, within(1e-9));
            assertThat(rgb[2]).as("frame %d", i).isCloseTo(25 * light, within(1e-9));
        }
    }

    /** A face lost at the change leaves nothing to join: the new regions are read as they are. */
    @Test
    void aCancelledChangeIsNotJoined() {
        SkinSampler sampler = new SkinSampler(10_000);
        KeyframeSeam seam = new KeyframeSeam();
        double[] rgb = read(sampler, frame(1), LEFT, DIM);
        seam.apply(sampler, frame(1), rgb);
        seam.begin(LEFT, null, DIM, Placement.shift(0, 0));
        seam.cancel();
        for (int i = 0; i < 10; i++) {
            rgb = read(sampler, frame(1.04), RIGHT, BRIGHT);
            seam.apply(sampler, frame(1.04), rgb);
            assertThat(rgb[1]).isCloseTo(104, within(1e-9));
        }
    }

    /** The old regions are read where the track put them on the frame of the change. */
    @Test
    void theOldRegionsAreReadWhereTheTrackPutsThem() {
        SkinSampler sampler = new SkinSampler(10_000);
        KeyframeSeam seam = new KeyframeSeam();
        // old regions drawn 20 px to the left of the bright half and tracked there by a shift of 20 px
        seam.begin(new PixelSpans[] {rect(22, 38)}, null, BRIGHT, Placement.shift(20, 0));
        for (int i = 0; i < 3; i++) {
            double[] rgb = read(sampler, frame(1), RIGHT, BRIGHT);
            seam.apply(sampler, frame(1), rgb);
            // both read the bright half: no step to take out
            assertThat(rgb[1]).as("frame %d", i).isCloseTo(100, within(1e-9));
        }
    }
}
