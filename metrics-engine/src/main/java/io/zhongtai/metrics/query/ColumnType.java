package io.zhongtai.metrics.query;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The type of a result column as API.md names it. */
public enum ColumnType {
    STRING,
    INTEGER,
    DECIMAL,
    DATE,
    TIMESTAMP,
    BOOLEAN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
