package dev.facevitals.vision.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class OpenCvImageTest {

    @Test
    void decodesJpegToBgr() {
        try (OpenCvImage img = OpenCvImage.decode(SamplePhotos.bytes(1))) {
            assertThat(img.width()).isEqualTo(1920);
            assertThat(img.height()).isEqualTo(1280);
            assertThat(img.view().stride()).isGreaterThanOrEqualTo(3 * 1920);
            assertThat(img.view().pixels().isDirect()).isTrue();
        }
    }

    @Test
    void pngRoundTripIsExact() {
        ImageView v = TestImages.solid(7, 3, 10, 20, 30);
        TestImages.set(v, 6, 2, 255, 0, 128);
        byte[] png;
        try (OpenCvImage img = OpenCvImage.copyOf(v)) {
            png = img.encode(".png");
        }
        try (OpenCvImage back = OpenCvImage.decode(png)) {
            assertThat(back.width()).isEqualTo(7);
            assertThat(TestImages.rgb(back.view(), 6, 2)).containsExactly(255, 0, 128);
            assertThat(TestImages.rgb(back.view(), 0, 0)).containsExactly(10, 20, 30);
        }
    }

    @Test
    void refusesEmptyTextAndCorruptBytes() {
        assertThatThrownBy(() -> OpenCvImage.decode(new byte[0])).isInstanceOf(ImageRejectedException.class);
        assertThatThrownBy(() -> OpenCvImage.decode("GIF89a is not welcome".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ImageRejectedException.class);
        byte[] jpeg = SamplePhotos.bytes(2);
        // cut before the frame header, and cut half-way through the scan data
        byte[] noFrame = Arrays.copyOf(jpeg, 600);
        assertThatThrownBy(() -> OpenCvImage.decode(noFrame)).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("no frame header");
        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThatThrownBy(() -> OpenCvImage.decode(half)).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("truncated");
        // garbage after a PNG signature
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0, png, 0, 8);
        assertThatThrownBy(() -> OpenCvImage.decode(png)).isInstanceOf(ImageRejectedException.class);
    }

    @Test
    void refusesDecompressionBombsFromTheHeader() {
        // a valid PNG header and IHDR for 20000 x 20000 (400 MP) with nothing behind: refused before decoding
        byte[] ihdr = new byte[33];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                0, ihdr, 0, 16);
        int side = 20_000;
        for (int o : new int[] {16, 20}) {
            ihdr[o] = (byte) (side >>> 24);
            ihdr[o + 1] = (byte) (side >>> 16);
            ihdr[o + 2] = (byte) (side >>> 8);
            ihdr[o + 3] = (byte) side;
        }
        ihdr[24] = 8;
        ihdr[25] = 2;
        CRC32 crc = new CRC32();
        crc.update(ihdr, 12, 17);
        long c = crc.getValue();
        ihdr[29] = (byte) (c >>> 24);
        ihdr[30] = (byte) (c >>> 16);
        ihdr[31] = (byte) (c >>> 8);
        ihdr[32] = (byte) c;
        assertThatThrownBy(() -> OpenCvImage.decode(ihdr)).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("exceeds the limit of 40000000 pixels");
        // a real photo above a lower limit
        assertThatThrownBy(() -> OpenCvImage.decode(SamplePhotos.bytes(1), 1_000_000))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("1920x1280");
    }
}
