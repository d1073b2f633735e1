package io.cloudward.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document: every API error has this shape, a stable {@code type} URI and, for
 * validation errors, the fields that were wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://cloudward.dev/problems/";

    public record FieldError(String field, String message) {
    }
}
