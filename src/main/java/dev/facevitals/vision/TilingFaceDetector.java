package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a detector on the whole image and on overlapping square tiles, then merges: finds faces far smaller
 * than the detector's input would resolve on the whole image (group photos with a short-range model).
 * Tiles overlap by half, so every face smaller than half a tile lies whole inside one tile; detections
 * touching an inner tile edge are dropped as cut-off copies.
 */
public final class TilingFaceDetector implements FaceDetector {

    private final FaceDetector inner;
    private final int tilesAcross;
    private final double nmsIou;

    /**
     * @param inner       detector to run per tile; owned (closed with this one)
     * @param tilesAcross tiles along the shorter image side, at least 2 (2 means tiles of half the short side)
     * @param nmsIou      overlap above which detections from different tiles are one face
     */
    public TilingFaceDetector(FaceDetector inner, int tilesAcross, double nmsIou) {
        if (tilesAcross < 2) {
            throw new IllegalArgumentException("tilesAcross must be at least 2");
        }
        this.inner = inner;
        this.tilesAcross = tilesAcross;
        this.nmsIou = nmsIou;
    }

    @Override
    public List<Face> detect(ImageView image) {
        List<Face> all = new ArrayList<>(inner.detect(image));
        int w = image.width();
        int h = image.height();
        int tile = Math.max(1, Math.min(w, h) / tilesAcross);
        int step = Math.max(1, tile / 2);
        double edge = 0.01 * tile;
        for (int y0 : starts(h, tile, step)) {
            for (int x0 : starts(w, tile, step)) {
                ImageView t = ImageViews.crop(image, x0, y0, Math.min(tile, w - x0), Math.min(tile, h - y0));
                for (Face f : inner.detect(t)) {
                    Box b = f.box();
                    boolean cut = (x0 > 0 && b.x() < edge) || (y0 > 0 && b.y() < edge)
                            || (x0 + t.width() < w && b.right() > t.width() - edge)
                            || (y0 + t.height() < h && b.bottom() > t.height() - edge);
                    if (!cut) {
                        all.add(shift(f, x0, y0));
                    }
                }
            }
        }
        return Detections.weightedNms(all, nmsIou);
    }

    private static int[] starts(int length, int tile, int step) {
        if (tile >= length) {
            return new int[] {0};
        }
        int n = (length - tile + step - 1) / step + 1;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(i * step, length - tile);
        }
        return s;
    }

    private static Face shift(Face f, double dx, double dy) {
        List<Point> k = new ArrayList<>(f.keypoints().size());
        for (Point p : f.keypoints()) {
            k.add(p.translate(dx, dy));
        }
        return new Face(f.box().translate(dx, dy), f.score(), k);
    }

    @Override
    public void close() {
        inner.close();
    }
}
