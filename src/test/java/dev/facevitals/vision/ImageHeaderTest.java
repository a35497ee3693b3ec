package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    static byte[] pngHeader(int w, int h) {
        byte[] b = new byte[33];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        put32(b, 16, w);
        put32(b, 20, h);
        b[24] = 8;
        b[25] = 2;
        return b;
    }

    /** SOI, an APP0 segment, then a baseline frame header with the given size. */
    static byte[] jpegHeader(int w, int h) {
        return new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 6, 'J', 'F', 'I', 'F',
            (byte) 0xff, (byte) 0xff, (byte) 0xc0, 0, 17, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 3};
    }

    @Test
    void readsPngAndJpegSizes() {
        assertThat(ImageHeader.read(pngHeader(1920, 1080)))
                .isEqualTo(new ImageHeader(ImageHeader.Format.PNG, 1920, 1080));
        assertThat(ImageHeader.read(jpegHeader(640, 480)))
                .isEqualTo(new ImageHeader(ImageHeader.Format.JPEG, 640, 480));
        assertThat(ImageHeader.read(jpegHeader(65535, 65535)).pixels()).isEqualTo(65535L * 65535L);
    }

    @Test
    void rejectsWhatIsNotAnImage() {
        assertThatThrownBy(() -> ImageHeader.read(new byte[0])).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ImageHeader.read("hello, this is text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("not a JPEG or PNG");
        byte[] jpeg = jpegHeader(640, 480);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 11);
        assertThatThrownBy(() -> ImageHeader.read(truncated)).isInstanceOf(ImageRejectedException.class);
        assertThatThrownBy(() -> ImageHeader.read(pngHeader(0, 10))).isInstanceOf(ImageRejectedException.class);
        assertThatThrownBy(() -> ImageHeader.read(pngHeader(-1, 10))).isInstanceOf(ImageRejectedException.class);
    }

    private static void put32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }
}
