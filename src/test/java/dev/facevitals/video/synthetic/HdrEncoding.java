package dev.facevitals.video.synthetic;

/**
 * Turns rendered 8-bit sRGB frames into what a phone's HDR video stores: BT.2020 primaries, an HDR transfer of
 * ITU-R BT.2100 and BT.2020 non-constant-luminance Y'CbCr, 10 bits in limited range, chroma 4:2:0. An iPhone
 * records HDR video with the hybrid log-gamma transfer (HLG) by default; Android phones' "HDR10" video uses
 * the perceptual quantiser (PQ, SMPTE ST 2084).
 *
 * <p>The rendered frame is taken as the scene: sRGB decoded to linear light, converted from BT.709 to BT.2020
 * primaries (BT.2087's matrix), scaled so that the frame's white lands on the transfer's reference white
 * (BT.2408: 75 % of HLG's signal; 203 cd/m² in PQ, 58 % of its signal), and encoded. Chroma is the mean of each
 * 2 x 2 block's Cb and Cr. Pure Java. Also the forward path the decoder's mapping back to SDR is tested
 * against ({@code video.HdrToSdrTest}).
 */
public final class HdrEncoding {

    /** The HDR transfers of BT.2100. */
    public enum Transfer {
        HLG, PQ
    }

    /** HLG's constants (BT.2100). */
    private static final double A = 0.17883277;
    private static final double B = 1 - 4 * A;
    private static final double C = 0.5 - A * Math.log(4 * A);

    /** Scene light of HLG's reference white: the HLG OETF gives 0.75 there (BT.2408). */
    public static final double REFERENCE_WHITE = inverseOetf(0.75);

    /** PQ's constants (SMPTE ST 2084). */
    private static final double M1 = 2610.0 / 16384;
    private static final double M2 = 2523.0 / 4096 * 128;
    private static final double C1 = 3424.0 / 4096;
    private static final double C2 = 2413.0 / 4096 * 32;
    private static final double C3 = 2392.0 / 4096 * 32;

    /** PQ's reference white, 203 cd/m², as a share of its 10,000 cd/m² peak (BT.2408). */
    public static final double PQ_REFERENCE_WHITE = 203.0 / 10000;

    /** BT.709 to BT.2020 primaries in linear light (BT.2087). */
    private static final double[][] M709_TO_2020 = {
            {0.6274, 0.3293, 0.0433},
            {0.0691, 0.9195, 0.0114},
            {0.0164, 0.0880, 0.8956}};

    /** BT.2020's luma weights. */
    private static final double KR = 0.2627;
    private static final double KB = 0.0593;
    private static final double KG = 1 - KR - KB;

    /**
     * Steps of each transfer's table, linearly interpolated, over the light a frame can hold (the BT.709 to
     * BT.2020 matrix keeps white at white): HLG's whole range; PQ's up to twice its reference white.
     */
    private static final int OETF_STEPS = 1 << 16;
    private static final double HLG_TABLE_MAX = 1;
    private static final double PQ_TABLE_MAX = 2 * 203.0 / 10000;

    private static final double[] LINEAR = new double[256];
    private static final double[] OETF = new double[OETF_STEPS + 2];
    private static final double[] PQ = new double[OETF_STEPS + 2];

    static {
        for (int v = 0; v < 256; v++) {
            double s = v / 255.0;
            LINEAR[v] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        for (int i = 0; i < OETF.length; i++) {
            OETF[i] = oetf(HLG_TABLE_MAX * i / OETF_STEPS);
            PQ[i] = pq(PQ_TABLE_MAX * i / OETF_STEPS);
        }
    }

    private HdrEncoding() {
    }

    /** HLG's OETF: scene light in [0, 1] to signal in [0, 1]. */
    public static double oetf(double e) {
        return e <= 1.0 / 12 ? Math.sqrt(3 * e) : A * Math.log(12 * e - B) + C;
    }

    /** The inverse of {@link #oetf}. */
    static double inverseOetf(double signal) {
        return signal <= 0.5 ? signal * signal / 3 : (Math.exp((signal - C) / A) + B) / 12;
    }

    /** PQ's inverse EOTF: light as a share of 10,000 cd/m² to signal in [0, 1]. */
    public static double pq(double y) {
        double p = Math.pow(y, M1);
        return Math.pow((C1 + C2 * p) / (1 + C3 * p), M2);
    }

    /**
     * The exact signals a linear BT.709 colour (SDR white = 1) is stored as: R', G', B' in [0, 1] in BT.2020
     * primaries, the path {@link #toYuv420p10} takes through its tables.
     */
    public static double[] signal(Transfer t, double[] linear709) {
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double v = 0;
            for (int k = 0; k < 3; k++) {
                v += M709_TO_2020[c][k] * linear709[k];
            }
            out[c] = t == Transfer.HLG ? oetf(v * REFERENCE_WHITE) : pq(v * PQ_REFERENCE_WHITE);
        }
        return out;
    }

    private static double fastOetf(double[] table, double max, double e) {
        double x = Math.max(0, Math.min(OETF_STEPS, e / max * OETF_STEPS));
        int i = (int) x;
        double f = x - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /**
     * Converts one frame.
     *
     * @param transfer input, the HDR transfer
     * @param bgr      input, packed 8-bit BGR, {@code 3 * width} bytes a row
     * @param y        output, {@code width * height} luma samples, row-major (10-bit codes 64-940)
     * @param cb       output, {@code (width / 2) * (height / 2)} samples (codes 64-960)
     * @param cr       output, as cb
     */
    static void toYuv420p10(Transfer transfer, byte[] bgr, int width, int height, short[] y, short[] cb,
                            short[] cr) {
        double[] table = transfer == Transfer.HLG ? OETF : PQ;
        double white = transfer == Transfer.HLG ? REFERENCE_WHITE : PQ_REFERENCE_WHITE;
        double max = transfer == Transfer.HLG ? HLG_TABLE_MAX : PQ_TABLE_MAX;
        int cw = width / 2;
        double[] sumCb = new double[cw];
        double[] sumCr = new double[cw];
        for (int row = 0; row < height; row++) {
            if (row % 2 == 0) {
                java.util.Arrays.fill(sumCb, 0);
                java.util.Arrays.fill(sumCr, 0);
            }
            for (int x = 0; x < width; x++) {
                int o = 3 * (row * width + x);
                double b = LINEAR[bgr[o] & 0xff];
                double g = LINEAR[bgr[o + 1] & 0xff];
                double r = LINEAR[bgr[o + 2] & 0xff];
                double r2 = fastOetf(table, max, white * (M709_TO_2020[0][0] * r + M709_TO_2020[0][1] * g
                        + M709_TO_2020[0][2] * b));
                double g2 = fastOetf(table, max, white * (M709_TO_2020[1][0] * r + M709_TO_2020[1][1] * g
                        + M709_TO_2020[1][2] * b));
                double b2 = fastOetf(table, max, white * (M709_TO_2020[2][0] * r + M709_TO_2020[2][1] * g
                        + M709_TO_2020[2][2] * b));
                double luma = KR * r2 + KG * g2 + KB * b2;
                y[row * width + x] = (short) Math.round(64 + 876 * luma);
                if (x / 2 < cw) {
                    sumCb[x / 2] += (b2 - luma) / (2 * (1 - KB));
                    sumCr[x / 2] += (r2 - luma) / (2 * (1 - KR));
                }
            }
            if (row % 2 == 1 && row / 2 < height / 2) {
                for (int i = 0; i < cw; i++) {
                    cb[(row / 2) * cw + i] = (short) Math.round(512 + 896 * sumCb[i] / 4);
                    cr[(row / 2) * cw + i] = (short) Math.round(512 + 896 * sumCr[i] / 4);
                }
            }
        }
    }
}
