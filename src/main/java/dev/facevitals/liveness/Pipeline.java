package dev.facevitals.liveness;

import java.util.Locale;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.vision.LivenessFusion;

/** The liveness pipelines on offer: the same measurements, combined three ways (docs/liveness.md). */
public enum Pipeline {
    /** Model and texture cues fused (the default). */
    LIVENESS("liveness", LivenessFusion.FUSED),
    /** Texture and colour cues only. */
    TEXTURE("liveness-texture", LivenessFusion.TEXTURE),
    /** The fr_liveness model alone. */
    MODEL("liveness-model", LivenessFusion.modelOnly(5));

    private final String id;
    private final LivenessFusion fusion;

    Pipeline(String id, LivenessFusion fusion) {
        this.id = id;
        this.fusion = fusion;
    }

    public String id() {
        return id;
    }

    public LivenessFusion fusion() {
        return fusion;
    }

    /** By name; null or blank gives the default; anything else is refused with unsupported_pipeline. */
    public static Pipeline of(String name) {
        if (name == null || name.isBlank()) {
            return LIVENESS;
        }
        for (Pipeline p : values()) {
            if (p.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new ApiException(ErrorCode.UNSUPPORTED_PIPELINE, "Unknown pipeline '" + name + "'; available: liveness, "
                + "liveness-texture, liveness-model.");
    }

    public static LivenessFusion.Calibration calibration(String name) {
        if (name == null || name.isBlank()) {
            return LivenessFusion.Calibration.REGULAR;
        }
        try {
            return LivenessFusion.Calibration.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "calibration must be REGULAR or HARDENED.");
        }
    }
}
