package io.zhongtai.core.warehouse;

import java.util.Locale;

/** Where a crawl run stands. */
public enum CrawlStatus {
    RUNNING,
    SUCCEEDED,
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
