package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a period-over-period metric reports: the earlier value, the difference {@code value -
 * earlier}, or the growth rate {@code (value - earlier) / earlier} (null when the earlier value is
 * missing or zero).
 */
public enum ComparisonOutput {
    EARLIER_VALUE,
    DIFFERENCE,
    GROWTH;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static ComparisonOutput fromValue(String value) {
        return NamedValue.parse(ComparisonOutput.class, "output", value);
    }
}
