package dev.facevitals.vision;

import java.nio.ByteBuffer;

/**
 * Exposure of one region in one image, over all its pixels inside the image (skin or not).
 *
 * @param pixels     pixels inside the image
 * @param meanLuma   mean of (r + 2g + b) / 4, 0-255; NaN when no pixel is inside
 * @param clipped    share of pixels with a channel at or above {@link SkinModel#CLIP}
 * @param skinPixels pixels the skin model accepts (0 without a model)
 */
public record RegionLight(int pixels, double meanLuma, double clipped, int skinPixels) {

    public double skinShare() {
        return pixels == 0 ? 0 : (double) skinPixels / pixels;
    }

    /** Measures a region; {@code skin} may be null. One pass, for single images (not per frame). */
    public static RegionLight measure(ImageView img, PixelSpans spans, SkinModel skin) {
        ByteBuffer px = img.pixels();
        long luma = 0;
        int n = 0;
        int clipped = 0;
        int skinN = 0;
        for (int i = 0; i < spans.spans(); i++) {
            int y = spans.row(i);
            if (y < 0 || y >= img.height()) {
                continue;
            }
            int x0 = Math.max(0, spans.start(i));
            int x1 = Math.min(img.width(), spans.end(i));
            for (int x = x0; x < x1; x++) {
                int o = img.offset(x, y);
                int b = px.get(o) & 0xff;
                int g = px.get(o + 1) & 0xff;
                int r = px.get(o + 2) & 0xff;
                luma += r + 2 * g + b;
                n++;
                if (r >= SkinModel.CLIP || g >= SkinModel.CLIP || b >= SkinModel.CLIP) {
                    clipped++;
                }
                if (skin != null && skin.isSkin(r, g, b)) {
                    skinN++;
                }
            }
        }
        return new RegionLight(n, n == 0 ? Double.NaN : luma / (4.0 * n), n == 0 ? 0 : (double) clipped / n, skinN);
    }
}
