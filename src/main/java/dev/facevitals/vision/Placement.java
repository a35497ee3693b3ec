package dev.facevitals.vision;

/**
 * Where a keyframe's regions lie in a later frame, as the tracker found them: a keyframe point {@code X} lies at
 * {@code c + A (X - c) + (dx, dy)}. With {@code affine} false the tracker moved the regions by the shift alone
 * ({@code A} the identity), and they are read by {@link SkinSampler#sampleSubPixel}; with it true, pixel by
 * pixel through the map ({@link SkinSampler#sampleAffine}).
 *
 * @param cx     centre {@code c} of the map, keyframe pixels
 * @param cy     as cx
 * @param a11    linear part {@code A} of the map, row-major
 * @param dx     shift of the centre since the keyframe, pixels
 * @param dy     as dx
 * @param affine whether the map is read as an affine map or as the shift alone
 */
public record Placement(double cx, double cy, double a11, double a12, double a21, double a22, double dx, double dy,
                        boolean affine) {

    /** Regions moved by {@code (dx, dy)} alone. */
    public static Placement shift(double dx, double dy) {
        return new Placement(0, 0, 1, 0, 0, 1, dx, dy, false);
    }
}
