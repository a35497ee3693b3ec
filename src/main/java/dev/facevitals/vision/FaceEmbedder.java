package dev.facevitals.vision;

/** Turns an aligned face into an identity vector. Holds model state: not thread-safe, one per thread. */
public interface FaceEmbedder extends AutoCloseable {

    /**
     * @param image       input: BGR pixels, read only during the call
     * @param imageToCrop input: map from image pixels to the {@link FaceAlignment#CROP_SIZE} template crop
     * @return unit-length embedding
     */
    float[] embed(ImageView image, Affine imageToCrop);

    @Override
    void close();
}
