package dev.facevitals.vision;

/**
 * Format and dimensions read from the first bytes of a JPEG or PNG, before any pixel is decoded, so that
 * absurd sizes (decompression bombs) are refused for the cost of a header parse.
 */
public record ImageHeader(Format format, int width, int height) {

    public enum Format { JPEG, PNG }

    public long pixels() {
        return (long) width * height;
    }

    /**
     * @param bytes input: the whole file
     * @throws ImageRejectedException when the bytes are not a JPEG or PNG with a readable size
     */
    public static ImageHeader read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException("image is empty");
        }
        if (bytes.length >= 24 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
            if (!(bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R')) {
                throw new ImageRejectedException("PNG without IHDR chunk");
            }
            return checked(Format.PNG, int32(bytes, 16), int32(bytes, 20));
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            return jpeg(bytes);
        }
        throw new ImageRejectedException("not a JPEG or PNG image");
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                throw new ImageRejectedException("corrupt JPEG: bad marker");
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // no length
                i += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                break; // end of image or start of scan before any frame header
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (len < 2) {
                throw new ImageRejectedException("corrupt JPEG: bad segment length");
            }
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                if (i + 8 >= b.length) {
                    break;
                }
                int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return checked(Format.JPEG, w, h);
            }
            i += 2 + len;
        }
        throw new ImageRejectedException("corrupt JPEG: no frame header");
    }

    private static ImageHeader checked(Format f, long w, long h) {
        if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw new ImageRejectedException("image header gives no usable size: " + w + "x" + h);
        }
        return new ImageHeader(f, (int) w, (int) h);
    }

    private static long int32(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }
}
