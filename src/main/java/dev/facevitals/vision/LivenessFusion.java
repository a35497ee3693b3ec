package dev.facevitals.vision;

import java.util.Arrays;

/**
 * Logistic fusion of the liveness cues: {@code z = bias + modelWeight * logit(p_model) + sum w_i (x_i - mean_i)
 * / scale_i} over the {@link SpoofCues#features()}. {@code z} is the raw, unbounded score (IDLive's
 * {@code score}); the probability is {@code sigmoid(z - offset)} with the offset of the calibration. Weights
 * come from {@link #fit} on labelled genuine and attack images (docs/liveness.md gives the command and data).
 *
 * @param bias        intercept
 * @param modelWeight weight of the liveness model's logit (0: texture cues only)
 * @param weights     one per cue feature
 * @param means       feature means of the fitting set
 * @param scales      feature standard deviations of the fitting set
 */
public record LivenessFusion(double bias, double modelWeight, double[] weights, double[] means, double[] scales) {

    /** Model and cues; fitted by FaceBenchmark (docs/liveness.md), pasted from its output. */
    public static final LivenessFusion FUSED = new LivenessFusion(-1.289836, 0.184113,
            new double[] {-1.3844374578275345, -0.6913566482093894, 0.6851410168808574, 0.42389796273960034, -0.24942890057174294},
            new double[] {5.964668569035448, 0.22127303236519796, 0.39250915996177865, 0.00882577537593985, 0.8857621810387852},
            new double[] {2.47792933752668, 0.3031661690786352, 0.14842249958521325, 0.0314609165921773, 0.12710620727744187});

    /** Cues alone, no model; fitted by FaceBenchmark (docs/liveness.md). */
    public static final LivenessFusion TEXTURE = new LivenessFusion(-0.935389, 0.000000,
            new double[] {-1.3409536493117262, -0.7409694294848288, 0.7727157173268566, 0.3676224830538821, -0.13052769552663088},
            new double[] {5.964668569035448, 0.22127303236519796, 0.39250915996177865, 0.00882577537593985, 0.8857621810387852},
            new double[] {2.47792933752668, 0.3031661690786352, 0.14842249958521325, 0.0314609165921773, 0.12710620727744187});

    /** How strict the decision is: HARDENED asks for 4:1 odds of live where REGULAR asks for even odds. */
    public enum Calibration {
        REGULAR(0), HARDENED(Math.log(4));

        private final double offset;

        Calibration(double offset) {
            this.offset = offset;
        }

        public double offset() {
            return offset;
        }
    }

    /** The model alone: {@code z = logit(p_model)}. */
    public static LivenessFusion modelOnly(int features) {
        double[] zero = new double[features];
        double[] one = new double[features];
        Arrays.fill(one, 1);
        return new LivenessFusion(0, 1, zero, zero, one);
    }

    public double score(double[] features, double modelLive) {
        double z = bias + modelWeight * logit(modelLive);
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return z;
    }

    public static double probability(double score, Calibration c) {
        return sigmoid(score - c.offset());
    }

    /**
     * Softmax probability of one class from a classifier's raw outputs, computed from the largest logit so
     * that large logits cannot overflow.
     *
     * @param logits input: raw class scores, at least one
     * @param k      input: the class whose probability is wanted
     */
    public static double softmax(float[] logits, int k) {
        if (logits.length == 0 || k < 0 || k >= logits.length) {
            throw new IllegalArgumentException("need a class index inside a non-empty score vector");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logits[k] - max) / sum;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Log-odds, with p clipped to [1e-4, 1 - 1e-4] so a saturated model cannot outvote every cue. */
    public static double logit(double p) {
        double q = Math.max(1e-4, Math.min(1 - 1e-4, Double.isNaN(p) ? 0.5 : p));
        return Math.log(q / (1 - q));
    }

    /**
     * L2-regularised logistic regression by gradient descent on standardised features.
     *
     * @param x         input: features per sample
     * @param modelLive input: the model's probability per sample, or null to fit the cues alone
     * @param live      input: the label per sample
     * @param l2        input: ridge penalty on the weights (not the bias)
     */
    public static LivenessFusion fit(double[][] x, double[] modelLive, boolean[] live, double l2) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        int cols = d + (modelLive == null ? 0 : 1);
        double[][] z = new double[n][cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            if (modelLive != null) {
                z[i][d] = logit(modelLive[i]);
            }
        }
        double[] w = new double[cols];
        double b = 0;
        double rate = 0.1;
        for (int it = 0; it < 5000; it++) {
            double[] g = new double[cols];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double s = b;
                for (int j = 0; j < cols; j++) {
                    s += w[j] * z[i][j];
                }
                double err = sigmoid(s) - (live[i] ? 1 : 0);
                gb += err / n;
                for (int j = 0; j < cols; j++) {
                    g[j] += err * z[i][j] / n;
                }
            }
            b -= rate * gb;
            for (int j = 0; j < cols; j++) {
                w[j] -= rate * (g[j] + l2 * w[j]);
            }
        }
        double[] cue = Arrays.copyOf(w, d);
        return new LivenessFusion(b, modelLive == null ? 0 : w[d], cue, mean, scale);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "bias %.6f, model %.6f, weights %s, means %s, scales %s", bias,
                modelWeight, Arrays.toString(weights), Arrays.toString(means), Arrays.toString(scales));
    }
}
