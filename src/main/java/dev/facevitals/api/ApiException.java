package dev.facevitals.api;

/**
 * A failure with a stable {@link ErrorCode}. The detail is shown to the client, so it never carries
 * internals (paths, SQL, class names).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code) {
        this(code, code.title());
    }

    public ApiException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
