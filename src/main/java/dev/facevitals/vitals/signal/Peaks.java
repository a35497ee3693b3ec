package dev.facevitals.vitals.signal;

/** Local maxima with a minimum spacing, and sub-sample refinement of an extremum. */
public final class Peaks {

    private Peaks() {
    }

    /**
     * Offset of the vertex of the parabola through {@code (-1, ym), (0, y0), (1, yp)}, in samples relative to
     * the middle point, clamped to [-0.5, 0.5] (the middle sample is the discrete extremum, so the true one
     * lies within half a sample of it). 0 when the three points are collinear.
     *
     * @param ym input: value one sample before the extremum
     * @param y0 input: value at the discrete extremum
     * @param yp input: value one sample after
     */
    public static double parabolicOffset(double ym, double y0, double yp) {
        double den = ym - 2 * y0 + yp;
        if (den == 0 || !Double.isFinite(den)) {
            return 0;
        }
        double d = 0.5 * (ym - yp) / den;
        return Math.max(-0.5, Math.min(0.5, d));
    }

    /**
     * Value of that parabola at its vertex.
     *
     * @param ym input: value one sample before the extremum
     * @param y0 input: value at the discrete extremum
     * @param yp input: value one sample after
     */
    public static double parabolicValue(double ym, double y0, double yp) {
        double d = parabolicOffset(ym, y0, yp);
        return y0 - 0.25 * (ym - yp) * d;
    }

    /**
     * Vertex of the least-squares parabola through {@code x[i - w .. i + w]} (shrunk to fit the array):
     * {@code {offset, value}}, offset in samples relative to i, clamped to [-1, 1]. Fitting more than three
     * samples averages out noise that would otherwise move a three-point vertex by a large part of a sample.
     * Falls back to the three-point parabola when the fit is not concave.
     *
     * @param x input: signal, finite
     * @param i input: index of a discrete local maximum, {@code 0 < i < x.length - 1}
     * @param w input: half width of the fit, samples, at least 1
     */
    public static double[] leastSquaresVertex(double[] x, int i, int w) {
        int h = Math.max(1, Math.min(w, Math.min(i, x.length - 1 - i)));
        double sxy = 0;
        double sxx = 0;
        double sy = 0;
        double sx2y = 0;
        double sx4 = 0;
        for (int d = -h; d <= h; d++) {
            double y = x[i + d];
            sxy += d * y;
            sxx += (double) d * d;
            sy += y;
            sx2y += (double) d * d * y;
            sx4 += (double) d * d * d * d;
        }
        int n = 2 * h + 1;
        double m2 = sxx / n;
        // symmetric abscissae: the linear term decouples; centre x^2 to get the quadratic term
        double a = (sx2y - m2 * sy) / (sx4 - n * m2 * m2);
        double b = sxy / sxx;
        double c = sy / n - a * m2;
        if (!(a < 0)) {
            double d = parabolicOffset(x[i - 1], x[i], x[i + 1]);
            return new double[] {d, parabolicValue(x[i - 1], x[i], x[i + 1])};
        }
        double d = Math.max(-1, Math.min(1, -b / (2 * a)));
        return new double[] {d, c + b * d + a * d * d};
    }

    /**
     * Local maxima of {@code x}, keeping the tallest first and discarding any within {@code minDistance}
     * samples of one already kept (as scipy's find_peaks with distance). A local maximum is strictly above
     * its left neighbour and not below its right one; the first and last samples never count.
     *
     * @param x           input: signal, finite
     * @param minDistance input: smallest allowed spacing between kept peaks, samples (1 keeps all)
     * @return indices of the kept peaks in increasing order
     */
    public static int[] findPeaks(double[] x, int minDistance) {
        int n = x.length;
        int[] cand = new int[Math.max(0, n)];
        int c = 0;
        for (int i = 1; i < n - 1; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1]) {
                cand[c++] = i;
            }
        }
        if (c == 0) {
            return new int[0];
        }
        int[] byHeight = java.util.Arrays.copyOf(cand, c);
        sortByValueDescending(byHeight, x);
        boolean[] blocked = new boolean[n];
        boolean[] kept = new boolean[n];
        int d = Math.max(1, minDistance);
        int count = 0;
        for (int idx : byHeight) {
            if (blocked[idx]) {
                continue;
            }
            kept[idx] = true;
            count++;
            int lo = Math.max(0, idx - d + 1);
            int hi = Math.min(n - 1, idx + d - 1);
            for (int j = lo; j <= hi; j++) {
                blocked[j] = true;
            }
        }
        int[] out = new int[count];
        int o = 0;
        for (int i = 0; i < c; i++) {
            if (kept[cand[i]]) {
                out[o++] = cand[i];
            }
        }
        return out;
    }

    /** Sorts indices by {@code x[index]} descending, ties by index ascending (stable merge sort, no boxing). */
    static void sortByValueDescending(int[] idx, double[] x) {
        int n = idx.length;
        int[] tmp = new int[n];
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = x[idx[j]] > x[idx[i]] ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[k++] = idx[i++];
                }
                while (j < hi) {
                    tmp[k++] = idx[j++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
    }
}
