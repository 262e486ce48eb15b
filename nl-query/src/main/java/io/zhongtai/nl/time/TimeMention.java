package io.zhongtai.nl.time;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.TimeGrain;
import java.time.LocalDate;

/**
 * A time expression found in a question: where it stands, the dates it means (inclusive; either
 * end may be open) and the calendar unit it names, if any (a month, a quarter), so that "this
 * month vs last month" can be told apart from an arbitrary range.
 *
 * @param unit the calendar unit the range is one of, or null for a day count or an open range
 */
public record TimeMention(int start, int end, LocalDate from, LocalDate to, TimeGrain unit, TimeFamily family) {
    public TimeMention {
        requireNonNull(family, "family is null");
        if (from == null && to == null) {
            throw new IllegalArgumentException("a time mention needs a start or an end");
        }
    }

    public TimeMention withSpan(int newStart, int newEnd) {
        return new TimeMention(newStart, newEnd, from, to, unit, family);
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
