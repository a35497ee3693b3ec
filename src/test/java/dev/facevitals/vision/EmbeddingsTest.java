package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmbeddingsTest {

    @Test
    void cosineOfKnownVectors() {
        assertThat(Embeddings.cosine(new float[] {1, 0}, new float[] {0, 3})).isCloseTo(0, within(1e-12));
        assertThat(Embeddings.cosine(new float[] {1, 1}, new float[] {2, 2})).isCloseTo(1, within(1e-7));
        assertThat(Embeddings.cosine(new float[] {1, 0}, new float[] {-5, 0})).isCloseTo(-1, within(1e-12));
        assertThat(Embeddings.cosine(new float[] {1, 0}, new float[] {1, 1})).isCloseTo(Math.sqrt(0.5), within(1e-7));
    }

    @Test
    void normalisedVectorsHaveUnitLengthAndTheirDotIsTheCosine() {
        float[] a = Embeddings.normalized(new float[] {3, 4, 0});
        float[] b = Embeddings.normalized(new float[] {0, 4, 3});
        assertThat(a).containsExactly(new float[] {0.6f, 0.8f, 0f}, within(1e-7f));
        assertThat((double) Embeddings.dot(a, b)).isCloseTo(Embeddings.cosine(a, b), within(1e-6));
        assertThat((double) Embeddings.dot(a, b)).isCloseTo(0.64, within(1e-6));
        assertThatThrownBy(() -> Embeddings.normalized(new float[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesRoundTrip() {
        float[] v = {1.5f, -2.25f, Float.MIN_VALUE, 1e30f, 0};
        assertThat(Embeddings.fromBytes(Embeddings.toBytes(v))).containsExactly(v);
        assertThat(Embeddings.toBytes(v)).hasSize(20);
        assertThatThrownBy(() -> Embeddings.fromBytes(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
