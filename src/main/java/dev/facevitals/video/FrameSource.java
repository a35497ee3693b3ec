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
     * Bytes of the video track's coded packets read so far, other tracks (audio) not counted: after the last
     * frame, the video's own size.
     */
    long videoBytes();

    @Override
    void close();
}
