package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A KPI's value on one day, as the daily snapshot stored it. */
public record KpiSnapshot(String name, LocalDate date, Double value, long count, long total) {
    public KpiSnapshot {
        requireNonNull(name, "name is null");
        requireNonNull(date, "date is null");
    }
}
