package dev.facevitals.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GBRP16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import dev.facevitals.video.VideoException.Kind;
import dev.facevitals.vision.ImageView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames to packed BGR24 of one fixed size into one buffer, reused for every frame.
 *
 * <p>The pixels live in a direct {@link ByteBuffer} owned by the JVM, not in FFmpeg memory: a consumer that
 * keeps a view past {@code close()} reads stale pixels instead of freed memory. Rows are padded to 64 bytes
 * so swscale can use its aligned paths; the view carries that stride.
 *
 * <p>HDR video (a frame tagged with the HLG or PQ transfer) that {@link FfmpegFrameSource} does not map itself
 * ({@link HdrFrameMapper} reads planar 10- and 12-bit Y'CbCr of known matrices, which HEVC, VP9 and AV1
 * decode to) is mapped to SDR here ({@link HdrToSdr}): swscale converts it to 16-bit planar RGB in the
 * video's own primaries, which keeps a 10-bit video's precision, and the mapping writes the BGR. (Packed
 * 16-bit RGB is not used: this FFmpeg build's swscale writes zeros for green there with bilinear chroma.)
 * Every other frame goes straight to BGR24.
 */
final class BgrConverter implements AutoCloseable {

    private static final int ALIGN = 64;

    private final int width;
    private final int height;
    private final int stride;
    private final ByteBuffer pixels;
    private final ImageView view;
    private final BytePointer dst;
    private final PointerPointer<BytePointer> dstPlanes;
    private final IntPointer dstStrides;

    private SwsContext sws;
    /**
     * HDR frames' 16-bit G, B and R planes (swscale's order), their native views, a row of each, and the
     * mapping; allocated at the first HDR frame.
     */
    private final ShortBuffer[] wideShorts = new ShortBuffer[3];
    private final BytePointer[] wideData = new BytePointer[3];
    private PointerPointer<BytePointer> widePlanes;
    private IntPointer wideStrides;
    private short[][] wideRows;
    private int[][] wideEntries;
    private byte[] bgrRow;
    private HdrToSdr hdr;
    private HdrToSdr.Transfer srcTransfer;
    private int srcWidth = -1;
    private int srcHeight = -1;
    private int srcFormat = -1;
    private int srcSpace = -1;
    private int srcRange = -1;

    /**
     * SDR frames converted band by band on demand ({@link #beginBands}): contexts for a band of {@link #BAND}
     * rows and for the shorter last band, configured as the whole frame's; the frame's planes and strides.
     */
    static final int BAND = 16;
    private SwsContext bandSws;
    private SwsContext lastSws;
    private int bandFormat = -1;
    private int bandSpace = -1;
    private int bandRange = -1;
    private int bandShiftY;
    private final PointerPointer<BytePointer> bandSrc = new PointerPointer<>(4);
    private final PointerPointer<BytePointer> bandDst = new PointerPointer<>(4);
    private final BytePointer bandDstCursor;
    private final BytePointer[] bandPlanes = new BytePointer[3];
    private IntPointer bandStrides;

    BgrConverter(int width, int height) {
        this.width = width;
        this.height = height;
        this.stride = (width * 3 + ALIGN - 1) / ALIGN * ALIGN;
        this.pixels = ByteBuffer.allocateDirect(stride * height + ALIGN).alignedSlice(ALIGN);
        this.view = new ImageView(width, height, stride, pixels.asReadOnlyBuffer());
        this.dst = new BytePointer(pixels);
        this.dstPlanes = new PointerPointer<>(4);
        this.dstPlanes.put(0, dst);
        this.dstStrides = new IntPointer(4);
        this.dstStrides.put(0, stride);
        this.bandDstCursor = new BytePointer(pixels);
    }

    /** The converted pixels: valid until the next {@link #convert}. */
    ImageView view() {
        return view;
    }

    ByteBuffer buffer() {
        return pixels;
    }

    int stride() {
        return stride;
    }

    void convert(AVFrame frame) throws VideoException {
        Input in = Input.of(frame);
        int format = in.format();
        int range = in.range();
        int space = frame.colorspace();
        HdrToSdr.Transfer transfer = transferOf(frame.color_trc());
        boolean bt2020 = frame.color_primaries() == AVCOL_PRI_BT2020;
        if (transfer != null && (hdr == null || hdr.transfer() != transfer || hdr.bt2020() != bt2020)) {
            hdr = new HdrToSdr(transfer, bt2020);
        }
        if (frame.width() != srcWidth || frame.height() != srcHeight || format != srcFormat
                || space != srcSpace || range != srcRange || transfer != srcTransfer) {
            sws = sws_getCachedContext(sws, frame.width(), frame.height(), format, width, height,
                    transfer == null ? AV_PIX_FMT_BGR24 : AV_PIX_FMT_GBRP16LE,
                    // HDR: each 2 x 2 block's chroma as it is, as the unscaled SDR path takes it (and cheaper)
                    transfer == null ? SWS_BILINEAR : SWS_POINT, (SwsFilter) null, (SwsFilter) null,
                    (DoublePointer) null);
            if (sws == null || sws.isNull()) {
                sws = null;
                throw new VideoException(Kind.UNSUPPORTED_CODEC, "swscale cannot convert pixel format " + format);
            }
            setColourSpace(sws, space, range);
            srcWidth = frame.width();
            srcHeight = frame.height();
            srcFormat = format;
            srcSpace = space;
            srcRange = range;
            srcTransfer = transfer;
        }
        if (transfer == null) {
            int rows = sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), dstPlanes, dstStrides);
            if (rows <= 0) {
                throw new VideoException(Kind.CORRUPT, "sws_scale returned " + rows);
            }
            return;
        }
        convertHdr(frame);
    }

    /** The colour space and range a context reads, the same for the whole frame and for bands. */
    private static void setColourSpace(SwsContext context, int space, int range) {
        // sws_getCoefficients maps unknown and unspecified colour spaces to BT.601, as FFmpeg does.
        IntPointer coefficients = sws_getCoefficients(space);
        sws_setColorspaceDetails(context, coefficients, range, sws_getCoefficients(space), 1, 0, 1 << 16, 1 << 16);
    }

    /**
     * Whether an SDR frame can be converted band by band ({@link #beginBands}): 8-bit planar Y'CbCr of the
     * buffer's own size (no scaling), whose bands start on a chroma row. swscale's unscaled conversion of a
     * band gives the bytes the whole frame's conversion gives there (docs/vitals.md, "Stop 23").
     */
    boolean bandable(AVFrame frame) {
        int format = plainFormat(frame.format());
        boolean planar = format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUV422P || format == AV_PIX_FMT_YUV444P;
        return planar && transferOf(frame.color_trc()) == null && frame.width() == width
                && frame.height() == height && (format != AV_PIX_FMT_YUV420P || height % 2 == 0)
                && frame.linesize(0) > 0 && frame.linesize(1) > 0 && frame.linesize(2) > 0;
    }

    /** Takes a {@link #bandable} frame for {@link #convertBand}; nothing is converted yet. */
    void beginBands(AVFrame frame) throws VideoException {
        Input in = Input.of(frame);
        int format = in.format();
        int range = in.range();
        int space = frame.colorspace();
        if (format != bandFormat || space != bandSpace || range != bandRange) {
            int last = height % BAND == 0 ? BAND : height % BAND;
            bandSws = bandContext(bandSws, format, Math.min(BAND, height), space, range);
            lastSws = bandContext(lastSws, format, last, space, range);
            bandFormat = format;
            bandSpace = space;
            bandRange = range;
            bandShiftY = format == AV_PIX_FMT_YUV420P ? 1 : 0;
        }
        for (int i = 0; i < 3; i++) {
            bandPlanes[i] = frame.data(i);
        }
        bandStrides = frame.linesize();
    }

    private SwsContext bandContext(SwsContext old, int format, int rows, int space, int range) throws VideoException {
        SwsContext c = sws_getCachedContext(old, width, rows, format, width, rows, AV_PIX_FMT_BGR24, SWS_BILINEAR,
                (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        if (c == null || c.isNull()) {
            throw new VideoException(Kind.UNSUPPORTED_CODEC, "swscale cannot convert pixel format " + format);
        }
        setColourSpace(c, space, range);
        return c;
    }

    /** Bands of {@link #BAND} rows (the last one shorter) in a frame. */
    int bands() {
        return (height + BAND - 1) / BAND;
    }

    /** Converts band {@code b} of the frame taken by {@link #beginBands} into the buffer. */
    void convertBand(int b) throws VideoException {
        int y0 = b * BAND;
        int rows = Math.min(BAND, height - y0);
        for (int i = 0; i < 3; i++) {
            int row = i == 0 ? y0 : y0 >> bandShiftY;
            bandSrc.put(i, bandPlanes[i].position((long) row * bandStrides.get(i)));
        }
        bandDst.put(0, bandDstCursor.position((long) y0 * stride));
        int done = sws_scale(rows == BAND ? bandSws : lastSws, bandSrc, bandStrides, 0, rows, bandDst, dstStrides);
        if (done <= 0) {
            throw new VideoException(Kind.CORRUPT, "sws_scale returned " + done);
        }
    }

    /** The HDR transfer a frame is tagged with; null for SDR (any other transfer, or none). */
    static HdrToSdr.Transfer transferOf(int colorTrc) {
        if (colorTrc == AVCOL_TRC_ARIB_STD_B67) {
            return HdrToSdr.Transfer.HLG;
        }
        return colorTrc == AVCOL_TRC_SMPTE2084 ? HdrToSdr.Transfer.PQ : null;
    }

    private void convertHdr(AVFrame frame) throws VideoException {
        int wideStride = (width * 2 + ALIGN - 1) / ALIGN * ALIGN;
        if (widePlanes == null) {
            widePlanes = new PointerPointer<>(4);
            wideStrides = new IntPointer(4);
            wideRows = new short[3][width];
            wideEntries = new int[3][width];
            bgrRow = new byte[3 * width];
            for (int c = 0; c < 3; c++) {
                ByteBuffer plane = ByteBuffer.allocateDirect(wideStride * height + ALIGN).alignedSlice(ALIGN)
                        .order(ByteOrder.LITTLE_ENDIAN);
                wideShorts[c] = plane.asShortBuffer();
                wideData[c] = new BytePointer(plane);
                widePlanes.put(c, wideData[c]);
                wideStrides.put(c, wideStride);
            }
        }
        int rows = sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), widePlanes, wideStrides);
        if (rows <= 0) {
            throw new VideoException(Kind.CORRUPT, "sws_scale returned " + rows);
        }
        for (int y = 0; y < height; y++) {
            for (int c = 0; c < 3; c++) {
                wideShorts[c].get(y * wideStride / 2, wideRows[c], 0, width);
                short[] in = wideRows[c];
                int[] e = wideEntries[c];
                for (int x = 0; x < width; x++) {
                    e[x] = HdrToSdr.entry(in[x]);
                }
            }
            // planes in swscale's G, B, R order
            hdr.convertRow(wideEntries[2], wideEntries[0], wideEntries[1], bgrRow, width);
            pixels.put(y * stride, bgrRow, 0, bgrRow.length);
        }
    }

    /** A frame's pixel format and range (1 full, 0 narrow) as swscale is told them. */
    private record Input(int format, int range) {
        static Input of(AVFrame frame) {
            int format = frame.format();
            int plain = plainFormat(format);
            // the yuvj formats are full-range yuv under a deprecated name: say so through the range instead
            return plain != format ? new Input(plain, 1)
                    : new Input(format, frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0);
        }
    }

    private static int plainFormat(int format) {
        if (format == AV_PIX_FMT_YUVJ420P) {
            return AV_PIX_FMT_YUV420P;
        } else if (format == AV_PIX_FMT_YUVJ422P) {
            return AV_PIX_FMT_YUV422P;
        } else if (format == AV_PIX_FMT_YUVJ444P) {
            return AV_PIX_FMT_YUV444P;
        } else if (format == AV_PIX_FMT_YUVJ440P) {
            return AV_PIX_FMT_YUV440P;
        } else if (format == AV_PIX_FMT_YUVJ411P) {
            return AV_PIX_FMT_YUV411P;
        }
        return format;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (bandSws != null) {
            sws_freeContext(bandSws);
            bandSws = null;
        }
        if (lastSws != null) {
            sws_freeContext(lastSws);
            lastSws = null;
        }
        bandSrc.close();
        bandDst.close();
        bandDstCursor.close();
        dstPlanes.close();
        dstStrides.close();
        dst.close();
        if (widePlanes != null) {
            widePlanes.close();
            wideStrides.close();
            for (BytePointer p : wideData) {
                p.close();
            }
        }
    }
}
