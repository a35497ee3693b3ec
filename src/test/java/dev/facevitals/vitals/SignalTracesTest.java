package dev.facevitals.vitals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTracesTest {

    private static final double[] RGB = {150, 120, 100};
    private static final int[] COUNT = {400};

    @Test
    void keyFramesAreTheTimesOfTheFramesMarked() {
        SignalTraces.Builder b = SignalTraces.builder(List.of("forehead"), 640, 480);
        assertThatThrownBy(b::keyFrame).isInstanceOf(IllegalStateException.class);
        b.addFace(0.0, 320, 240, 200, RGB, COUNT);
        b.addFace(0.033, 320, 240, 200, RGB, COUNT).keyFrame();
        b.keyFrame(); // the same frame again: one mark
        b.addMissing(0.066).keyFrame(); // a frame without a face keeps its mark too
        b.addFace(0.1, 320, 240, 200, RGB, COUNT);
        SignalTraces t = b.build();
        assertThat(t.keyFrameTimes()).containsExactly(0.033, 0.066);
        assertThat(SignalTraces.builder(List.of("forehead"), 640, 480).addFace(0, 1, 1, 1, RGB, COUNT).build()
                .keyFrameTimes()).isEmpty();
    }

    @Test
    void predictedFramesOrKeyFramesAfterThemMakeTheVideoInterCoded() {
        SignalTraces intra = SignalTraces.builder(List.of("forehead"), 640, 480).addFace(0, 1, 1, 1, RGB, COUNT)
                .build();
        assertThat(intra.predictedFrames()).isZero();
        assertThat(intra.interCoded()).isFalse();
        // one group of pictures: predicted frames and no key frame after them
        SignalTraces oneGop = SignalTraces.builder(List.of("forehead"), 640, 480).addFace(0, 1, 1, 1, RGB, COUNT)
                .addFace(0.033, 1, 1, 1, RGB, COUNT).predicted().predicted().build();
        assertThat(oneGop.predictedFrames()).isEqualTo(2);
        assertThat(oneGop.keyFrameTimes()).isEmpty();
        assertThat(oneGop.interCoded()).isTrue();
        // traces saved before the count was kept: the key frame's mark alone says it
        SignalTraces marked = SignalTraces.builder(List.of("forehead"), 640, 480).addFace(0, 1, 1, 1, RGB, COUNT)
                .keyFrame().build();
        assertThat(marked.predictedFrames()).isZero();
        assertThat(marked.interCoded()).isTrue();
    }
}
