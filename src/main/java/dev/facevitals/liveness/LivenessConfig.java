package dev.facevitals.liveness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Image requirements of the liveness routes (docs/configuration.md, docs/liveness.md). */
@ConfigMapping(prefix = "facevitals.liveness")
public interface LivenessConfig {

    /** Eye centres at least this far apart, pixels; closer faces get FACE_TOO_SMALL. */
    @WithDefault("40")
    double minInterpupillary();

    /** Largest yaw and pitch, degrees (Biointellic: 20 +- 3); beyond: FACE_ANGLE_TOO_LARGE. */
    @WithDefault("23")
    double maxYawPitch();

    /** Largest roll, degrees (Biointellic: 30 +- 3). */
    @WithDefault("33")
    double maxRoll();

    /** Most images in one check or check-batch request. */
    @WithDefault("20")
    int maxImages();
}
