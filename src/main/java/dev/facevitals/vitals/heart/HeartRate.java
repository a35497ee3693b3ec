package dev.facevitals.vitals.heart;

/**
 * A heart-rate estimate from a pulse spectrum.
 *
 * @param frequencyHz        pulse frequency, Hz, refined between bins
 * @param snrDb              de Haan's SNR at that frequency, dB
 * @param subharmonicChosen  true when the highest peak was taken to be the second harmonic and half its
 *                           frequency reported instead
 */
public record HeartRate(double frequencyHz, double snrDb, boolean subharmonicChosen) {

    public double bpm() {
        return frequencyHz * 60;
    }
}
