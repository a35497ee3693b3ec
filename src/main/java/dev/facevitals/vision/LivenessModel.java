package dev.facevitals.vision;

/** A single-image liveness classifier. Holds model state: not thread-safe, one per thread. */
public interface LivenessModel extends AutoCloseable {

    /**
     * @param image input: BGR pixels, read only during the call
     * @param face  input: the face's box (forehead to chin) in image pixels
     * @return the model's probability (0-1) that the face is a live person
     */
    double live(ImageView image, Box face);

    @Override
    void close();
}
