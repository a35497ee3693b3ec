package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpoofCuesTest {

    /** A smooth gradient with noise, plus optionally a grating of the given frequency (cycles per pixel). */
    private static ImageView scene(double grating, Random r) {
        ImageView v = ImageViews.blank(300, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                double l = 80 + 0.3 * x + 0.1 * y + 4 * r.nextGaussian();
                if (grating > 0) {
                    l += 25 * Math.sin(2 * Math.PI * grating * (0.8 * x + 0.6 * y));
                }
                TestImages.set(v, x, y, (int) l, (int) l, (int) l);
            }
        }
        return v;
    }

    @Test
    void aPeriodicPatternStandsOutOfTheSpectrumAndCarriesHighFrequencyEnergy() {
        Box face = new Box(50, 50, 200, 200);
        double[] plain = SpoofCues.patchSpectrum(scene(0, new Random(1)), face);
        double[] grid = SpoofCues.patchSpectrum(scene(0.33, new Random(1)), face);
        // noise: the largest residual of ~10^4 exponential-like values over their median is a few log units
        assertThat(plain[0]).isBetween(1.0, 4.5);
        assertThat(grid[0]).isGreaterThan(plain[0] + 4);
        assertThat(grid[1]).isGreaterThan(0.9); // the grating at 0.33 c/px dominates the band above 0.05
        assertThat(plain[1]).isBetween(0.6, 0.9); // white noise: area of [0.25, 0.5] within [0.05, 0.5] of the disc
    }

    @Test
    void patchSideIsAPowerOfTwoInsideTheFace() {
        assertThat(SpoofCues.patchSide(new Box(0, 0, 500, 600), 2000, 2000)).isEqualTo(256);
        assertThat(SpoofCues.patchSide(new Box(0, 0, 200, 200), 2000, 2000)).isEqualTo(64);
        assertThat(SpoofCues.patchSide(new Box(0, 0, 20, 20), 2000, 2000)).isEqualTo(32);
    }

    @Test
    void simulatedRecapturesOfARealFaceHaveStrongerPeaksThanTheFace() {
        ImageView photo = TestImages.crop(dev.facevitals.testing.FacePhotos.photo(3), 467, 240, 465, 465);
        Box face = new Box(130, 130, 200, 240);
        double genuine = SpoofCues.patchSpectrum(photo, face)[0];
        double print = SpoofCues.patchSpectrum(SpoofSimulator.print(photo, new Random(4)), face)[0];
        double screen = SpoofCues.patchSpectrum(SpoofSimulator.screen(photo, new Random(4)), face)[0];
        assertThat(print).isGreaterThan(genuine + 1);
        assertThat(screen).isGreaterThan(genuine + 1);
        assertThat(genuine).isCloseTo(3, within(2.0));
    }
}
