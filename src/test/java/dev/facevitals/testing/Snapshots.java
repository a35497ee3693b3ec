package dev.facevitals.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import dev.facevitals.video.FrameSource;
import dev.facevitals.video.VideoDecoder;
import dev.facevitals.video.VideoException;
import dev.facevitals.video.VideoFrame;
import dev.facevitals.vision.ImageView;

/** Camera snapshots for check-conditions, as a client takes them from its preview. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The first frame of a video, as JPEG: what the client would have checked before recording it. */
    public static byte[] firstFrameJpeg(Path video) throws IOException, VideoException {
        try (FrameSource source = new VideoDecoder().open(video)) {
            VideoFrame frame = source.next();
            if (frame == null) {
                throw new IOException("no frame in " + video);
            }
            return jpeg(frame.image());
        }
    }

    public static byte[] jpeg(ImageView view) throws IOException {
        BufferedImage img = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_RGB);
        ByteBuffer p = view.pixels();
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                int o = view.offset(x, y);
                int rgb = (p.get(o + 2) & 0xff) << 16 | (p.get(o + 1) & 0xff) << 8 | (p.get(o) & 0xff);
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
