package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a conversion metric reports the number of conversions or their rate. */
public enum ConversionCalculation {
    CONVERSIONS,
    CONVERSION_RATE;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static ConversionCalculation fromValue(String value) {
        return NamedValue.parse(ConversionCalculation.class, "calculation", value);
    }
}
