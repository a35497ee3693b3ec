package dev.facevitals.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.opencv.OpenCvImage;

/** Face images cut from the build's group photos (target/test-classes/photos), encoded as a client sends them. */
public final class FacePhotos {

    private FacePhotos() {
    }

    public static ImageView photo(int i) {
        try (InputStream in = FacePhotos.class.getClassLoader().getResourceAsStream("photos/sample" + i + ".jpg")) {
            if (in == null) {
                throw new IllegalStateException("photos/sample" + i + ".jpg missing: run ./mvnw generate-test-resources");
            }
            try (OpenCvImage img = OpenCvImage.decode(in.readAllBytes())) {
                return ImageViews.copy(img.view());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Person A: the blonde woman on the left of sample3, a portrait crop. */
    public static ImageView personA() {
        return TestImages.crop(photo(3), 699 - 232, 476 - 236, 465, 620);
    }

    /** Person A again, a wider crop shrunk to 60 %. */
    public static ImageView personAWide() {
        return TestImages.scale(TestImages.crop(photo(3), 699 - 400, 476 - 350, 800, 800), 0.6);
    }

    /** Person B: the face in the middle of sample1. */
    public static ImageView personB() {
        return TestImages.crop(photo(1), 936 - 232, 549 - 260, 465, 620);
    }

    public static byte[] jpeg(ImageView v) {
        try (OpenCvImage img = OpenCvImage.copyOf(v)) {
            return img.encode(".jpg");
        }
    }

    public static byte[] png(ImageView v) {
        try (OpenCvImage img = OpenCvImage.copyOf(v)) {
            return img.encode(".png");
        }
    }

    /** A PNG whose header declares {@code w x h} pixels, followed by no real data (a decompression bomb's header). */
    public static byte[] pngHeader(int w, int h) {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        for (int i = 0; i < 4; i++) {
            b[16 + i] = (byte) (w >>> (24 - 8 * i));
            b[20 + i] = (byte) (h >>> (24 - 8 * i));
        }
        b[24] = 8;
        b[25] = 2;
        return b;
    }
}
