package io.zhongtai.core.governance;

import java.util.Locale;

/** Where a KPI stands against its target. */
public enum KpiStatus {
    MET,
    ON_TRACK,
    BEHIND,
    NO_TARGET;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
