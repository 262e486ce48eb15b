package io.zhongtai.core.lineage;

import io.zhongtai.core.CatalogException;
import java.util.Locale;

/** Which way to walk lineage from an asset. */
public enum LineageDirection {
    UPSTREAM,
    DOWNSTREAM,
    BOTH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineageDirection fromValue(String value) {
        for (LineageDirection direction : values()) {
            if (direction.value().equals(value)) {
                return direction;
            }
        }
        throw CatalogException.invalid("direction", "is upstream, downstream or both, not '" + value + "'");
    }
}
