package dev.facevitals.vision;

/**
 * How often {@link FaceTracker} runs the expensive models.
 *
 * @param landmarkInterval  frames between face-mesh refreshes while tracking (default 90: 3 s at 30 fps)
 * @param minRefreshGap     least frames between refreshes that sagging quality asks for (default 10)
 * @param searchInterval    frames between detector runs while no face is held (default 5); doubles after
 *                          each fruitless search up to {@code maxSearchInterval}, so an empty scene costs little
 * @param maxSearchInterval longest wait between searches (default 30: 1 s at 30 fps)
 * @param refreshQuality    tracking quality (NCC) below which landmarks refresh early (default 0.8)
 * @param lostQuality       tracking quality below which the track is dropped and the detector runs (0.5)
 * @param minPresence       face-mesh presence below which a refreshed face counts as gone (0.5)
 * @param gridCells         tracker grid cells per side (default 32)
 * @param minSkinPixels     usable pixels needed to learn a face's skin colour (default 200)
 * @param skinPatches       trace each region as a grid of small patches (forehead 3x2, cheeks 2x2) instead of
 *                          as a whole; the vitals engine then fuses the patches like regions (default true
 *                          since stop 12: docs/vitals.md, "Since stop 12")
 * @param affineTracking    follow the face between key frames by an affine map (shift, turn, roll, scale)
 *                          rather than a shift alone, so the regions stay on the same skin while the head
 *                          turns (default true since stop 16: more heart rates under head motion, for about
 *                          0.02-0.04 s more per 30 s scan; docs/vitals.md, "Stop 16")
 */
public record TrackerSettings(int landmarkInterval, int minRefreshGap, int searchInterval, int maxSearchInterval,
                              double refreshQuality, double lostQuality, double minPresence, int gridCells,
                              int minSkinPixels, boolean skinPatches, boolean affineTracking) {

    public static final TrackerSettings DEFAULTS = new TrackerSettings(90, 10, 5, 30, 0.8, 0.5, 0.5, 32, 200, true,
            true);

    public TrackerSettings {
        if (landmarkInterval < 1 || searchInterval < 1 || minRefreshGap < 0 || maxSearchInterval < searchInterval) {
            throw new IllegalArgumentException("intervals must be at least 1 frame, maxSearchInterval >= searchInterval");
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
        return new TrackerSettings(frames, minRefreshGap, searchInterval, maxSearchInterval, refreshQuality,
                lostQuality, minPresence, gridCells, minSkinPixels, skinPatches, affineTracking);
    }

    public TrackerSettings withGridCells(int cells) {
        return new TrackerSettings(landmarkInterval, minRefreshGap, searchInterval, maxSearchInterval,
                refreshQuality, lostQuality, minPresence, cells, minSkinPixels, skinPatches, affineTracking);
    }

    public TrackerSettings withSkinPatches(boolean patches) {
        return new TrackerSettings(landmarkInterval, minRefreshGap, searchInterval, maxSearchInterval,
                refreshQuality, lostQuality, minPresence, gridCells, minSkinPixels, patches, affineTracking);
    }

    public TrackerSettings withAffineTracking(boolean affine) {
        return new TrackerSettings(landmarkInterval, minRefreshGap, searchInterval, maxSearchInterval,
                refreshQuality, lostQuality, minPresence, gridCells, minSkinPixels, skinPatches, affine);
    }
}
