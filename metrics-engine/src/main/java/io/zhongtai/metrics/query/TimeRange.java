package io.zhongtai.metrics.query;

import io.zhongtai.core.CatalogException;
import java.time.LocalDate;

/**
 * Dates to count, inclusive at both ends (API.md). Either end may be open: {@code {"end": D}}
 * asks about everything up to D (for a semi-additive metric: the last snapshot on or before D).
 */
public record TimeRange(LocalDate start, LocalDate end) {
    public TimeRange {
        if (start == null && end == null) {
            throw CatalogException.invalid("timeRange", "give a start, an end or both");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw CatalogException.invalid("timeRange", "end " + end + " is before start " + start);
        }
    }

    public static TimeRange of(String start, String end) {
        return new TimeRange(LocalDate.parse(start), LocalDate.parse(end));
    }
}
