package dev.facevitals.vision;

/**
 * The 468 MediaPipe face-mesh landmarks of one face in image pixels.
 *
 * @param xs       x of each landmark
 * @param ys       y of each landmark
 * @param zs       depth relative to the face centre, in the same pixel scale as x (smaller = nearer the camera)
 * @param presence probability (0-1) that the crop held a face at all
 */
public record FaceMesh(float[] xs, float[] ys, float[] zs, double presence) {

    public static final int POINTS = 468;

    public FaceMesh {
        if (xs.length != POINTS || ys.length != POINTS || zs.length != POINTS) {
            throw new IllegalArgumentException("a face mesh has " + POINTS + " points");
        }
    }

    public Point point(int i) {
        return new Point(xs[i], ys[i]);
    }

    /** Bounding box of all landmarks (the face oval, forehead to chin). */
    public Box bounds() {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < POINTS; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        return Box.fromCorners(x0, y0, x1, y1);
    }

    /** The same mesh moved by {@code (dx, dy)} pixels. */
    public FaceMesh translate(double dx, double dy) {
        float[] x = xs.clone();
        float[] y = ys.clone();
        for (int i = 0; i < POINTS; i++) {
            x[i] += (float) dx;
            y[i] += (float) dy;
        }
        return new FaceMesh(x, y, zs, presence);
    }

    /**
     * Root-mean-square distance, in pixels, between this mesh moved by {@code (dx, dy)} and {@code other},
     * over the landmarks' image positions.
     *
     * @param other input: the mesh to compare with
     */
    public double rmsDistance(FaceMesh other, double dx, double dy) {
        double ss = 0;
        for (int i = 0; i < POINTS; i++) {
            double ex = other.xs[i] - (xs[i] + dx);
            double ey = other.ys[i] - (ys[i] + dy);
            ss += ex * ex + ey * ey;
        }
        return Math.sqrt(ss / POINTS);
    }
}
