package io.zhongtai.core.change;

import static java.util.Objects.requireNonNull;

/** One field of an asset that changed, with its value before and after (null: absent). */
public record Change(String field, Object before, Object after) {
    public Change {
        requireNonNull(field, "field is null");
    }
}
