package io.zhongtai.demo;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link DemoRetail#generate} built: the seed and scale it was given, and the row count of
 * each retail table keyed {@code "schema.table"}, in the order the tables were created.
 */
public record DemoSummary(long seed, double scale, Map<String, Long> rowCounts) {
    public DemoSummary {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive finite number: " + scale);
        }
        requireNonNull(rowCounts, "rowCounts is null");
        Map<String, Long> copy = new LinkedHashMap<>();
        rowCounts.forEach((table, count) -> {
            requireNonNull(table, "table name is null");
            requireNonNull(count, () -> "row count of " + table + " is null");
            if (count < 0) {
                throw new IllegalArgumentException("row count of " + table + " is negative: " + count);
            }
            copy.put(table, count);
        });
        // A copy that keeps creation order, which Map.copyOf would not.
        rowCounts = Collections.unmodifiableMap(copy);
    }

    /** Rows in one table, such as {@code rowCount("retail.orders")}. */
    public long rowCount(String table) {
        Long count = rowCounts.get(requireNonNull(table, "table is null"));
        if (count == null) {
            throw new IllegalArgumentException("no table " + table + " in the summary, only " + rowCounts.keySet());
        }
        return count;
    }
}
