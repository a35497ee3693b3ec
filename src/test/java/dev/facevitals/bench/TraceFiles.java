package dev.facevitals.bench;

import dev.facevitals.vitals.SignalTraces;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads a scan's {@link SignalTraces} (test code), so that a benchmark can run the vitals engine
 * again on the traces of clips it has already decoded and tracked: the engine takes milliseconds, the decode
 * and tracking seconds per clip.
 */
final class TraceFiles {

    private static final int MAGIC = 0x46565452; // "FVTR"
    /**
     * Version 2 added a key-frame mark per frame (version 1 files read as having none), version 3 the count of
     * predicted frames after the frames (earlier files read as having none; their key-frame marks still say
     * whether the video was inter-frame coded wherever a key frame followed predicted ones).
     */
    private static final int VERSION = 3;

    private TraceFiles() {
    }

    static void write(Path file, SignalTraces t) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(t.regions());
            for (String name : t.regionNames()) {
                out.writeUTF(name);
            }
            out.writeInt(t.width());
            out.writeInt(t.height());
            out.writeInt(t.frames());
            double[] keys = t.keyFrameTimes();
            int key = 0;
            for (int i = 0; i < t.frames(); i++) {
                out.writeDouble(t.time()[i]);
                boolean isKey = key < keys.length && keys[key] == t.time()[i];
                if (isKey) {
                    key++;
                }
                out.writeBoolean(isKey);
                out.writeBoolean(t.faceFound()[i]);
                if (!t.faceFound()[i]) {
                    continue;
                }
                out.writeDouble(t.faceX()[i]);
                out.writeDouble(t.faceY()[i]);
                out.writeDouble(t.faceSize()[i]);
                for (int k = 0; k < t.regions(); k++) {
                    out.writeDouble(t.red(k)[i]);
                    out.writeDouble(t.green(k)[i]);
                    out.writeDouble(t.blue(k)[i]);
                    out.writeInt(t.pixels(k)[i]);
                }
            }
            out.writeInt(t.predictedFrames());
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static SignalTraces read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int version = in.readInt() == MAGIC ? in.readInt() : -1;
            if (version < 1 || version > VERSION) {
                throw new IOException("not a trace file: " + file);
            }
            int k = in.readInt();
            List<String> names = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                names.add(in.readUTF());
            }
            SignalTraces.Builder b = SignalTraces.builder(names, in.readInt(), in.readInt());
            int frames = in.readInt();
            double[] rgb = new double[3 * k];
            int[] count = new int[k];
            for (int i = 0; i < frames; i++) {
                double t = in.readDouble();
                boolean key = version >= 2 && in.readBoolean();
                if (!in.readBoolean()) {
                    b.addMissing(t);
                    if (key) {
                        b.keyFrame();
                    }
                    continue;
                }
                double x = in.readDouble();
                double y = in.readDouble();
                double s = in.readDouble();
                for (int r = 0; r < k; r++) {
                    rgb[3 * r] = in.readDouble();
                    rgb[3 * r + 1] = in.readDouble();
                    rgb[3 * r + 2] = in.readDouble();
                    count[r] = in.readInt();
                }
                b.addFace(t, x, y, s, rgb, count);
                if (key) {
                    b.keyFrame();
                }
            }
            int predicted = version >= 3 ? in.readInt() : 0;
            for (int i = 0; i < predicted; i++) {
                b.predicted();
            }
            return b.build();
        }
    }

    /** The same traces without the decoder's key-frame marks and predicted count (as all-intra video gives them). */
    static SignalTraces withoutKeyFrames(SignalTraces t) {
        int k = t.regions();
        SignalTraces.Builder b = SignalTraces.builder(t.regionNames(), t.width(), t.height());
        double[] rgb = new double[3 * k];
        int[] count = new int[k];
        for (int i = 0; i < t.frames(); i++) {
            if (!t.faceFound()[i]) {
                b.addMissing(t.time()[i]);
                continue;
            }
            for (int r = 0; r < k; r++) {
                rgb[3 * r] = t.red(r)[i];
                rgb[3 * r + 1] = t.green(r)[i];
                rgb[3 * r + 2] = t.blue(r)[i];
                count[r] = t.pixels(r)[i];
            }
            b.addFace(t.time()[i], t.faceX()[i], t.faceY()[i], t.faceSize()[i], rgb, count);
        }
        return b.build();
    }
}
