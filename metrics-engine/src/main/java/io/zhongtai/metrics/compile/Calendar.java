package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.TimeGrain;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar arithmetic in Java, matching what {@link io.zhongtai.metrics.compile.dialect.DialectSql} renders in SQL. */
final class Calendar {
    private Calendar() {}

    /** The first day of the bucket holding {@code date} (weeks start on Monday). */
    static LocalDate bucketStart(LocalDate date, TimeGrain grain) {
        return switch (grain) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    static LocalDate plus(LocalDate date, long amount, TimeGrain unit) {
        return switch (unit) {
            case DAY -> date.plusDays(amount);
            case WEEK -> date.plusWeeks(amount);
            case MONTH -> date.plusMonths(amount);
            case QUARTER -> date.plusMonths(3 * amount);
            case YEAR -> date.plusYears(amount);
        };
    }

    /** The grain of which [start, end] is exactly one whole bucket (month, quarter or year), or null. */
    static TimeGrain wholeCalendarPeriod(LocalDate start, LocalDate end) {
        for (TimeGrain grain : new TimeGrain[] {TimeGrain.MONTH, TimeGrain.QUARTER, TimeGrain.YEAR}) {
            if (bucketStart(start, grain).equals(start) && plus(start, 1, grain).minusDays(1).equals(end)) {
                return grain;
            }
        }
        return null;
    }
}
