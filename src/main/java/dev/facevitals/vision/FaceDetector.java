package dev.facevitals.vision;

import java.util.List;

/**
 * Finds faces in one image. Implementations hold model state and are not thread-safe: use one per thread.
 */
public interface FaceDetector extends AutoCloseable {

    /**
     * @param image input: BGR pixels, read only during the call
     * @return faces in image pixels, best score first; empty when none
     */
    List<Face> detect(ImageView image);

    @Override
    void close();
}
