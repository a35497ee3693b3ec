package dev.facevitals.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details with our stable {@code code}. Sent as {@code application/problem+json}.
 *
 * @param type   URI naming the problem kind
 * @param title  short summary of the kind
 * @param status HTTP status
 * @param detail what went wrong with this request, safe to show to a user
 * @param code   stable machine-readable code (see {@link ErrorCode})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://facevitals.dev/problems/";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem(TYPE_BASE + code.code().replace('_', '-'), code.title(), code.status(),
                detail == null ? code.title() : detail, code.code());
    }
}
