package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a measure aggregates its expression. */
public enum Aggregation {
    SUM,
    COUNT,
    COUNT_DISTINCT,
    AVERAGE,
    MIN,
    MAX,
    MEDIAN,
    PERCENTILE,
    SUM_BOOLEAN;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static Aggregation fromValue(String value) {
        if ("avg".equalsIgnoreCase(value)) {
            return AVERAGE;
        }
        return NamedValue.parse(Aggregation.class, "agg", value);
    }

    /**
     * True when repeating input rows cannot change the result (COUNT DISTINCT, MIN, MAX): such a
     * measure may be read through a join that fans its rows out.
     */
    public boolean isDuplicateInsensitive() {
        return this == COUNT_DISTINCT || this == MIN || this == MAX;
    }
}
