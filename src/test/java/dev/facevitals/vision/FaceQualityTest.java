package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceQualityTest {

    @Test
    void aFlatGreyImageIsNeitherDarkNorBrightHasNoDetailAndNoColour() {
        FaceQuality q = FaceQuality.ofImage(TestImages.solid(300, 200, 128, 128, 128));
        assertThat(q.underexposure()).isZero();
        assertThat(q.overexposure()).isZero();
        assertThat(q.sharpness()).isCloseTo(0, within(1e-9));
        assertThat(q.color()).isCloseTo(1, within(1e-9)); // exp(0): fully degraded colour
    }

    @Test
    void blackIsUnderexposedAndWhiteOverexposed() {
        assertThat(FaceQuality.ofImage(TestImages.solid(50, 50, 10, 10, 10)).underexposure()).isEqualTo(1.0);
        assertThat(FaceQuality.ofImage(TestImages.solid(50, 50, 250, 250, 250)).overexposure()).isEqualTo(1.0);
        // the left half dark, the right half mid-grey: half the pixels
        ImageView half = TestImages.solid(64, 64, 128, 128, 128);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 32; x++) {
                TestImages.set(half, x, y, 5, 5, 5);
            }
        }
        assertThat(FaceQuality.ofImage(half).underexposure()).isCloseTo(0.5, within(0.02));
    }

    @Test
    void sharpnessFollowsTheLaplacianVariance() {
        // a 1-pixel checkerboard of +-a around 128: the Laplacian is -+8a everywhere, variance 64 a^2
        int a = 2;
        float[] luma = new float[20 * 20];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 128 + (((i / 20) + (i % 20)) % 2 == 0 ? a : -a);
        }
        assertThat(FaceQuality.laplacianVariance(luma, 20, 20)).isCloseTo(64.0 * a * a, within(1e-6));
        ImageView board = TestImages.solid(112, 112, 0, 0, 0);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 112; x++) {
                int v = (x / 4 + y / 4) % 2 == 0 ? 90 : 170;
                TestImages.set(board, x, y, v, v, v);
            }
        }
        double sharp = FaceQuality.measure(board, Affine.IDENTITY, 112, 112).sharpness();
        double blurred = FaceQuality.measure(TestImages.scale(TestImages.scale(board, 0.125), 8), Affine.IDENTITY,
                112, 112).sharpness();
        assertThat(sharp).isGreaterThan(0.9);
        assertThat(blurred).isLessThan(sharp);
    }

    @Test
    void colourfulnessOfTwoColours() {
        // half pure red (rg = 255, yb = 127.5), half pure green (rg = -255, yb = 127.5):
        // sd_rg = 255, sd_yb = 0, mean_rg = 0, mean_yb = 127.5 -> M = 255 + 0.3 * 127.5
        ImageView img = TestImages.solid(64, 64, 255, 0, 0);
        for (int y = 0; y < 64; y++) {
            for (int x = 32; x < 64; x++) {
                TestImages.set(img, x, y, 0, 255, 0);
            }
        }
        FaceQuality q = FaceQuality.measure(img, Affine.IDENTITY, 64, 64);
        assertThat(q.color()).isCloseTo(Math.exp(-(255 + 0.3 * 127.5) / FaceQuality.COLOR_SCALE), within(1e-9));
    }

    @Test
    void rotationIsTheSingleAngleOfYawPitchAndRoll() {
        assertThat(FaceQuality.rotationDegrees(new HeadPose(0, 0, 0))).isCloseTo(0, within(1e-6));
        assertThat(FaceQuality.rotationDegrees(new HeadPose(30, 0, 0))).isCloseTo(30, within(1e-6));
        assertThat(FaceQuality.rotationDegrees(new HeadPose(0, -25, 0))).isCloseTo(25, within(1e-6));
        assertThat(FaceQuality.rotationDegrees(new HeadPose(0, 0, 170))).isCloseTo(170, within(1e-6));
        // two right angles about perpendicular axes compose to 120 degrees (a 3-cycle of the axes)
        assertThat(FaceQuality.rotationDegrees(new HeadPose(90, 90, 0))).isCloseTo(120, within(1e-6));
    }
}
