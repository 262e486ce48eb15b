package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which snapshot of a semi-additive measure counts within a period: the first or the last. */
public enum WindowChoice {
    MIN,
    MAX;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static WindowChoice fromValue(String value) {
        return NamedValue.parse(WindowChoice.class, "window_choice", value);
    }
}
