package dev.facevitals.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facevitals.video.synthetic.HdrEncoding;
import org.junit.jupiter.api.Test;

/**
 * The HDR-to-SDR mapping against a forward path written here from the standards (BT.2100's HLG OETF, ST 2084's
 * PQ, BT.2087's BT.709-to-BT.2020 matrix, sRGB): a colour encoded as a phone's HDR video stores it comes back as
 * the SDR colour it was.
 */
class HdrToSdrTest {

    /** The 16-bit signal of a linear SDR level (white 1) in BT.709, as the HDR video stores it. */
    private static short[] encode(HdrToSdr.Transfer t, double[] linear709) {
        double[] signal = HdrEncoding.signal(HdrEncoding.Transfer.valueOf(t.name()), linear709);
        short[] out = new short[3];
        for (int c = 0; c < 3; c++) {
            out[c] = (short) Math.round(signal[c] * 65535);
        }
        return out;
    }

    private static int srgb8(double linear) {
        double s = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(255 * s);
    }

    private static int[] convert(HdrToSdr m, short[] rgb) {
        byte[] bgr = new byte[3];
        m.convertRow(new int[] {HdrToSdr.entry(rgb[0])}, new int[] {HdrToSdr.entry(rgb[1])},
                new int[] {HdrToSdr.entry(rgb[2])}, bgr, 1);
        return new int[] {bgr[2] & 0xff, bgr[1] & 0xff, bgr[0] & 0xff};
    }

    @Test
    void referenceWhiteIsSdrWhiteBeforeTheRollOff() {
        assertThat(HdrToSdr.toLinear(HdrToSdr.Transfer.HLG, 0.75)).isCloseTo(1.0, within(1e-12));
        assertThat(HdrToSdr.toLinear(HdrToSdr.Transfer.PQ, HdrEncoding.pq(HdrEncoding.PQ_REFERENCE_WHITE)))
                .isCloseTo(1.0, within(1e-9));
        assertThat(HdrToSdr.toLinear(HdrToSdr.Transfer.PQ, 0)).isZero();
        // HLG's square-root segment: signal 0.5 is a twelfth of its scene light's full scale
        assertThat(HdrToSdr.toLinear(HdrToSdr.Transfer.HLG, 0.5))
                .isCloseTo(1.0 / 12 / HdrEncoding.REFERENCE_WHITE, within(1e-12));
    }

    @Test
    void skinAndGreysComeBackAsTheSdrColoursTheyWere() {
        double[][] colours = {
                {0.45, 0.25, 0.18}, // skin
                {0.60, 0.38, 0.28}, // lighter skin
                {0.08, 0.04, 0.03}, // dark skin
                {0.20, 0.20, 0.20}, // grey
                {0.01, 0.01, 0.01}, // near black
                {0.05, 0.30, 0.60}, // a saturated blue, inside BT.709
        };
        for (HdrToSdr.Transfer t : HdrToSdr.Transfer.values()) {
            HdrToSdr m = new HdrToSdr(t, true);
            for (double[] c : colours) {
                int[] got = convert(m, encode(t, c));
                for (int k = 0; k < 3; k++) {
                    assertThat(got[k]).as("%s %s channel %d", t, java.util.Arrays.toString(c), k)
                            .isCloseTo(srgb8(c[k]), within(1));
                }
            }
        }
    }

    @Test
    void withoutBt2020PrimariesTheColoursAreNotMixed() {
        HdrToSdr m = new HdrToSdr(HdrToSdr.Transfer.HLG, false);
        short s = (short) Math.round(HdrEncoding.oetf(0.3 * HdrEncoding.REFERENCE_WHITE) * 65535);
        short zero = 0;
        // red alone stays red alone (with BT.2020 primaries it would take green and blue below zero: clipped)
        int[] got = convert(m, new short[] {s, zero, zero});
        assertThat(got[0]).isCloseTo(srgb8(0.3), within(1));
        assertThat(got[1]).isZero();
        assertThat(got[2]).isZero();
    }

    @Test
    void highlightsAreRolledOffNotClipped() {
        assertThat(HdrToSdr.rollOff(HdrToSdr.KNEE)).isCloseTo(HdrToSdr.KNEE, within(1e-12));
        // the slope is 1 on both sides of the knee
        double h = 1e-7;
        assertThat((HdrToSdr.rollOff(HdrToSdr.KNEE + h) - HdrToSdr.KNEE) / h).isCloseTo(1.0, within(1e-5));
        assertThat(HdrToSdr.rollOff(0.5)).isEqualTo(0.5);
        double last = HdrToSdr.KNEE;
        for (double x = HdrToSdr.KNEE + 0.05; x < 8; x *= 1.3) {
            double y = HdrToSdr.rollOff(x);
            assertThat(y).isGreaterThan(last).isLessThan(1.0);
            last = y;
        }
        HdrToSdr m = new HdrToSdr(HdrToSdr.Transfer.PQ, true);
        int white = convert(m, encode(HdrToSdr.Transfer.PQ, new double[] {1, 1, 1}))[1];
        int brighter = convert(m, encode(HdrToSdr.Transfer.PQ, new double[] {2, 2, 2}))[1];
        int peak = convert(m, new short[] {(short) 65535, (short) 65535, (short) 65535})[1];
        assertThat(white).isEqualTo(srgb8(HdrToSdr.rollOff(1)));
        assertThat(brighter).isGreaterThan(white);
        assertThat(peak).isGreaterThanOrEqualTo(brighter).isEqualTo(255);
    }
}
