package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The earlier period a value is compared with (API.md): {@code previous_period} (环比),
 * calendar-aligned, and {@code same_period_last_year} (同比), the dates shifted one year back.
 */
public enum Comparison {
    PREVIOUS_PERIOD,
    SAME_PERIOD_LAST_YEAR;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static Comparison fromValue(String value) {
        return NamedValue.parse(Comparison.class, "comparisons", value);
    }
}
