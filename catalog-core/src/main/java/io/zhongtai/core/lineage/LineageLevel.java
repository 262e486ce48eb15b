package io.zhongtai.core.lineage;

import io.zhongtai.core.CatalogException;
import java.util.Locale;

/** The grain of a lineage answer: datasets (and jobs, metrics) or columns. */
public enum LineageLevel {
    TABLE,
    COLUMN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineageLevel fromValue(String value) {
        for (LineageLevel level : values()) {
            if (level.value().equals(value)) {
                return level;
            }
        }
        throw CatalogException.invalid("level", "is table or column, not '" + value + "'");
    }
}
