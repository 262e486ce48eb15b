package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A foreign key: columns of one table referencing columns of another, pairwise. */
public record ForeignKey(String name, List<AssetId> columns, List<AssetId> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns is null"));
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("a foreign key pairs one or more columns with as many referenced columns");
        }
    }
}
