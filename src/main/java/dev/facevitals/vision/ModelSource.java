package dev.facevitals.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a model file comes from and the SHA-256 it must have. The bytes are read once, checked, and only then
 * handed to the inference engine, so a swapped or truncated file never runs. Nothing is fetched at run time.
 *
 * @param location {@code classpath:models/<file>} or a filesystem path
 * @param sha256   expected SHA-256, 64 hex digits
 */
public record ModelSource(String location, String sha256) {

    public static final String CLASSPATH = "classpath:";
    public static final String BUNDLED_DIR = "models/";
    public static final String BLAZEFACE_SHORT_RANGE = "face_detection_short_range.tflite";
    public static final String FACE_MESH = "face_landmark.tflite";
    public static final String FR_DETECT = "fr_detect.onnx";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    /** Larger than any bundled model by far; stops a misconfigured path from reading a huge file. */
    private static final long MAX_MODEL_BYTES = 512L * 1024 * 1024;

    public ModelSource {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("model location is empty");
        }
        sha256 = sha256 == null ? null : sha256.trim().toLowerCase(Locale.ROOT);
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("model " + location + " needs a SHA-256 of 64 hex digits");
        }
    }

    /** A model shipped in the build under {@code models/}, with the sum listed in {@code models/SHA256SUMS}. */
    public static ModelSource bundled(String fileName) {
        return new ModelSource(CLASSPATH + BUNDLED_DIR + fileName, bundledSum(fileName));
    }

    /**
     * From configuration: {@code sha256} may be blank only for a bundled {@code classpath:models/...} file, whose
     * sum then comes from {@code SHA256SUMS}.
     */
    public static ModelSource of(String location, String sha256) {
        if ((sha256 == null || sha256.isBlank()) && location != null
                && location.startsWith(CLASSPATH + BUNDLED_DIR)) {
            return bundled(location.substring((CLASSPATH + BUNDLED_DIR).length()));
        }
        return new ModelSource(location, sha256);
    }

    /** Last path element, for messages. */
    public String fileName() {
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf(':'));
        return location.substring(slash + 1);
    }

    /** Reads the model and checks its SHA-256; throws {@link VisionException} when missing or different. */
    public byte[] loadVerified() {
        byte[] bytes = read();
        String actual = sha256Hex(bytes);
        if (!actual.equals(sha256)) {
            throw new VisionException("model " + location + " has SHA-256 " + actual + ", expected " + sha256);
        }
        return bytes;
    }

    private byte[] read() {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length());
                try (InputStream in = resourceStream(resource)) {
                    if (in == null) {
                        throw new VisionException("model resource not found: " + resource
                                + " (run the build, which fetches the bundled models)");
                    }
                    return in.readNBytes((int) MAX_MODEL_BYTES);
                }
            }
            Path p = Path.of(location);
            if (!Files.isRegularFile(p)) {
                throw new VisionException("model file not found: " + p);
            }
            if (Files.size(p) > MAX_MODEL_BYTES) {
                throw new VisionException("model file too large: " + p);
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new VisionException("cannot read model " + location, e);
        }
    }

    static String bundledSum(String fileName) {
        try (InputStream in = resourceStream(BUNDLED_DIR + "SHA256SUMS")) {
            if (in == null) {
                throw new VisionException("models/SHA256SUMS not on the classpath");
            }
            String sums = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : sums.split("\n")) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length == 2 && parts[1].trim().equals(fileName)) {
                    return parts[0];
                }
            }
            throw new VisionException("no SHA-256 listed for bundled model " + fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
        return in != null ? in : ModelSource.class.getClassLoader().getResourceAsStream(resource);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
