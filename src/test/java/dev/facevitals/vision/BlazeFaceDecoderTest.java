package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceDecoderTest {

    private final float[] reg = new float[BlazeFaceDecoder.ANCHORS * BlazeFaceDecoder.VALUES];
    private final float[] logits = new float[BlazeFaceDecoder.ANCHORS];

    BlazeFaceDecoderTest() {
        Arrays.fill(logits, -10);
    }

    @Test
    void anchorsFollowTheTwoGrids() {
        // 16x16 cells with 2 anchors, then 8x8 cells with 6
        assertThat(BlazeFaceDecoder.anchorCentre(0)).containsExactly(4, 4);
        assertThat(BlazeFaceDecoder.anchorCentre(1)).containsExactly(4, 4);
        assertThat(BlazeFaceDecoder.anchorCentre(2)).containsExactly(12, 4);
        assertThat(BlazeFaceDecoder.anchorCentre(511)).containsExactly(124, 124);
        assertThat(BlazeFaceDecoder.anchorCentre(512)).containsExactly(8, 8);
        assertThat(BlazeFaceDecoder.anchorCentre(895)).containsExactly(120, 120);
    }

    @Test
    void letterboxCentresTheImage() {
        Affine lb = BlazeFaceDecoder.letterbox(640, 480);
        assertThat(lb.a()).isCloseTo(0.2, within(1e-12));
        assertThat(lb.c()).isZero();
        assertThat(lb.f()).isEqualTo(16);
        assertThat(lb.apply(new Point(640, 480)).y()).isCloseTo(112, within(1e-12));
    }

    @Test
    void decodesOneFaceIntoImagePixels() {
        int i = 512 + 6 * (3 * 8 + 4); // 8x8 grid cell (x=4, y=3): centre (72, 56) in input pixels
        set(i, 3, 2, -4, 40, 32);
        Affine toInput = BlazeFaceDecoder.letterbox(640, 480);
        List<Face> faces = new BlazeFaceDecoder(0.5, 0.3).decode(reg, logits, toInput.inverse());
        assertThat(faces).hasSize(1);
        Face f = faces.get(0);
        assertThat(f.score()).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-9));
        // centre (74, 52) in input -> ((74) / 0.2, (52 - 16) / 0.2) in the image; size 40x32 -> 200x160
        assertThat(f.box().centreX()).isCloseTo(370, within(1e-4));
        assertThat(f.box().centreY()).isCloseTo(180, within(1e-4));
        assertThat(f.box().width()).isCloseTo(200, within(1e-4));
        assertThat(f.box().height()).isCloseTo(160, within(1e-4));
        // keypoint k was set at anchor + (k, -k)
        assertThat(f.keypoints()).hasSize(6);
        assertThat(f.keypoints().get(5).x()).isCloseTo((72 + 5) / 0.2, within(1e-4));
        assertThat(f.keypoints().get(5).y()).isCloseTo((56 - 5 - 16) / 0.2, within(1e-4));
    }

    @Test
    void mergesNeighbouringAnchorsAndDropsWeakOnes() {
        int i = 512 + 6 * (3 * 8 + 4);
        set(i, 3, 0, 0, 40, 40);
        set(i + 1, 1, 2, 0, 40, 40);
        set(i + 2, -1, 0, 0, 40, 40); // score 0.27 < 0.5: dropped before merging
        set(20, 2, 0, 0, 10, 10); // far away: its own face
        List<Face> faces = new BlazeFaceDecoder(0.5, 0.3).decode(reg, logits, Affine.IDENTITY);
        assertThat(faces).hasSize(2);
        double s0 = 1 / (1 + Math.exp(-3));
        double s1 = 1 / (1 + Math.exp(-1));
        assertThat(faces.get(0).score()).isCloseTo(s0, within(1e-12));
        assertThat(faces.get(0).box().centreX()).isCloseTo((72 * s0 + 74 * s1) / (s0 + s1), within(1e-4));
    }

    @Test
    void rejectsShortTensorsAndBadThresholds() {
        assertThatThrownBy(() -> new BlazeFaceDecoder(0.5, 0.3).decode(new float[10], logits, Affine.IDENTITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlazeFaceDecoder(1.5, 0.3)).isInstanceOf(IllegalArgumentException.class);
    }

    private void set(int anchor, float logit, float dx, float dy, float w, float h) {
        logits[anchor] = logit;
        int o = anchor * BlazeFaceDecoder.VALUES;
        reg[o] = dx;
        reg[o + 1] = dy;
        reg[o + 2] = w;
        reg[o + 3] = h;
        for (int k = 0; k < 6; k++) {
            reg[o + 4 + 2 * k] = k;
            reg[o + 5 + 2 * k] = -k;
        }
    }
}
