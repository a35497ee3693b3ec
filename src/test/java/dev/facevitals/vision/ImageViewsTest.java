package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ImageViewsTest {

    /** A 4 x 3 image with a row padding of 2 bytes; pixel (x, y) has bytes (10y + x, 100 + x, 200 + y). */
    private static ImageView padded() {
        int stride = 4 * 3 + 2;
        byte[] b = new byte[stride * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                b[y * stride + 3 * x] = (byte) (10 * y + x);
                b[y * stride + 3 * x + 1] = (byte) (100 + x);
                b[y * stride + 3 * x + 2] = (byte) (200 + y);
            }
        }
        return new ImageView(4, 3, stride, ByteBuffer.wrap(b));
    }

    @Test
    void copyPacksTheRowsAndReusesAnEarlierCopyOfTheSameSize() {
        ImageView src = padded();
        ImageView first = ImageViews.copy(src);
        assertThat(first.stride()).isEqualTo(12);
        assertThat(first.pixels().get(first.offset(3, 2))).isEqualTo((byte) 23);
        assertThat(first.pixels().get(first.offset(1, 1) + 2)).isEqualTo((byte) 201);

        ImageView cropped = ImageViews.crop(src, 1, 1, 2, 2);
        ImageView other = ImageViews.copy(cropped, first); // another size: a new buffer
        assertThat(other.pixels().array()).isNotSameAs(first.pixels().array());
        assertThat(other.pixels().get(other.offset(0, 0))).isEqualTo((byte) 11);

        ImageView again = ImageViews.copy(src, first); // same size: written in place
        assertThat(again.pixels().array()).isSameAs(first.pixels().array());
        assertThat(again.pixels().get(again.offset(2, 1))).isEqualTo((byte) 12);
    }
}
