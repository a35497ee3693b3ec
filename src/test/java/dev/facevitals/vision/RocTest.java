package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void knownAreas() {
        assertThat(Roc.auc(new double[] {0.9, 0.8}, new double[] {0.1, 0.2})).isEqualTo(1.0);
        assertThat(Roc.auc(new double[] {0.1}, new double[] {0.9})).isEqualTo(0.0);
        assertThat(Roc.auc(new double[] {0.5}, new double[] {0.5})).isEqualTo(0.5);
        // same {0.3, 0.7}, different {0.5, 0.1}: pairs won 0.3>0.1, 0.7>0.5, 0.7>0.1 -> 3 of 4
        assertThat(Roc.auc(new double[] {0.3, 0.7}, new double[] {0.5, 0.1})).isEqualTo(0.75);
    }

    @Test
    void fastAucEqualsTheNaiveCountOnRandomScoresWithTies() {
        Random r = new Random(3);
        for (int n : new int[] {1, 2, 3, 103}) {
            double[] s = new double[n];
            double[] d = new double[n + 7];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.nextInt(10);
            }
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextInt(10) - 2;
            }
            double wins = 0;
            for (double a : s) {
                for (double b : d) {
                    wins += a > b ? 1 : a == b ? 0.5 : 0;
                }
            }
            assertThat(Roc.auc(s, d)).isCloseTo(wins / (s.length * d.length), within(1e-12));
        }
    }

    @Test
    void accuracyAndRates() {
        double[] same = {0.9, 0.6, 0.3};
        double[] diff = {0.1, 0.35, 0.5, 0.2};
        // threshold 0.4: same right 2, different right 3 -> 5 of 7
        assertThat(Roc.accuracy(same, diff, 0.4)).isCloseTo(5 / 7.0, within(1e-12));
        assertThat(Roc.rateAtOrAbove(diff, 0.35)).isEqualTo(0.5);
    }
}
