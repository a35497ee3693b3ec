package dev.facevitals.vision;

/** Face embedding vectors: normalisation and similarity. Vectors are plain float arrays. */
public final class Embeddings {

    private Embeddings() {
    }

    /** A unit-length copy; throws for a zero or non-finite vector. */
    public static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double n = Math.sqrt(sum);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("embedding has no direction");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }

    /** Cosine similarity in [-1, 1]; for unit vectors the dot product. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return 0;
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Dot product of unit vectors (the fast path of 1:N search). */
    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Little-endian float32 bytes, for storage. */
    public static byte[] toBytes(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("not a float32 vector: " + bytes.length + " bytes");
        }
        float[] v = new float[bytes.length / 4];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
