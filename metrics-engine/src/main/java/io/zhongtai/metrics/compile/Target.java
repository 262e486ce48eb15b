package io.zhongtai.metrics.compile;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.warehouse.Dialect;

/** The warehouse a query is compiled for: its registered name and its SQL dialect. */
public record Target(String warehouse, Dialect dialect) {
    public Target {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(dialect, "dialect is null");
    }
}
