package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Skin regions for rPPG from the 468-point mesh: the forehead and both cheeks, chosen to stay clear of brows,
 * eyes, nostrils, mouth and hairline (checked on drawn meshes). Names follow the subject's anatomy: the
 * subject's left cheek is on the image's right in an unmirrored frame.
 *
 * @param forehead  from just above the brows to about three quarters of the way to the top of the mesh
 * @param leftCheek subject's left cheek
 * @param rightCheek subject's right cheek
 */
public record FaceRegions(Polygon forehead, Polygon leftCheek, Polygon rightCheek) {

    public static final String FOREHEAD = "forehead";
    public static final String LEFT_CHEEK = "left_cheek";
    public static final String RIGHT_CHEEK = "right_cheek";
    /** Region names in the order {@link #list()} returns them (the order of the traces). */
    public static final List<String> NAMES = List.of(FOREHEAD, LEFT_CHEEK, RIGHT_CHEEK);

    /** Patch grid per region (columns, rows) when the regions are split into patches: forehead, cheeks. */
    static final int[][] PATCH_GRID = {{3, 2}, {2, 2}, {2, 2}};

    /**
     * Trace names: {@link #NAMES}, or with {@code patches} one name per patch, {@code <region>_<i>} in the
     * row-major order of {@link PixelSpans#grid} and region order.
     */
    public static List<String> names(boolean patches) {
        if (!patches) {
            return NAMES;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < NAMES.size(); k++) {
            for (int i = 0; i < PATCH_GRID[k][0] * PATCH_GRID[k][1]; i++) {
                out.add(NAMES.get(k) + "_" + i);
            }
        }
        return List.copyOf(out);
    }

    // Forehead columns from the image-left: upper brow edge point, then a point on the mesh ring below the
    // hairline ring (the top ring 103-67-109-10-338-297-332 often reaches the hair).
    private static final int[] BROW = {66, 107, 9, 336, 296};
    private static final int[] UPPER = {69, 108, 151, 337, 299};
    // fraction of the way from the brow point to the upper point: skip brow hairs, stop below the hairline
    private static final double FOREHEAD_LOW = 0.25;
    private static final double FOREHEAD_HIGH = 1.25;

    // Cheeks: below the lower lid, beside the nose, above the mouth corner; image-left then image-right.
    private static final int[] CHEEK_IMAGE_LEFT = {116, 117, 118, 119, 100, 142, 36, 205, 187, 123};
    private static final int[] CHEEK_IMAGE_RIGHT = {345, 346, 347, 348, 329, 371, 266, 425, 411, 352};

    public static FaceRegions from(FaceMesh mesh) {
        List<Point> fh = new ArrayList<>();
        for (int i = 0; i < BROW.length; i++) {
            fh.add(mesh.point(BROW[i]).lerp(mesh.point(UPPER[i]), FOREHEAD_LOW));
        }
        for (int i = BROW.length - 1; i >= 0; i--) {
            fh.add(mesh.point(BROW[i]).lerp(mesh.point(UPPER[i]), FOREHEAD_HIGH));
        }
        // the image-left cheek is the subject's right one
        return new FaceRegions(Polygon.of(fh), polygon(mesh, CHEEK_IMAGE_RIGHT), polygon(mesh, CHEEK_IMAGE_LEFT));
    }

    private static Polygon polygon(FaceMesh mesh, int[] idx) {
        List<Point> p = new ArrayList<>(idx.length);
        for (int i : idx) {
            p.add(mesh.point(i));
        }
        return Polygon.of(p);
    }

    /** forehead, left cheek, right cheek: the order of {@link #NAMES}. */
    public List<Polygon> list() {
        return List.of(forehead, leftCheek, rightCheek);
    }

    public FaceRegions translate(double dx, double dy) {
        return new FaceRegions(forehead.translate(dx, dy), leftCheek.translate(dx, dy), rightCheek.translate(dx, dy));
    }
}
