package dev.facevitals.vision;

import dev.facevitals.vitals.signal.Fft;

/**
 * Texture and colour cues that tell a live face from a re-captured print or screen, measured at the image's
 * own pixel scale (resampling would erase the patterns they look for).
 *
 * @param spectralPeak  strongest isolated peak of the face patch's power spectrum above its ring median, in
 *                      natural-log units (mean of the 3 largest residuals at 0.12-0.5 cycles/pixel): the
 *                      periodic dots of halftone print and the moire of a screen's subpixel grid stand out
 * @param highFrequency share of the patch's spectral energy above 0.25 cycles/pixel (0-1): recaptures lose it
 *                      to blur or gain it from grids
 * @param chroma        Hasler-Suesstrunk colourfulness of the aligned face / 100 (prints and screens narrow
 *                      the gamut)
 * @param specular      share of clipped pixels on the aligned face (glare on glossy paper or glass)
 * @param sharpness     {@link FaceQuality#sharpness()} of the aligned face
 */
public record SpoofCues(double spectralPeak, double highFrequency, double chroma, double specular,
                        double sharpness) {

    static final int MAX_PATCH = 256;
    static final int MIN_PATCH = 32;

    /** Feature vector in a fixed order, for the fusion. */
    public double[] features() {
        return new double[] {spectralPeak, highFrequency, chroma, specular, sharpness};
    }

    public static SpoofCues measure(ImageView image, AnalyzedFace face) {
        double[] spectrum = patchSpectrum(image, face.box());
        FaceQuality q = face.quality();
        double colourfulness = -FaceQuality.COLOR_SCALE * Math.log(Math.max(1e-12, q.color()));
        return new SpoofCues(spectrum[0], spectrum[1], colourfulness / 100, q.overexposure(), q.sharpness());
    }

    /** Side of the square patch: a power of two within the face, 32-256. */
    static int patchSide(Box face, int w, int h) {
        double limit = Math.min(Math.min(0.6 * Math.min(face.width(), face.height()), MAX_PATCH), Math.min(w, h));
        int n = MIN_PATCH;
        while (n * 2 <= limit) {
            n *= 2;
        }
        return n;
    }

    /** {spectralPeak, highFrequency} of the luma patch centred on the face. */
    static double[] patchSpectrum(ImageView image, Box face) {
        int w = image.width();
        int h = image.height();
        int n = patchSide(face, w, h);
        if (n > Math.min(w, h)) {
            return new double[] {0, 0};
        }
        int x0 = (int) Math.max(0, Math.min(w - n, Math.round(face.centreX() - n / 2.0)));
        int y0 = (int) Math.max(0, Math.min(h - n, Math.round(face.centreY() - n / 2.0)));
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        var p = image.pixels();
        double mean = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int o = image.offset(x0 + x, y0 + y);
                double l = 0.114 * (p.get(o) & 0xff) + 0.587 * (p.get(o + 1) & 0xff) + 0.299 * (p.get(o + 2) & 0xff);
                re[y][x] = l;
                mean += l;
            }
        }
        mean /= (double) n * n;
        double[] hann = new double[n];
        for (int i = 0; i < n; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                re[y][x] = (re[y][x] - mean) * hann[x] * hann[y];
            }
        }
        fft2(re, im, n);
        return spectrumFeatures(re, im, n);
    }

    static void fft2(double[][] re, double[][] im, int n) {
        for (int y = 0; y < n; y++) {
            Fft.forward(re[y], im[y]);
        }
        double[] cr = new double[n];
        double[] ci = new double[n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                cr[y] = re[y][x];
                ci[y] = im[y][x];
            }
            Fft.forward(cr, ci);
            for (int y = 0; y < n; y++) {
                re[y][x] = cr[y];
                im[y][x] = ci[y];
            }
        }
    }

    /** Peak and high-frequency share from a 2-D spectrum (DC at [0][0]). */
    static double[] spectrumFeatures(double[][] re, double[][] im, int n) {
        int rings = n / 2 + 1;
        double[][] logs = new double[rings][];
        int[] counts = new int[rings];
        double[][] logP = new double[n][n];
        int[][] ring = new int[n][n];
        double high = 0;
        double total = 0;
        for (int v = 0; v < n; v++) {
            int fv = v <= n / 2 ? v : v - n;
            for (int u = 0; u < n; u++) {
                int fu = u <= n / 2 ? u : u - n;
                double r = Math.hypot(fu, fv) / n; // cycles per pixel
                double pw = re[v][u] * re[v][u] + im[v][u] * im[v][u];
                int k = (int) Math.round(r * n);
                ring[v][u] = k;
                logP[v][u] = Math.log(pw + 1e-9);
                if (k < rings) {
                    counts[k]++;
                }
                if (r >= 0.05 && r <= 0.5) {
                    total += pw;
                    if (r >= 0.25) {
                        high += pw;
                    }
                }
            }
        }
        for (int k = 0; k < rings; k++) {
            logs[k] = new double[counts[k]];
            counts[k] = 0;
        }
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                int k = ring[v][u];
                if (k < rings) {
                    logs[k][counts[k]++] = logP[v][u];
                }
            }
        }
        double[] median = new double[rings];
        for (int k = 0; k < rings; k++) {
            java.util.Arrays.sort(logs[k]);
            median[k] = logs[k].length == 0 ? 0 : logs[k][logs[k].length / 2];
        }
        double[] top = {-1e9, -1e9, -1e9};
        int lo = (int) Math.ceil(0.12 * n);
        for (int v = 0; v < n; v++) {
            for (int u = 0; u < n; u++) {
                int k = ring[v][u];
                if (k < lo || k >= rings) {
                    continue;
                }
                double res = logP[v][u] - median[k];
                if (res > top[2]) { // top stays in descending order
                    top[2] = res;
                    if (top[2] > top[1]) {
                        swap(top, 1, 2);
                    }
                    if (top[1] > top[0]) {
                        swap(top, 0, 1);
                    }
                }
            }
        }
        // each peak is counted twice (conjugate symmetry), so the top 3 are about 2 distinct peaks
        double peak = (top[0] + top[1] + top[2]) / 3;
        return new double[] {peak, total > 0 ? high / total : 0};
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
