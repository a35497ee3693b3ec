package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSourceTest {

    @Test
    void bundledModelsCarryTheSumsFromSha256Sums() {
        ModelSource m = ModelSource.bundled(ModelSource.BLAZEFACE_SHORT_RANGE);
        assertThat(m.sha256()).isEqualTo("3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633");
        assertThat(m.loadVerified()).hasSize(229_032);
        assertThat(ModelSource.of("classpath:models/face_landmark.tflite", "").sha256())
                .isEqualTo("c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1");
        assertThatThrownBy(() -> ModelSource.bundled("nope.onnx")).isInstanceOf(VisionException.class);
    }

    @Test
    void verifiesFilesBeforeHandingOutBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.onnx");
        Files.write(f, "abc".getBytes());
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(new ModelSource(f.toString(), abc).loadVerified()).containsExactly('a', 'b', 'c');
        String other = abc.replace('b', 'c');
        assertThatThrownBy(() -> new ModelSource(f.toString(), other).loadVerified())
                .isInstanceOf(VisionException.class).hasMessageContaining("expected " + other);
        assertThatThrownBy(() -> new ModelSource(dir.resolve("missing").toString(), abc).loadVerified())
                .isInstanceOf(VisionException.class).hasMessageContaining("not found");
    }

    @Test
    void customModelsNeedASum() {
        assertThatThrownBy(() -> ModelSource.of("/opt/models/x.onnx", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSource("/opt/models/x.onnx", "1234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ModelSource("/opt/models/x.onnx", "A".repeat(64)).sha256()).isEqualTo("a".repeat(64));
    }
}
