package io.zhongtai.core.change;

import java.util.Locale;

/** What happened to an asset in one change event. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    REMOVED,
    RESTORED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
