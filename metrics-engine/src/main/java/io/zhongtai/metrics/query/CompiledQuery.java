package io.zhongtai.metrics.query;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.warehouse.Dialect;
import java.util.List;
import java.util.Set;

/**
 * A metric query compiled for one warehouse.
 *
 * @param sql the SQL with every literal written in, dialect-escaped: what explain shows and what
 *     the result cache is keyed by
 * @param parameterizedSql the same statement with the values from filters and time ranges as
 *     {@code ?} placeholders: what the executor runs
 * @param parameters the placeholders' values in order ({@link String}, {@link Long},
 *     {@link java.math.BigDecimal}, {@link Double}, {@link Boolean}, {@link java.time.LocalDate})
 * @param columns the result columns in order
 * @param rowLimit the most rows to return; the SQL reads one more so that truncation can be told
 * @param tables the warehouse tables read, {@code schema.table}, for cache invalidation and lineage
 */
public record CompiledQuery(
        String warehouse,
        Dialect dialect,
        String sql,
        String parameterizedSql,
        List<Object> parameters,
        List<ResultColumn> columns,
        int rowLimit,
        Set<String> tables) {
    public CompiledQuery {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(parameterizedSql, "parameterizedSql is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        tables = Set.copyOf(requireNonNull(tables, "tables is null"));
    }
}
