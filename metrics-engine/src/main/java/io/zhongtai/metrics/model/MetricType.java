package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of metric. A semi-additive metric is a simple metric over a measure with a
 * {@link NonAdditiveDimension}.
 */
public enum MetricType {
    SIMPLE,
    RATIO,
    DERIVED,
    CUMULATIVE,
    CONVERSION,
    PERIOD_OVER_PERIOD;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static MetricType fromValue(String value) {
        return NamedValue.parse(MetricType.class, "type", value);
    }
}
