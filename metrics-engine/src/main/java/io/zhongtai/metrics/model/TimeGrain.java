package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Calendar grains of a time dimension, finest first. Buckets are labelled by their first day;
 * weeks start on Monday (API.md).
 */
public enum TimeGrain {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static TimeGrain fromValue(String value) {
        return NamedValue.parse(TimeGrain.class, "grain", value);
    }

    /** True when this grain's buckets are unions of the other grain's buckets (month is coarser than day). */
    public boolean isCoarserOrEqual(TimeGrain other) {
        if (this == WEEK || other == WEEK) {
            // a week is not a union of months, nor a month of weeks
            return this == other || other == DAY;
        }
        return ordinal() >= other.ordinal();
    }
}
