package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FaceMeshTest {

    private static FaceMesh grid() {
        float[] x = new float[FaceMesh.POINTS];
        float[] y = new float[FaceMesh.POINTS];
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            x[i] = 100 + i % 20 * 5;
            y[i] = 80 + i / 20 * 5;
        }
        return new FaceMesh(x, y, new float[FaceMesh.POINTS], 1);
    }

    @Test
    void rmsDistanceIsZeroForTheSameMeshMovedByTheGivenShiftAndTheOffsetOtherwise() {
        FaceMesh a = grid();
        FaceMesh moved = a.translate(3.5, -2);
        assertThat(a.rmsDistance(moved, 3.5, -2)).isCloseTo(0, within(1e-5));
        // every point 3 px right and 4 px down of where the shift puts it: 5 px
        assertThat(a.rmsDistance(moved.translate(3, 4), 3.5, -2)).isCloseTo(5, within(1e-4));
        assertThat(a.rmsDistance(a, 0, 0)).isZero();
    }
}
