package dev.facevitals.vision;

/**
 * Makes a frame's pixels ready on demand: a video decoder that maps HDR frames to SDR only where they are read
 * ({@link ImageView#pixels(int, int, int, int)}) hands its frames out with one. Pure Java.
 */
@FunctionalInterface
public interface PixelDemand {

    /** Pixels that are always ready: the views of decoded SDR frames, photos and copies. */
    PixelDemand READY = (x0, y0, x1, y1) -> {
    };

    /**
     * Makes the rectangle {@code [x0, x1) x [y0, y1)} ready to read; pixels outside it may hold an earlier
     * frame's values. Called with a non-empty rectangle inside the image.
     */
    void need(int x0, int y0, int x1, int y1);
}
