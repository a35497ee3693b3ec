package dev.facevitals.vision;

import java.util.Random;

/**
 * Presentation attacks rendered from a genuine photo, as a camera would re-capture them: a CMYK halftone
 * print (rotated screens, dot gain, paper white and ink gamut, then camera blur, light fall-off and noise) and
 * a photo shown on an LCD (RGB subpixel stripes at a pitch the camera under-samples, hence moire; raised black
 * level, colour cast, optional glare). Pure Java; a seeded random source picks the parameters. These are
 * simulations: real re-captures add paper texture, curvature, screen refresh and the camera's own pipeline.
 */
public final class SpoofSimulator {

    public enum Attack { PRINT, SCREEN }

    private SpoofSimulator() {
    }

    public static ImageView attack(ImageView src, Attack a, Random r) {
        return a == Attack.PRINT ? print(src, r) : screen(src, r);
    }

    /** A halftone print of {@code src}, re-captured at the same framing. */
    public static ImageView print(ImageView src, Random r) {
        int w = src.width();
        int h = src.height();
        double cell = 2.5 + 3.5 * r.nextDouble(); // halftone cell in captured pixels
        double[] angles = {Math.toRadians(15), Math.toRadians(75), Math.toRadians(0), Math.toRadians(45)};
        double[][] ink = {{0.20, 0.85, 0.95}, {0.95, 0.30, 0.85}, {0.97, 0.93, 0.25}, {0.15, 0.15, 0.17}};
        double[] paper = {242, 238, 226};
        double[] out = new double[3 * w * h];
        int ss = 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = TestImages.rgb(src, x, y);
                double cc = 1 - c[0] / 255.0;
                double mm = 1 - c[1] / 255.0;
                double yy = 1 - c[2] / 255.0;
                double k = 0.7 * Math.min(cc, Math.min(mm, yy));
                double[] cover = {cc - k, mm - k, yy - k, k};
                double[] acc = new double[3];
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double px = x + (sx + 0.5) / ss;
                        double py = y + (sy + 0.5) / ss;
                        double[] refl = paper.clone();
                        for (int i = 0; i < 4; i++) {
                            double u = (Math.cos(angles[i]) * px + Math.sin(angles[i]) * py) / cell;
                            double v = (-Math.sin(angles[i]) * px + Math.cos(angles[i]) * py) / cell;
                            double du = u - Math.floor(u) - 0.5;
                            double dv = v - Math.floor(v) - 0.5;
                            double radius = Math.sqrt(Math.min(1, cover[i] * 1.1) / Math.PI); // with dot gain
                            if (Math.hypot(du, dv) < radius) {
                                for (int ch = 0; ch < 3; ch++) {
                                    refl[ch] *= ink[i][ch];
                                }
                            }
                        }
                        for (int ch = 0; ch < 3; ch++) {
                            acc[ch] += refl[ch] / (ss * ss);
                        }
                    }
                }
                int o = 3 * (y * w + x);
                out[o] = acc[0];
                out[o + 1] = acc[1];
                out[o + 2] = acc[2];
            }
        }
        return recapture(out, w, h, 0.5 + 1.0 * r.nextDouble(), 0.85 + 0.2 * r.nextDouble(), 0, new double[] {1, 1, 1},
                false, r);
    }

    /** {@code src} shown full-frame on an LCD and photographed. */
    public static ImageView screen(ImageView src, Random r) {
        int w = src.width();
        int h = src.height();
        double pitch = 1.6 + 2.1 * r.nextDouble(); // screen pixel in captured pixels, not an integer: moire
        double tilt = Math.toRadians(r.nextDouble() * 4 - 2);
        double[] out = new double[3 * w * h];
        int ss = 3;
        double cos = Math.cos(tilt);
        double sin = Math.sin(tilt);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] acc = new double[3];
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double px = x + (sx + 0.5) / ss;
                        double py = y + (sy + 0.5) / ss;
                        double u = (cos * px + sin * py) / pitch;
                        double v = (-sin * px + cos * py) / pitch;
                        double fu = u - Math.floor(u);
                        double fv = v - Math.floor(v);
                        int sxp = (int) Math.min(w - 1, Math.max(0, Math.floor(u) * pitch));
                        int syp = (int) Math.min(h - 1, Math.max(0, Math.floor(v) * pitch));
                        int[] c = TestImages.rgb(src, sxp, syp);
                        int sub = (int) (fu * 3); // R, G, B stripes
                        double inSub = fu * 3 - sub;
                        boolean lit = inSub > 0.1 && inSub < 0.9 && fv > 0.08 && fv < 0.92;
                        if (lit) {
                            acc[sub] += 3.0 * c[sub] / (ss * ss);
                        }
                    }
                }
                int o = 3 * (y * w + x);
                out[o] = acc[0] * 0.82;
                out[o + 1] = acc[1] * 0.82;
                out[o + 2] = acc[2] * 0.82;
            }
        }
        return recapture(out, w, h, 0.4 + 1.0 * r.nextDouble(), 0.9 + 0.2 * r.nextDouble(), 14,
                new double[] {0.93, 0.98, 1.06}, r.nextBoolean(), r);
    }

    private static ImageView recapture(double[] rgb, int w, int h, double sigma, double gain, double black,
                                       double[] cast, boolean glare, Random r) {
        double[] blurred = blur(rgb, w, h, sigma);
        ImageView out = ImageViews.blank(w, h);
        double gx = r.nextDouble() * w;
        double gy = r.nextDouble() * h;
        double gr = 0.15 * Math.min(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double falloff = gain * (1 - 0.15 * ((x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0))
                        / (w * w / 4.0 + h * h / 4.0));
                double g = glare ? 90 * Math.exp(-((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (2 * gr * gr)) : 0;
                int o = 3 * (y * w + x);
                int[] c = new int[3];
                for (int ch = 0; ch < 3; ch++) {
                    c[ch] = (int) Math.round(black + blurred[o + ch] * falloff * cast[ch] + g + 2.0 * r.nextGaussian());
                }
                TestImages.set(out, x, y, c[0], c[1], c[2]);
            }
        }
        return out;
    }

    private static double[] blur(double[] rgb, int w, int h, double sigma) {
        int rad = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * rad + 1];
        double s = 0;
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = Math.exp(-i * i / (2 * sigma * sigma));
            s += k[i + rad];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        double[] tmp = new double[rgb.length];
        double[] out = new double[rgb.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    double a = 0;
                    for (int i = -rad; i <= rad; i++) {
                        int xx = Math.min(w - 1, Math.max(0, x + i));
                        a += k[i + rad] * rgb[3 * (y * w + xx) + ch];
                    }
                    tmp[3 * (y * w + x) + ch] = a;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    double a = 0;
                    for (int i = -rad; i <= rad; i++) {
                        int yy = Math.min(h - 1, Math.max(0, y + i));
                        a += k[i + rad] * tmp[3 * (yy * w + x) + ch];
                    }
                    out[3 * (y * w + x) + ch] = a;
                }
            }
        }
        return out;
    }
}
