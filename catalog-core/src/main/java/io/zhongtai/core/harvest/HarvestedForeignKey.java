package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A foreign key from the harvested table's columns to columns of another table of the warehouse. */
public record HarvestedForeignKey(
        String name, List<String> columns, String referencedSchema, String referencedTable, List<String> referencedColumns) {
    public HarvestedForeignKey {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(referencedSchema, "referencedSchema is null");
        requireNonNull(referencedTable, "referencedTable is null");
        referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns is null"));
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " pairs columns unevenly");
        }
    }
}
