package io.zhongtai.core.asset;

import java.util.Locale;

/** How a tag came to be on an asset. A manual tag always wins over the others. */
public enum TagSource {
    MANUAL,
    AUTOMATIC,
    PROPAGATED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TagSource fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
