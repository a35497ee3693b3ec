package dev.facevitals.vision.opencv;

import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.ImageViews;
import dev.facevitals.vision.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's test photos (npm @vladmandic/face-api demo, 1920 px group photos) and snapshots cut from them.
 * Face counts were taken by eye from drawn debug pictures.
 */
final class SamplePhotos {

    /** Faces per photo sample1..sample6, counted by eye. */
    static final int[] TRUE_FACES = {3, 3, 3, 4, 5, 4};

    private static final Map<Integer, ImageView> CACHE = new HashMap<>();

    private SamplePhotos() {
    }

    static byte[] bytes(int i) {
        try (InputStream in = SamplePhotos.class.getClassLoader().getResourceAsStream("photos/sample" + i + ".jpg")) {
            if (in == null) {
                throw new IllegalStateException("photos/sample" + i + ".jpg missing: run ./mvnw generate-test-resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded photo as a heap copy (shared: do not modify). */
    static synchronized ImageView photo(int i) {
        return CACHE.computeIfAbsent(i, k -> {
            try (OpenCvImage img = OpenCvImage.decode(bytes(k))) {
                return ImageViews.copy(img.view());
            }
        });
    }

    // The blonde woman on the left of sample3: frontal (yaw about -13, roll 1), face centre (699, 476),
    // landmark height about 247 px, body below.
    static final int FACE_X = 699;
    static final int FACE_Y = 476;

    /** A good selfie snapshot: portrait 465x620, face about 0.4 of the height, centred, chest below. */
    static ImageView goodSnapshot() {
        return TestImages.crop(photo(3), FACE_X - 232, FACE_Y - 236, 465, 620);
    }

    /** The woman in the middle of sample5, head turned about 30 degrees, framed like the good snapshot. */
    static ImageView turnedHead() {
        return TestImages.crop(photo(5), 666 - 232, 560 - 190, 465, 620);
    }
}
