package dev.facevitals.vision;

/**
 * Image-quality numbers of the Perse kind, each 0-1, measured on a resampled crop so that they do not depend
 * on the face's size in pixels: the 112x112 aligned face, or the whole image shrunk to at most
 * {@link #IMAGE_SIDE} pixels.
 *
 * <ul>
 * <li>underexposure: share of pixels with luma below {@link #DARK} (shadow detail lost; 0 is best)</li>
 * <li>overexposure: share of pixels with luma above {@link #BRIGHT} (highlights clipped; 0 is best)</li>
 * <li>sharpness: {@code v / (v + SHARP_HALF)} of the variance v of the 4-neighbour Laplacian of luma
 * (motion or focus blur lowers it; 1 is best)</li>
 * <li>color: {@code exp(-M / COLOR_SCALE)} of the Hasler-Suesstrunk colourfulness M (a grey or washed-out
 * picture reads near 1; 0 is best)</li>
 * </ul>
 *
 * @param underexposure 0-1
 * @param overexposure  0-1
 * @param sharpness     0-1
 * @param color         0-1
 */
public record FaceQuality(double underexposure, double overexposure, double sharpness, double color) {

    public static final int DARK = 30;
    public static final int BRIGHT = 240;
    public static final double SHARP_HALF = 60;
    public static final double COLOR_SCALE = 10;
    public static final int IMAGE_SIDE = 256;

    /** The aligned 112x112 face. */
    public static FaceQuality ofFace(ImageView image, Affine imageToCrop) {
        return measure(image, imageToCrop, FaceAlignment.CROP_SIZE, FaceAlignment.CROP_SIZE);
    }

    /** The whole image, shrunk so its longer side is at most {@link #IMAGE_SIDE}. */
    public static FaceQuality ofImage(ImageView image) {
        double s = Math.min(1.0, (double) IMAGE_SIDE / Math.max(image.width(), image.height()));
        int w = Math.max(3, (int) Math.round(image.width() * s));
        int h = Math.max(3, (int) Math.round(image.height() * s));
        return measure(image, new Affine((double) w / image.width(), 0, 0, 0, (double) h / image.height(), 0), w, h);
    }

    /**
     * @param image       input: BGR pixels
     * @param imageToCrop input: map from image pixels to crop pixels
     * @param w           crop width, at least 3
     * @param h           crop height, at least 3
     */
    public static FaceQuality measure(ImageView image, Affine imageToCrop, int w, int h) {
        float[][] rgb = sample(image, imageToCrop.inverse(), w, h);
        int n = w * h;
        float[] luma = new float[n];
        int dark = 0;
        int bright = 0;
        double srg = 0;
        double srg2 = 0;
        double syb = 0;
        double syb2 = 0;
        for (int i = 0; i < n; i++) {
            float r = rgb[0][i];
            float g = rgb[1][i];
            float b = rgb[2][i];
            float y = 0.299f * r + 0.587f * g + 0.114f * b;
            luma[i] = y;
            if (y < DARK) {
                dark++;
            } else if (y > BRIGHT) {
                bright++;
            }
            double rg = r - g;
            double yb = 0.5 * (r + g) - b;
            srg += rg;
            srg2 += rg * rg;
            syb += yb;
            syb2 += yb * yb;
        }
        double mrg = srg / n;
        double myb = syb / n;
        double sdrg = Math.sqrt(Math.max(0, srg2 / n - mrg * mrg));
        double sdyb = Math.sqrt(Math.max(0, syb2 / n - myb * myb));
        double colourfulness = Math.hypot(sdrg, sdyb) + 0.3 * Math.hypot(mrg, myb);
        double lap = laplacianVariance(luma, w, h);
        return new FaceQuality((double) dark / n, (double) bright / n, lap / (lap + SHARP_HALF),
                Math.exp(-colourfulness / COLOR_SCALE));
    }

    /** Variance of the 4-neighbour Laplacian over the interior. */
    static double laplacianVariance(float[] y, int w, int h) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                double l = y[i - 1] + y[i + 1] + y[i - w] + y[i + w] - 4 * y[i];
                s += l;
                s2 += l * l;
                n++;
            }
        }
        double m = s / n;
        return Math.max(0, s2 / n - m * m);
    }

    /** Bilinear samples (R, G, B planes) of the crop; outside the image reads the nearest edge pixel. */
    static float[][] sample(ImageView img, Affine cropToImage, int w, int h) {
        float[][] out = new float[3][w * h];
        var p = img.pixels();
        int maxX = img.width() - 1;
        int maxY = img.height() - 1;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double x = Math.max(0, Math.min(maxX, cropToImage.applyX(u + 0.5, v + 0.5) - 0.5));
                double y = Math.max(0, Math.min(maxY, cropToImage.applyY(u + 0.5, v + 0.5) - 0.5));
                int x0 = (int) x;
                int y0 = (int) y;
                int x1 = Math.min(maxX, x0 + 1);
                int y1 = Math.min(maxY, y0 + 1);
                double fx = x - x0;
                double fy = y - y0;
                int i = v * w + u;
                for (int ch = 0; ch < 3; ch++) {
                    int off = 2 - ch; // BGR storage
                    double a = p.get(img.offset(x0, y0) + off) & 0xff;
                    double b = p.get(img.offset(x1, y0) + off) & 0xff;
                    double c = p.get(img.offset(x0, y1) + off) & 0xff;
                    double d = p.get(img.offset(x1, y1) + off) & 0xff;
                    out[ch][i] = (float) ((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy);
                }
            }
        }
        return out;
    }

    /**
     * The head's total rotation away from facing the camera, in degrees (0-180): the angle of the single
     * rotation equal to yaw, pitch and roll together ({@code R = Rz(roll) Rx(pitch) Ry(yaw)}).
     */
    public static double rotationDegrees(HeadPose pose) {
        double y = Math.toRadians(pose.yaw());
        double p = Math.toRadians(pose.pitch());
        double r = Math.toRadians(pose.roll());
        double cy = Math.cos(y);
        double sy = Math.sin(y);
        double cp = Math.cos(p);
        double sp = Math.sin(p);
        double cr = Math.cos(r);
        double sr = Math.sin(r);
        // diagonal of Rz(r) * Rx(p) * Ry(y)
        double m00 = cr * cy - sr * sp * sy;
        double m11 = cr * cp;
        double m22 = cp * cy;
        double cos = Math.max(-1, Math.min(1, (m00 + m11 + m22 - 1) / 2));
        return Math.toDegrees(Math.acos(cos));
    }
}
