package dev.facevitals.api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The checks every image upload gets before its bytes are read: present, not empty, within the route's size
 * limit, and declared as an image (or not declared at all: the bytes decide the format later).
 */
public final class ImageUploadReader {

    private ImageUploadReader() {
    }

    /**
     * @param field    the multipart field name, for the messages
     * @param maxBytes the route's size limit
     * @throws ApiException image_missing, image_empty, image_too_large, unsupported_media_type or
     *                      malformed_request
     */
    public static byte[] read(FileUpload upload, String field, long maxBytes) {
        if (upload == null || upload.uploadedFile() == null) {
            throw new ApiException(ErrorCode.IMAGE_MISSING, "Send the image as multipart field '" + field + "'.");
        }
        if (upload.size() == 0) {
            throw new ApiException(ErrorCode.IMAGE_EMPTY, "The image in '" + field + "' is empty.");
        }
        if (upload.size() > maxBytes) {
            throw new ApiException(ErrorCode.IMAGE_TOO_LARGE,
                    "The image in '" + field + "' is larger than " + maxBytes + " bytes.");
        }
        String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The image must be JPEG or PNG, not " + type + ".");
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The image upload could not be read.");
        }
    }
}
