package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The governance lifecycle of a metric: draft -&gt; in review -&gt; certified -&gt; deprecated. A
 * certified version is never changed in place; a change makes a new draft version that is
 * reviewed and certified in its turn.
 */
public enum MetricStatus {
    DRAFT,
    IN_REVIEW,
    CERTIFIED,
    DEPRECATED;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static MetricStatus fromValue(String value) {
        return NamedValue.parse(MetricStatus.class, "status", value);
    }
}
