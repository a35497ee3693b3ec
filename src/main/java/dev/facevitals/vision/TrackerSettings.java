package dev.facevitals.vision;

/**
 * How often {@link FaceTracker} runs the expensive models.
 *
 * @param landmarkInterval  frames between face-mesh refreshes while tracking (default 60: 2 s at 30 fps)
 * @param searchInterval    frames between detector runs while no face is held (default 5)
 * @param refreshQuality    tracking quality (NCC) below which landmarks refresh early (default 0.85)
 * @param lostQuality       tracking quality below which the track is dropped and the detector runs (0.5)
 * @param minPresence       face-mesh presence below which a refreshed face counts as gone (0.5)
 * @param gridCells         tracker grid cells per side (default 32)
 * @param minSkinPixels     usable pixels needed to learn a face's skin colour (default 200)
 */
public record TrackerSettings(int landmarkInterval, int searchInterval, double refreshQuality,
                              double lostQuality, double minPresence, int gridCells, int minSkinPixels) {

    public static final TrackerSettings DEFAULTS = new TrackerSettings(60, 5, 0.85, 0.5, 0.5, 32, 200);

    public TrackerSettings {
        if (landmarkInterval < 1 || searchInterval < 1) {
            throw new IllegalArgumentException("intervals must be at least 1 frame");
        }
        if (!(lostQuality < refreshQuality && refreshQuality <= 1 && lostQuality >= -1)) {
            throw new IllegalArgumentException("need -1 <= lostQuality < refreshQuality <= 1");
        }
        if (!(minPresence > 0 && minPresence < 1)) {
            throw new IllegalArgumentException("minPresence must lie in (0, 1)");
        }
        if (gridCells < 12 || gridCells > 128) {
            throw new IllegalArgumentException("gridCells must lie in [12, 128]");
        }
        if (minSkinPixels < 1) {
            throw new IllegalArgumentException("minSkinPixels must be positive");
        }
    }

    public TrackerSettings withLandmarkInterval(int frames) {
        return new TrackerSettings(frames, searchInterval, refreshQuality, lostQuality, minPresence, gridCells,
                minSkinPixels);
    }
}
