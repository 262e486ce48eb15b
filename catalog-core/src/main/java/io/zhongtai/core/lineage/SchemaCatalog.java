package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the lineage extractor may know about tables beyond the SQL: their columns, in order. It
 * expands {@code SELECT *} and maps {@code INSERT INTO t SELECT ...} without a column list by
 * position. The service implements it from the catalog graph.
 */
@FunctionalInterface
public interface SchemaCatalog {
    /**
     * The columns of a table in their ordinal order.
     *
     * @param table the table's name exactly as the lineage prints it ({@code retail.orders}, or
     *     {@code demo.retail.orders} when the request has a default database): segments after the
     *     case rule, without quotes
     * @return the column names in the same form, or empty when the table is unknown
     */
    Optional<List<String>> columnsOf(String table);

    /** A catalog that knows no table. */
    static SchemaCatalog empty() {
        return table -> Optional.empty();
    }

    /** A catalog of fixed tables: name to ordered column names. */
    static SchemaCatalog of(Map<String, List<String>> tables) {
        Map<String, List<String>> copy = Map.copyOf(requireNonNull(tables, "tables is null"));
        return table -> Optional.ofNullable(copy.get(table)).map(List::copyOf);
    }
}
