package dev.facevitals.vision;

/** Dense landmarks for one face. Holds model state: not thread-safe, one per thread. */
public interface FaceLandmarker extends AutoCloseable {

    /**
     * @param image input: BGR pixels, read only during the call
     * @param crop  input: where to look (see {@link MeshCrop#fromFace} and {@link MeshCrop#fromMesh})
     * @return landmarks in image pixels with the model's face-presence probability
     */
    FaceMesh landmarks(ImageView image, MeshCrop crop);

    @Override
    void close();
}
