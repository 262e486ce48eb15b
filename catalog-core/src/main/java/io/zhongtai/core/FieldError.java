package io.zhongtai.core;

import static java.util.Objects.requireNonNull;

/** One problem with one field of a request: which field, and why it is wrong. */
public record FieldError(String field, String reason) {
    public FieldError {
        requireNonNull(field, "field is null");
        requireNonNull(reason, "reason is null");
    }
}
