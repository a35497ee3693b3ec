package dev.facevitals.face;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.facevitals.api.ApiException;
import dev.facevitals.api.ErrorCode;
import dev.facevitals.api.ImageUploadReader;
import dev.facevitals.vision.ImageHeader;
import dev.facevitals.vision.ImageRejectedException;
import dev.facevitals.vision.opencv.OpenCvVision;

/**
 * Reads an uploaded image and applies the limits before any decoding: present, not empty, at most
 * {@link FacesConfig#maxImageBytes()}, JPEG or PNG by its bytes (the declared type only has to be an image
 * type or absent), by its header at least {@link FacesConfig#minImageSide()} pixels a side and at most the
 * vision pixel limit (decompression bombs are refused before a pixel is decoded).
 */
@ApplicationScoped
public class ImageUploads {

    private final FacesConfig config;
    private final long maxPixels;

    public ImageUploads(FacesConfig config, OpenCvVision vision) {
        this.config = config;
        this.maxPixels = vision.settings().maxImagePixels();
    }

    /**
     * @param field the multipart field name, for the message
     * @throws ApiException with image_missing, image_empty, image_too_large, unsupported_media_type,
     *                      image_invalid or image_too_small
     */
    public byte[] read(FileUpload upload, String field) {
        byte[] bytes = ImageUploadReader.read(upload, field, config.maxImageBytes());
        check(bytes, field);
        return bytes;
    }

    /** The header checks alone (format and minimum size). */
    public void check(byte[] bytes, String field) {
        ImageHeader h;
        try {
            h = ImageHeader.read(bytes);
        } catch (ImageRejectedException e) {
            throw new ApiException(ErrorCode.IMAGE_INVALID, "'" + field + "': " + e.getMessage());
        }
        if (h.pixels() > maxPixels) {
            throw new ApiException(ErrorCode.IMAGE_TOO_LARGE, "'" + field + "' declares " + h.width() + "x"
                    + h.height() + " pixels; at most " + maxPixels + " pixels are decoded.");
        }
        if (h.width() < config.minImageSide() || h.height() < config.minImageSide()) {
            throw new ApiException(ErrorCode.IMAGE_TOO_SMALL, "'" + field + "' is " + h.width() + "x" + h.height()
                    + " pixels; at least " + config.minImageSide() + "x" + config.minImageSide() + " are needed.");
        }
    }
}
