package dev.facevitals.vision;

import java.util.List;

/**
 * Follows the face through one scan's frames. The detector runs only to find a face (the subject,
 * {@link Detections#subject}); the landmark model runs on a keyframe (a new face, every
 * {@link TrackerSettings#landmarkInterval()} frames, or early when tracking quality sags); between keyframes
 * a {@link PatchTracker} moves the keyframe's regions by the tracked affine map, or by the shift alone
 * ({@link TrackerSettings#affineTracking()}), and the skin is read where they land ({@link Placement}).
 * A scheduled run on a well-tracked face whose mesh has not changed beyond the landmark model's jitter keeps
 * the keyframe (regions, skin models, tracking template): adopting it would only make the regions jump by
 * that jitter, which puts steps into every trace. A keyframe that does change the regions on a face still
 * tracked is joined to the traces without a step ({@link KeyframeSeam}). Also keeps a {@link SkinModel} per
 * region, learned at each keyframe. One instance per video, not thread-safe; it owns the detector and
 * landmarker it was given.
 */
public final class FaceTracker implements AutoCloseable {

    /**
     * A scheduled landmark run keeps the keyframe when the new mesh lies within this fraction of the face
     * height (RMS over the landmarks) of the keyframe's mesh moved by the tracked shift.
     */
    static final double KEEP_KEYFRAME_TOLERANCE = 0.01;

    /** Indices of the cheeks in {@link FaceRegions#list()}. */
    private static final int[] CHEEKS = {1, 2};

    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final TrackerSettings settings;
    private final PatchTracker patch;
    private final SkinSampler sampler = new SkinSampler(SkinSampler.DEFAULT_MAX_SAMPLES);
    private final KeyframeSeam seam = new KeyframeSeam();

    private boolean holding;
    private FaceMesh keyMesh;
    private FaceRegions keyRegions;
    private PixelSpans[] keySpans;
    /** Sampling step per entry of keySpans: the whole region's, so patches read the region's pixels. */
    private int[] keySteps;
    private Box keyBox;
    private HeadPose pose;
    private SkinModel[] skin;
    private int sinceKeyframe;
    private int sinceSearch = Integer.MAX_VALUE / 2;
    private int searchWait;
    private int width;
    private int height;

    private int frames;
    private int detections;
    private int keyframes;
    private int kept;

    public FaceTracker(FaceDetector detector, FaceLandmarker landmarker, TrackerSettings settings) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.settings = settings;
        this.patch = new PatchTracker(settings.gridCells(), settings.affineTracking());
        this.searchWait = settings.searchInterval();
    }

    /**
     * @param frame           input: this frame's pixels, read during the call only
     * @param timestampMicros input: the frame's time
     */
    public FaceObservation update(ImageView frame, long timestampMicros) {
        frames++;
        // a join is for the frame whose update began it: never carry one to a later frame's regions
        seam.cancel();
        width = frame.width();
        height = frame.height();
        if (holding) {
            sinceKeyframe++;
            double q = patch.track(frame);
            if (q < settings.lostQuality() || (q < settings.refreshQuality()
                    && sinceKeyframe >= settings.minRefreshGap())) {
                if (q >= settings.lostQuality()) {
                    beginSeam();
                }
                holding = refresh(frame, trackedCrop()) || search(frame);
                return observe(timestampMicros, true);
            }
            if (sinceKeyframe >= settings.landmarkInterval()) {
                // the track is good: check the geometry, and keep the keyframe if the face has not changed
                FaceMesh mesh = landmarks(frame, trackedCrop());
                if (mesh.presence() >= settings.minPresence() && keyMesh.rmsDistance(mesh, patch.dx(), patch.dy())
                        <= KEEP_KEYFRAME_TOLERANCE * keyBox.height()) {
                    sinceKeyframe = 0;
                    kept++;
                    return observe(timestampMicros, false);
                }
                beginSeam();
                holding = adoptIfPresent(frame, mesh) || search(frame);
                return observe(timestampMicros, true);
            }
            return observe(timestampMicros, false);
        }
        sinceSearch++;
        if (sinceSearch >= searchWait) {
            holding = search(frame);
            // back off while the scene stays empty: detection is the most expensive step
            searchWait = holding ? settings.searchInterval()
                    : Math.min(settings.maxSearchInterval(), 2 * searchWait);
            return observe(timestampMicros, holding);
        }
        return FaceObservation.missing(timestampMicros);
    }

    /** New regions are about to replace the current ones on a face the track still holds: join the traces. */
    private void beginSeam() {
        seam.begin(keySpans, keySteps, skin, patch.placement());
    }

    private boolean search(ImageView frame) {
        sinceSearch = 0;
        detections++;
        List<Face> faces = detector.detect(frame);
        Face best = Detections.subject(faces, frame.width(), frame.height());
        return best != null && refresh(frame, MeshCrop.fromFace(best));
    }

    /** Runs the landmarks on a crop; on success makes this frame the keyframe. */
    private boolean refresh(ImageView frame, MeshCrop crop) {
        return adoptIfPresent(frame, landmarks(frame, crop));
    }

    /** The keyframe's mesh crop moved by the tracked shift. */
    private MeshCrop trackedCrop() {
        return MeshCrop.fromMesh(keyMesh).translate(patch.dx(), patch.dy());
    }

    /** One run of the landmark model (counted in {@link #keyframes()}). */
    private FaceMesh landmarks(ImageView frame, MeshCrop crop) {
        keyframes++;
        return landmarker.landmarks(frame, crop);
    }

    /** Makes this frame the keyframe when the landmark model found a face in the crop. */
    private boolean adoptIfPresent(ImageView frame, FaceMesh mesh) {
        return mesh.presence() >= settings.minPresence() && adopt(frame, mesh);
    }

    /** Makes this frame the keyframe with this mesh: regions, skin models and the tracking template. */
    private boolean adopt(ImageView frame, FaceMesh mesh) {
        searchWait = settings.searchInterval();
        keyMesh = mesh;
        keyRegions = FaceRegions.from(mesh);
        List<Polygon> polys = keyRegions.list();
        PixelSpans[] regionSpans = new PixelSpans[polys.size()];
        for (int k = 0; k < regionSpans.length; k++) {
            regionSpans[k] = polys.get(k).rasterize();
        }
        keyBox = mesh.bounds();
        pose = HeadPose.from(mesh);
        // track the face's inner part: less background and hair that move on their own
        patch.reset(frame, keyBox.scale(0.8));
        sinceKeyframe = 0;
        SkinModel[] regionSkin = SkinModel.forRegions(frame, regionSpans, CHEEKS, settings.minSkinPixels());
        if (settings.skinPatches()) {
            int n = regionNames().size();
            keySpans = new PixelSpans[n];
            keySteps = new int[n];
            skin = new SkinModel[n];
            int j = 0;
            for (int k = 0; k < regionSpans.length; k++) {
                int[] g = FaceRegions.PATCH_GRID[k];
                int step = sampler.step(regionSpans[k].pixels());
                for (PixelSpans p : regionSpans[k].grid(g[0], g[1])) {
                    keySpans[j] = p;
                    keySteps[j] = step;
                    skin[j] = regionSkin[k];
                    j++;
                }
            }
        } else {
            keySpans = regionSpans;
            keySteps = null;
            skin = regionSkin;
        }
        return patch.ready();
    }

    private FaceObservation observe(long t, boolean keyframe) {
        if (!holding) {
            seam.cancel();
            return FaceObservation.missing(t);
        }
        double dx = patch.dx();
        double dy = patch.dy();
        Box box = keyBox.translate(dx, dy);
        boolean out = box.fractionInside(width, height) < 0.97;
        return new FaceObservation(t, true, box, keyRegions, dx, dy, out, patch.quality(), keyframe, pose);
    }

    /**
     * Samples the skin of the held face in the frame last passed to {@link #update}.
     *
     * @param rgb    output, 3 values per region (see {@link SkinSampler#sample})
     * @param count  output, skin pixels per region
     * @param inside output (may be null), region pixels inside the frame
     * @return false (outputs untouched) when no face is held
     */
    public boolean sampleSkin(ImageView frame, double[] rgb, int[] count, int[] inside) {
        if (!holding) {
            return false;
        }
        sampler.sampleAt(frame, keySpans, patch.placement(), skin, rgb, count, inside, keySteps);
        seam.apply(sampler, frame, rgb);
        return true;
    }

    /** Names of the traces {@link #sampleSkin} fills, in order: regions, or their patches. */
    public java.util.List<String> regionNames() {
        return FaceRegions.names(settings.skinPatches());
    }

    /** Skin models per region (null entries: no skin there), null when no face is held. */
    public SkinModel[] skinModels() {
        return holding ? skin.clone() : null;
    }

    public int frames() {
        return frames;
    }

    /** Detector runs so far. */
    public int detections() {
        return detections;
    }

    /** Scheduled landmark runs that found the face unchanged and kept the keyframe. */
    public int keptKeyframes() {
        return kept;
    }

    /** Landmark-model runs so far. */
    public int keyframes() {
        return keyframes;
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            landmarker.close();
        }
    }
}
