package dev.facevitals.video;

/**
 * A decoded video, frame by frame. Never holds more than the current frame in memory.
 * Use with try-with-resources: closing releases the native decoder.
 */
public interface FrameSource extends AutoCloseable {

    VideoInfo info();

    /**
     * Decodes the next video frame.
     *
     * @return the frame, valid until the next call; {@code null} at the end of the stream
     * @throws VideoException when the stream is corrupt beyond recovery
     */
    VideoFrame next() throws VideoException;

    /**
     * Asks for the frames decoded from now on to make their pixels ready only as they are read: a reader
     * that reads part of a frame asks for it with {@link dev.facevitals.vision.ImageView#pixels(int, int, int,
     * int)}, and any other read ({@link dev.facevitals.vision.ImageView#pixels()}) makes the whole frame ready
     * first. HDR video is then mapped to SDR about the face only, and SDR video converted to BGR (and turned
     * upright) about the face only. A frame that then fails to convert throws {@link VideoException.Unchecked}
     * from the read. Off by default.
     */
    default void pixelsOnDemand() {
    }

    /**
     * HDR pixels mapped to SDR so far, summed over the frames: the whole frame for each unless
     * {@link #pixelsOnDemand()} was asked, then only what was read. 0 for SDR video.
     */
    default long hdrPixelsMapped() {
        return 0;
    }

    /**
     * Bytes of the video track's coded packets read so far, other tracks (audio) not counted: after the last
     * frame, the video's own size.
     */
    long videoBytes();

    @Override
    void close();
}
