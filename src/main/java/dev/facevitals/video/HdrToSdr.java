package dev.facevitals.video;

/**
 * Maps HDR video (ITU-R BT.2100: the HLG or PQ transfer, usually BT.2020 primaries) to the SDR colours every
 * later step expects: BT.709 primaries and the sRGB transfer, 8 bits, as a player shows HDR video on an SDR
 * screen. Phones record HDR by default (an iPhone in HLG; Android phones' "HDR10" in PQ); read as if it were
 * SDR, their frames come out dim and grey, the liveness model scores the face lower, and PQ's curve squeezes
 * the pulse into fewer of the 8-bit levels (docs/vitals.md, "Stop 22").
 *
 * <p>Per pixel, from 16-bit R'G'B' in the video's own primaries: the transfer undone to linear light, scaled so
 * that the transfer's reference white is SDR white (BT.2408: 75 % of HLG's signal, 203 cd/m² in PQ), converted
 * from BT.2020 to BT.709 primaries (BT.2087's matrix, in linear light), highlights above {@link #KNEE} of SDR
 * white rolled off smoothly instead of clipped, and encoded with sRGB's transfer. HLG is taken as scene light
 * (its inverse OETF, no display OOTF): a face keeps the brightness the camera exposed it at.
 *
 * <p>Pure Java and table-driven: three table reads in, a 3 x 3 product, three table reads out. Immutable after
 * construction and thread-safe.
 */
final class HdrToSdr {

    /** The HDR transfers of BT.2100. */
    enum Transfer {
        HLG, PQ
    }

    /** Linear SDR light above this share of white is rolled off toward white instead of clipped. */
    static final double KNEE = 0.75;

    /** HLG's constants (BT.2100). */
    private static final double HLG_A = 0.17883277;
    private static final double HLG_B = 1 - 4 * HLG_A;
    private static final double HLG_C = 0.5 - HLG_A * Math.log(4 * HLG_A);

    /** PQ's constants (SMPTE ST 2084). */
    private static final double PQ_M1 = 2610.0 / 16384;
    private static final double PQ_M2 = 2523.0 / 4096 * 128;
    private static final double PQ_C1 = 3424.0 / 4096;
    private static final double PQ_C2 = 2413.0 / 4096 * 32;
    private static final double PQ_C3 = 2392.0 / 4096 * 32;
    /** PQ's reference white, cd/m² (BT.2408), and its peak. */
    private static final double PQ_REFERENCE_WHITE = 203;
    private static final double PQ_PEAK = 10000;

    /** BT.2020 to BT.709 primaries in linear light (the inverse of BT.2087's matrix). */
    private static final double[][] BT2020_TO_709 = {
            {1.6605, -0.5876, -0.0728},
            {-0.1246, 1.1329, -0.0083},
            {-0.0182, -0.1006, 1.1187}};

    /** Entries of the output table over linear SDR light [0, 1]. */
    private static final int OUT_STEPS = 1 << 16;
    /** Light above white is looked up to this many times white (PQ's peak is 49 times its reference white). */
    private static final double HIGH_MAX = 64;
    private static final int HIGH_BITS = 8;
    private static final int HIGH_STEPS = 1 << HIGH_BITS;

    /**
     * The input table is indexed by the signal's top {@value #IN_BITS} bits: four times a 10-bit video's
     * precision, and small enough to stay in the processor's nearest cache.
     */
    private static final int IN_BITS = 12;
    /** Entries of the input table: a signal {@code s} in [0, 1] is entry {@code floor(s * IN_STEPS)}. */
    static final int IN_STEPS = 1 << IN_BITS;

    /** Signal (top bits) to linear light, SDR white = 1. */
    private final float[] linear = new float[IN_STEPS];
    /** Linear SDR light in [0, 1] (index = light times {@link #OUT_STEPS}), rolled off, to 8-bit sRGB. */
    private final byte[] out = new byte[OUT_STEPS + 1];
    /** The same above white, up to {@link #HIGH_MAX} times it, on a coarser grid ({@link #HIGH_STEPS} a unit). */
    private final byte[] high = new byte[(int) ((HIGH_MAX - 1) * HIGH_STEPS) + 1];
    private final float[] m = new float[9];
    private final Transfer transfer;
    private final boolean bt2020;

    /**
     * @param transfer the video's transfer
     * @param bt2020   whether its primaries are BT.2020's (else taken as BT.709's already)
     */
    HdrToSdr(Transfer transfer, boolean bt2020) {
        this.transfer = transfer;
        this.bt2020 = bt2020;
        for (int v = 0; v < linear.length; v++) {
            // the middle of the signals that share this entry
            linear[v] = (float) toLinear(transfer, (v + 0.5) / linear.length);
        }
        for (int i = 0; i <= OUT_STEPS; i++) {
            out[i] = (byte) Math.round(255 * srgb(rollOff((double) i / OUT_STEPS)));
        }
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) Math.round(255 * srgb(rollOff(1 + (double) i / HIGH_STEPS)));
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = (float) (bt2020 ? BT2020_TO_709[r][c] : r == c ? 1 : 0);
            }
        }
    }

    Transfer transfer() {
        return transfer;
    }

    boolean bt2020() {
        return bt2020;
    }

    /** Linear light of a signal in [0, 1], the transfer's reference white = 1. */
    static double toLinear(Transfer t, double signal) {
        if (t == Transfer.HLG) {
            return hlgScene(signal) / hlgScene(0.75);
        }
        double p = Math.pow(signal, 1 / PQ_M2);
        double y = Math.pow(Math.max(p - PQ_C1, 0) / (PQ_C2 - PQ_C3 * p), 1 / PQ_M1);
        return y * PQ_PEAK / PQ_REFERENCE_WHITE;
    }

    /** HLG's inverse OETF: scene light in [0, 1]. */
    private static double hlgScene(double signal) {
        return signal <= 0.5 ? signal * signal / 3 : (Math.exp((signal - HLG_C) / HLG_A) + HLG_B) / 12;
    }

    /** Light above {@link #KNEE} rolled off: continuous with a continuous slope there, below 1 everywhere. */
    static double rollOff(double x) {
        if (x <= KNEE) {
            return Math.max(0, x);
        }
        return KNEE + (1 - KNEE) * (1 - Math.exp(-(x - KNEE) / (1 - KNEE)));
    }

    /** sRGB's transfer: linear light in [0, 1] to signal in [0, 1]. */
    static double srgb(double x) {
        return x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
    }

    /** The input table entry of a 16-bit signal (unsigned in a short). */
    static int entry(short signal16) {
        return (signal16 & 0xffff) >>> (16 - IN_BITS);
    }

    /**
     * Converts one row given as input table entries ({@link #IN_STEPS} over the signal [0, 1]).
     *
     * @param red   input, {@code width} entries in {@code [0, IN_STEPS)}
     * @param green input, as red
     * @param blue  input, as red
     * @param bgr   output, {@code 3 * width} bytes: B, G, R per pixel
     */
    void convertRow(int[] red, int[] green, int[] blue, byte[] bgr, int width) {
        float[] lin = linear;
        float m0 = m[0];
        float m1 = m[1];
        float m2 = m[2];
        float m3 = m[3];
        float m4 = m[4];
        float m5 = m[5];
        float m6 = m[6];
        float m7 = m[7];
        float m8 = m[8];
        for (int x = 0, o = 0; x < width; x++, o += 3) {
            float r = lin[red[x]];
            float g = lin[green[x]];
            float b = lin[blue[x]];
            bgr[o] = encode(m6 * r + m7 * g + m8 * b);
            bgr[o + 1] = encode(m3 * r + m4 * g + m5 * b);
            bgr[o + 2] = encode(m0 * r + m1 * g + m2 * b);
        }
    }

    /** 8-bit sRGB of linear light (SDR white = 1), rolled off above {@link #KNEE}. */
    private byte encode(float x) {
        if (x < 1) {
            return out[Math.max(0, (int) (x * OUT_STEPS + 0.5f))];
        }
        return high[Math.min(high.length - 1, (int) ((x - 1) * HIGH_STEPS + 0.5f))];
    }
}
