package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The SQL type of a time dimension's expression, when the definition states it. A {@code date}
 * is bucketed by day as it is (no cast); a {@code timestamp}, or a type not stated, is cast to
 * DATE first.
 */
public enum TimeDataType {
    DATE,
    TIMESTAMP;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static TimeDataType fromValue(String value) {
        return NamedValue.parse(TimeDataType.class, "data_type", value);
    }
}
