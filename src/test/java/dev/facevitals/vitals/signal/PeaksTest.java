package dev.facevitals.vitals.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeaksTest {

    /** Slow reference: repeatedly take the tallest remaining local maximum not too close to a kept one. */
    static int[] naiveFindPeaks(double[] x, int minDistance) {
        List<Integer> cand = new ArrayList<>();
        for (int i = 1; i < x.length - 1; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1]) {
                cand.add(i);
            }
        }
        List<Integer> kept = new ArrayList<>();
        boolean[] gone = new boolean[cand.size()];
        while (true) {
            int best = -1;
            for (int c = 0; c < cand.size(); c++) {
                if (!gone[c] && (best < 0 || x[cand.get(c)] > x[cand.get(best)])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            int p = cand.get(best);
            kept.add(p);
            for (int c = 0; c < cand.size(); c++) {
                if (Math.abs(cand.get(c) - p) < minDistance) {
                    gone[c] = true;
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @ParameterizedTest
    @CsvSource({"0,1", "1,1", "2,1", "3,1", "3,5", "103,1", "103,4", "103,17", "2000,9", "2000,40"})
    void matchesNaiveReference(int n, int distance) {
        Random rnd = new Random(n * 31L + distance);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.3) + rnd.nextGaussian();
        }
        assertThat(Peaks.findPeaks(x, distance)).containsExactly(naiveFindPeaks(x, distance));
    }

    @Test
    void sinePeaksEveryPeriod() {
        int n = 300;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.cos(2 * Math.PI * (i - 5) / 30.0);
        }
        assertThat(Peaks.findPeaks(x, 20)).containsExactly(5, 35, 65, 95, 125, 155, 185, 215, 245, 275);
    }

    @Test
    void smallerSecondaryPeakWithinDistanceIsDropped() {
        double[] x = {0, 5, 0, 2, 0, 0, 0, 4, 0};
        assertThat(Peaks.findPeaks(x, 3)).containsExactly(1, 7);
        assertThat(Peaks.findPeaks(x, 1)).containsExactly(1, 3, 7);
    }

    @Test
    void plateauCountsOnceAtItsLeftEdge() {
        double[] x = {0, 1, 3, 3, 3, 1, 0};
        assertThat(Peaks.findPeaks(x, 1)).containsExactly(2);
    }

    @Test
    void parabolicOffsetIsExactForAParabola() {
        double v = 0.3;
        double ym = -(-1 - v) * (-1 - v);
        double y0 = -(0 - v) * (0 - v);
        double yp = -(1 - v) * (1 - v);
        assertThat(Peaks.parabolicOffset(ym, y0, yp)).isCloseTo(v, within(1e-12));
        assertThat(Peaks.parabolicValue(ym, y0, yp)).isCloseTo(0, within(1e-12));
        assertThat(Peaks.parabolicOffset(1, 1, 1)).isZero();
        assertThat(Peaks.parabolicOffset(0, 1, 0.9)).isCloseTo(0.45 / 1.1, within(1e-12));
        // three points that are no maximum still give an offset within half a sample
        assertThat(Peaks.parabolicOffset(0, 1, 5)).isBetween(-0.5, 0.5);
    }

    @Test
    void leastSquaresVertexIsExactForAParabolaOfAnyWidth() {
        double[] x = new double[21];
        double vertex = 10.37;
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 - 0.2 * (i - vertex) * (i - vertex);
        }
        for (int w = 1; w <= 6; w++) {
            double[] v = Peaks.leastSquaresVertex(x, 10, w);
            assertThat(10 + v[0]).isCloseTo(vertex, within(1e-9));
            assertThat(v[1]).isCloseTo(4, within(1e-9));
        }
        // shrinks at the array's edge instead of reading past it
        double[] edge = {0, 1, 0.5, 0.1};
        assertThat(Peaks.leastSquaresVertex(edge, 1, 5)[0]).isCloseTo(Peaks.parabolicOffset(0, 1, 0.5), within(1e-12));
    }

    @Test
    void leastSquaresVertexBeatsThreePointsOnNoisyPeaks() {
        Random rnd = new Random(3);
        double err3 = 0;
        double errLs = 0;
        for (int trial = 0; trial < 400; trial++) {
            double centre = 20 + rnd.nextDouble() - 0.5;
            double[] x = new double[41];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.cos(2 * Math.PI * (i - centre) / 33) + 0.02 * rnd.nextGaussian();
            }
            int top = 20;
            for (int i = 18; i <= 22; i++) {
                if (x[i] > x[top]) {
                    top = i;
                }
            }
            err3 += Math.abs(top + Peaks.parabolicOffset(x[top - 1], x[top], x[top + 1]) - centre);
            errLs += Math.abs(top + Peaks.leastSquaresVertex(x, top, 3)[0] - centre);
        }
        assertThat(errLs).isLessThan(0.6 * err3);
    }
}
