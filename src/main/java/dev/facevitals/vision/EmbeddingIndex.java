package dev.facevitals.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact 1:N search over unit-length embeddings by brute force: all vectors in one contiguous float array, a
 * dot product per entry, a small heap for the top k. Measured in docs/faces.md (100,000 x 512 floats is about
 * 200 MB and one scan of it). Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class EmbeddingIndex {

    /** One hit. */
    public record Hit(String key, double similarity) {
    }

    private final int dim;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private float[] data;
    private String[] keys;
    private final Map<String, Integer> slots = new HashMap<>();
    private int size;

    public EmbeddingIndex(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be positive");
        }
        this.dim = dim;
        this.data = new float[dim * 16];
        this.keys = new String[16];
    }

    public int dim() {
        return dim;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces the vector stored under {@code key}. */
    public void put(String key, float[] v) {
        if (v.length != dim) {
            throw new IllegalArgumentException("vector of " + v.length + ", index of " + dim);
        }
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(key);
            if (slot == null) {
                if (size == keys.length) {
                    int cap = keys.length * 2;
                    keys = Arrays.copyOf(keys, cap);
                    data = Arrays.copyOf(data, cap * dim);
                }
                slot = size++;
                slots.put(key, slot);
                keys[slot] = key;
            }
            System.arraycopy(v, 0, data, slot * dim, dim);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes {@code key}; true when it was there. The last entry moves into its slot. */
    public boolean remove(String key) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(key);
            if (slot == null) {
                return false;
            }
            int last = --size;
            if (slot != last) {
                System.arraycopy(data, last * dim, data, slot * dim, dim);
                keys[slot] = keys[last];
                slots.put(keys[slot], slot);
            }
            keys[last] = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The {@code k} entries most similar to {@code query} (dot product, the cosine for unit vectors), best
     * first; fewer when the index holds fewer.
     */
    public List<Hit> search(float[] query, int k) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query of " + query.length + ", index of " + dim);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        lock.readLock().lock();
        try {
            int n = Math.min(k, size);
            // min-heap of the best n so far: scores and slots, root at 0
            float[] hs = new float[n];
            int[] hi = new int[n];
            int filled = 0;
            float[] d = data;
            for (int e = 0; e < size; e++) {
                int o = e * dim;
                float s = 0;
                for (int j = 0; j < dim; j++) {
                    s += d[o + j] * query[j];
                }
                if (filled < n) {
                    hs[filled] = s;
                    hi[filled] = e;
                    siftUp(hs, hi, filled++);
                } else if (s > hs[0]) {
                    hs[0] = s;
                    hi[0] = e;
                    siftDown(hs, hi, n);
                }
            }
            List<Hit> out = new ArrayList<>(filled);
            for (int i = 0; i < filled; i++) {
                out.add(new Hit(keys[hi[i]], hs[i]));
            }
            out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void siftUp(float[] s, int[] i, int c) {
        while (c > 0) {
            int p = (c - 1) / 2;
            if (s[p] <= s[c]) {
                return;
            }
            swap(s, i, p, c);
            c = p;
        }
    }

    private static void siftDown(float[] s, int[] i, int n) {
        int p = 0;
        while (true) {
            int l = 2 * p + 1;
            int r = l + 1;
            int m = p;
            if (l < n && s[l] < s[m]) {
                m = l;
            }
            if (r < n && s[r] < s[m]) {
                m = r;
            }
            if (m == p) {
                return;
            }
            swap(s, i, p, m);
            p = m;
        }
    }

    private static void swap(float[] s, int[] i, int a, int b) {
        float t = s[a];
        s[a] = s[b];
        s[b] = t;
        int u = i[a];
        i[a] = i[b];
        i[b] = u;
    }
}
