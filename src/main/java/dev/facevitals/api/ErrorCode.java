package dev.facevitals.api;

/**
 * Every error the API returns, with its HTTP status and a stable machine-readable code. Clients switch on
 * {@code code}; titles and details may be reworded, codes never change.
 */
public enum ErrorCode {
    // authentication and authorisation
    MISSING_CREDENTIALS(401, "Missing or invalid authentication credentials."),
    INVALID_API_KEY(401, "Missing or invalid authentication credentials."),
    TOKEN_EXPIRED(401, "The token has expired."),
    TOKEN_INVALID(401, "The token is not valid."),
    ROUTE_NOT_ALLOWED(403, "This credential may not call this route."),
    INVALID_BASIC_CREDENTIALS(401, "The key id and key do not match an active API key."),
    REQUEST_SIGNATURE_INVALID(401, "The request signature does not match."),
    REQUEST_SIGNATURE_EXPIRED(401, "The request timestamp is outside the accepted window."),
    REQUEST_SIGNATURE_REPLAYED(401, "This signed request was already accepted once."),
    INVALID_ADMIN_KEY(401, "Missing or invalid admin key."),
    QUOTA_EXHAUSTED(429, "The scans allowed by the contract for this period are used up."),
    // request shape
    MALFORMED_REQUEST(400, "The request body could not be read."),
    INVALID_PARAMETER(400, "A parameter is not valid."),
    INVALID_TIMEZONE(400, "Please provide a valid time zone string."),
    NOT_FOUND(404, "Not found."),
    CONFLICT(409, "The resource already exists."),
    METHOD_NOT_ALLOWED(405, "Method not allowed."),
    NOT_ACCEPTABLE(406, "The requested media type cannot be produced."),
    PAYLOAD_TOO_LARGE(413, "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type."),
    // images (check-conditions and face routes)
    IMAGE_MISSING(400, "An image is required."),
    IMAGE_EMPTY(400, "The image is empty."),
    IMAGE_INVALID(422, "The file is not a readable JPEG or PNG image."),
    IMAGE_TOO_LARGE(413, "The image is too large."),
    IMAGE_TOO_SMALL(422, "The image is smaller than the minimum dimensions."),
    // faces and enrollments
    FACE_NOT_FOUND(422, "Face was not found on sent image."),
    IMAGE_UNDEREXPOSED(422, "The face is too dark (underexposed) to enroll."),
    IMAGE_OVEREXPOSED(422, "The face is too bright (overexposed) to enroll."),
    ENROLLMENT_NOT_FOUND(404, "No enrollment with this user_token."),
    // liveness
    UNSUPPORTED_PIPELINE(400, "The request contains an unsupported pipeline, rejecting."),
    TOO_MANY_IMAGES(400, "Too many images in one request."),
    // health scan
    SIGNATURE_INVALID(403, "The conditions signature is missing or not valid."),
    SIGNATURE_EXPIRED(403, "The conditions signature has expired."),
    SIGNATURE_USED(403, "The conditions signature was already used for an upload."),
    SCAN_NOT_FOUND(404, "No scan with this uuid."),
    VIDEO_NOT_FOUND(422, "Video not found in upload storage."),
    VIDEO_TOO_LARGE(422, "The uploaded video exceeds the size limit."),
    // infrastructure
    SERVICE_UNAVAILABLE(503, "The service is temporarily unavailable, please retry."),
    INTERNAL_ERROR(500, "Unexpected error.");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable code as sent to clients: lower snake case of the constant. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
