package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.time.LocalDate;

/**
 * The moment and period a report is computed for.
 *
 * @param asOf the report's day (UTC); counts look at the state at its end
 * @param days the window of count KPIs (breaking changes, unused assets): the {@code days} days
 *     ending with {@code asOf}
 */
public record KpiWindow(LocalDate asOf, int days) {
    public static final int DEFAULT_DAYS = 30;

    public KpiWindow {
        requireNonNull(asOf, "asOf is null");
        if (days < 1 || days > 3660) {
            throw CatalogException.invalid("days", "is 1 to 3660, was " + days);
        }
    }

    /** The first day inside the window. */
    public LocalDate from() {
        return asOf.minusDays(days - 1L);
    }
}
