package dev.facevitals.vitals.rppg;

/** Argument checks and window arithmetic shared by the windowed rPPG methods. */
final class Channels {

    private Channels() {
    }

    /** @return the common length of the three channels; throws when they differ */
    static int sameLength(double[] r, double[] g, double[] b) {
        int n = r.length;
        if (g.length != n || b.length != n) {
            throw new IllegalArgumentException("r, g, b lengths differ");
        }
        return n;
    }

    /** Throws unless {@code windowSec > 0} and {@code 0 < loHz < hiHz}. */
    static void requireWindowAndBand(double windowSec, double loHz, double hiHz) {
        if (!(windowSec > 0) || !(loHz > 0) || !(hiHz > loHz)) {
            throw new IllegalArgumentException("need windowSec > 0 and 0 < loHz < hiHz");
        }
    }

    /** Window length in samples: {@code windowSec * fs} rounded, at least {@code min}, at most {@code n}. */
    static int windowLength(int n, double windowSec, double fs, int min) {
        return Math.min(n, Math.max(min, (int) Math.round(windowSec * fs)));
    }
}
