package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingIndexTest {

    private static float[] random(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Embeddings.normalized(v);
    }

    /** The slow oracle: every cosine, sorted. */
    private static List<String> naive(Map<String, float[]> all, float[] q, int k) {
        List<Map.Entry<String, float[]>> e = new ArrayList<>(all.entrySet());
        e.sort(Comparator.comparingDouble((Map.Entry<String, float[]> x) -> -Embeddings.cosine(x.getValue(), q)));
        return e.stream().limit(k).map(Map.Entry::getKey).toList();
    }

    @Test
    void topKEqualsTheNaiveSortThroughAddsReplacementsAndRemovals() {
        Random r = new Random(42);
        for (int dim : new int[] {1, 2, 3, 103}) {
            EmbeddingIndex idx = new EmbeddingIndex(dim);
            Map<String, float[]> truth = new HashMap<>();
            for (int i = 0; i < 300; i++) {
                String key = "k" + r.nextInt(200);
                if (r.nextInt(5) == 0) {
                    assertThat(idx.remove(key)).isEqualTo(truth.remove(key) != null);
                } else {
                    float[] v = random(r, dim);
                    idx.put(key, v);
                    truth.put(key, v);
                }
            }
            assertThat(idx.size()).isEqualTo(truth.size());
            for (int t = 0; t < 20; t++) {
                float[] q = random(r, dim);
                for (int k : new int[] {1, 2, 7, 1000}) {
                    List<EmbeddingIndex.Hit> hits = idx.search(q, k);
                    List<String> expected = naive(truth, q, k);
                    assertThat(hits).hasSize(expected.size());
                    for (int i = 0; i < hits.size(); i++) {
                        // equal scores may come in either order: compare the scores, not only the keys
                        assertThat(hits.get(i).similarity())
                                .isCloseTo(Embeddings.cosine(truth.get(expected.get(i)), q), within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void anExactCopyIsFoundFirstWithSimilarityOne() {
        Random r = new Random(1);
        EmbeddingIndex idx = new EmbeddingIndex(512);
        float[] target = null;
        for (int i = 0; i < 1000; i++) {
            float[] v = random(r, 512);
            idx.put("u" + i, v);
            if (i == 617) {
                target = v;
            }
        }
        List<EmbeddingIndex.Hit> hits = idx.search(target, 3);
        assertThat(hits.get(0).key()).isEqualTo("u617");
        assertThat(hits.get(0).similarity()).isCloseTo(1.0, within(1e-5));
        // random 512-d unit vectors are nearly orthogonal
        assertThat(hits.get(1).similarity()).isLessThan(0.3);
        assertThat(new EmbeddingIndex(4).search(new float[4], 5)).isEmpty();
    }
}
