package io.zhongtai.metrics.query;

import static java.util.Objects.requireNonNull;

/** A column of a metric query's result: its name as asked and its type. */
public record ResultColumn(String name, ColumnType type) {
    public ResultColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
