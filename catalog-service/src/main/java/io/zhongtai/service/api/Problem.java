package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import java.util.List;

/**
 * An RFC 9457 problem document: what went wrong ({@code type}, {@code title}), the status, a
 * detail a person can act on, and where useful the fields at fault or a position in a text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, List<FieldError> errors, TextPosition position) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:zhongtai:problem:";
}
