package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a dimension holds categories or dates. */
public enum DimensionType {
    CATEGORICAL,
    TIME;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static DimensionType fromValue(String value) {
        return NamedValue.parse(DimensionType.class, "type", value);
    }
}
