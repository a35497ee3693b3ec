package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlinksTest {

    @Test
    void closingAndReopeningIsABlink() {
        assertThat(Blinks.blinked(new double[] {0.30, 0.31, 0.08, 0.29})).isTrue();
        assertThat(Blinks.blinked(new double[] {0.30, 0.12, 0.05, 0.27, 0.30})).isTrue();
    }

    @Test
    void stillEyesClosingOnlyOrTooFewImagesAreNot() {
        assertThat(Blinks.blinked(new double[] {0.30, 0.30, 0.30, 0.30})).isFalse(); // a print
        assertThat(Blinks.blinked(new double[] {0.30, 0.29, 0.31, 0.08})).isFalse(); // closed at the end
        assertThat(Blinks.blinked(new double[] {0.30, 0.05})).isFalse();
        assertThat(Blinks.blinked(new double[] {0.30, 0.22, 0.31})).isFalse(); // a squint, not a blink
        assertThat(Blinks.blinked(new double[] {0, 0, 0})).isFalse();
    }

    @Test
    void opennessIsLidGapOverEyeWidth() {
        float[] x = new float[FaceMesh.POINTS];
        float[] y = new float[FaceMesh.POINTS];
        // both eyes 40 px wide with a 12 px lid gap
        int[][] eyes = {{159, 145, 33, 133}, {386, 374, 362, 263}};
        for (int[] e : eyes) {
            x[e[0]] = 20;
            y[e[0]] = 94;
            x[e[1]] = 20;
            y[e[1]] = 106;
            x[e[2]] = 0;
            y[e[2]] = 100;
            x[e[3]] = 40;
            y[e[3]] = 100;
        }
        assertThat(Blinks.openness(new FaceMesh(x, y, new float[FaceMesh.POINTS], 1))).isCloseTo(0.3, within(1e-6));
    }
}
