package io.zhongtai.metrics.query;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/metrics/query}: the SQL run, the columns, the rows as arrays
 * in column order (numbers stay numbers: {@link Long}, {@link java.math.BigDecimal} or
 * {@link Double}; dates stay {@link java.time.LocalDate}), and whether more rows existed.
 */
public record QueryResult(String sql, List<ResultColumn> columns, List<List<Object>> rows, boolean truncated) {
    public QueryResult {
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        // rows may hold nulls, which List.copyOf refuses
        rows = Collections.unmodifiableList(rows.stream().map(r -> Collections.unmodifiableList(r)).toList());
    }

    /** The column's index by name, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
