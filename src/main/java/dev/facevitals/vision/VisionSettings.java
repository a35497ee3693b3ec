package dev.facevitals.vision;

/**
 * Everything the vision side can be configured with. Defaults: the bundled models with their sums from
 * {@code models/SHA256SUMS}, MediaPipe's thresholds, the limits documented on each settings type.
 *
 * @param detectorModel  BlazeFace short-range model (128x128 input)
 * @param landmarkModel  MediaPipe face-mesh model (192x192 input, 468 points)
 * @param minFaceScore   detector score threshold on whole frames (default 0.5)
 * @param nmsIou         overlap that merges detections (default 0.3)
 * @param tileMinScore   score threshold for tiled small-face search; tiles see much background, so higher
 *                       (default 0.75)
 * @param tilesAcross    tiles along the shorter side for small-face search (default 2)
 * @param maxImagePixels largest snapshot accepted, checked on the header (default 40,000,000)
 * @param tracker        per-scan tracking cadence
 * @param conditions     snapshot check limits
 * @param scanLimits     thresholds for the scan's face error codes 3, 4, 5
 */
public record VisionSettings(ModelSource detectorModel, ModelSource landmarkModel, double minFaceScore,
                             double nmsIou, double tileMinScore, int tilesAcross, long maxImagePixels,
                             TrackerSettings tracker, ConditionsSettings conditions,
                             ScanFaceReport.Limits scanLimits) {

    public VisionSettings {
        if (!(minFaceScore > 0 && minFaceScore < 1) || !(tileMinScore > 0 && tileMinScore < 1)
                || !(nmsIou > 0 && nmsIou < 1)) {
            throw new IllegalArgumentException("scores and overlaps must lie in (0, 1)");
        }
        if (tilesAcross < 2 || maxImagePixels < 1) {
            throw new IllegalArgumentException("tilesAcross >= 2 and maxImagePixels >= 1 required");
        }
    }

    public static VisionSettings defaults() {
        return new VisionSettings(ModelSource.bundled(ModelSource.BLAZEFACE_SHORT_RANGE),
                ModelSource.bundled(ModelSource.FACE_MESH), 0.5, 0.3, 0.75, 2, 40_000_000L,
                TrackerSettings.DEFAULTS, ConditionsSettings.DEFAULTS, ScanFaceReport.Limits.DEFAULTS);
    }

    public VisionSettings withTracker(TrackerSettings t) {
        return new VisionSettings(detectorModel, landmarkModel, minFaceScore, nmsIou, tileMinScore, tilesAcross,
                maxImagePixels, t, conditions, scanLimits);
    }
}
