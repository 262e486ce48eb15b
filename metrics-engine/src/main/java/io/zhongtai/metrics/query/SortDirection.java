package io.zhongtai.metrics.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.zhongtai.core.CatalogException;
import java.util.Locale;

/** Ascending or descending. */
public enum SortDirection {
    ASC,
    DESC;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SortDirection fromValue(String value) {
        if (value != null) {
            for (SortDirection direction : values()) {
                if (direction.value().equalsIgnoreCase(value.trim())) {
                    return direction;
                }
            }
        }
        throw CatalogException.invalid("orderBy.direction", "must be asc or desc, was '" + value + "'");
    }
}
