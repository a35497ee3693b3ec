package dev.facevitals.vision.opencv;

import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;

import dev.facevitals.vision.ModelSource;
import dev.facevitals.vision.VisionException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_dnn.Net;

/** Loads OpenCV DNN networks from checksum-verified bytes (never from a path the checksum did not cover). */
final class DnnNets {

    private DnnNets() {
    }

    static Net load(ModelSource source) {
        return load(source.fileName(), source.loadVerified());
    }

    static Net load(String name, byte[] verifiedBytes) {
        try (BytePointer p = new BytePointer(verifiedBytes)) {
            Net net = name.endsWith(".onnx") ? readNetFromONNX(p, verifiedBytes.length)
                    : readNetFromTFLite(p, verifiedBytes.length);
            if (net == null || net.empty()) {
                throw new VisionException("OpenCV could not load model " + name);
            }
            return net;
        } catch (RuntimeException e) {
            if (e instanceof VisionException) {
                throw e;
            }
            throw new VisionException("OpenCV could not load model " + name + ": " + e.getMessage(), e);
        }
    }

    static String[] outputNames(Net net) {
        var names = net.getUnconnectedOutLayersNames();
        String[] out = new String[(int) names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.get(i).getString().trim();
        }
        return out;
    }
}
