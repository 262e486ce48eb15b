package io.zhongtai.core.governance;

import java.util.Locale;

/** How a KPI's value reads: a percentage 0 to 100, a count, or bytes. */
public enum KpiUnit {
    PERCENT,
    COUNT,
    BYTES;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
