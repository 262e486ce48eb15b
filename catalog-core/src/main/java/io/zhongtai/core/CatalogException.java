package io.zhongtai.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The one exception type of Zhongtai. It carries an {@link ErrorCode} (and through it a
 * category), a message a person can act on, and optionally the fields at fault.
 */
public final class CatalogException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> fieldErrors;
    private final TextPosition position;

    public CatalogException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public CatalogException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public CatalogException(ErrorCode code, String message, List<FieldError> fieldErrors) {
        this(code, message, fieldErrors, null);
    }

    public CatalogException(ErrorCode code, String message, List<FieldError> fieldErrors, Throwable cause) {
        this(code, message, fieldErrors, null, cause);
    }

    /** An error at a place in a text the user sent (a JSON body, later a SQL statement). */
    public CatalogException(ErrorCode code, String message, TextPosition position, Throwable cause) {
        this(code, message, List.of(), position, cause);
    }

    private CatalogException(
            ErrorCode code, String message, List<FieldError> fieldErrors, TextPosition position, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.fieldErrors = List.copyOf(fieldErrors);
        this.position = position;
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Where in the user's text the error is, or null. */
    public TextPosition position() {
        return position;
    }

    public static CatalogException invalid(String field, String reason) {
        return new CatalogException(
                ErrorCode.INVALID_REQUEST, field + ": " + reason, List.of(new FieldError(field, reason)));
    }
}
