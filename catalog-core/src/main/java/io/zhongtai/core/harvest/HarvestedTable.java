package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table or view as a harvester read it.
 *
 * @param viewSql the defining query of a view, where the engine exposes it
 * @param rowCount and {@code sizeBytes}: statistics where the engine knows them, else null;
 *     they are refreshed on every crawl without making a new version
 */
public record HarvestedTable(
        String name,
        TableKind kind,
        String description,
        String viewSql,
        Long rowCount,
        Long sizeBytes,
        List<HarvestedColumn> columns,
        List<String> primaryKey,
        List<HarvestedForeignKey> foreignKeys,
        List<HarvestedIndex> indexes) {
    public HarvestedTable {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
        indexes = List.copyOf(requireNonNull(indexes, "indexes is null"));
    }

    /** A table without indexes. */
    public HarvestedTable(
            String name,
            TableKind kind,
            String description,
            String viewSql,
            Long rowCount,
            Long sizeBytes,
            List<HarvestedColumn> columns,
            List<String> primaryKey,
            List<HarvestedForeignKey> foreignKeys) {
        this(name, kind, description, viewSql, rowCount, sizeBytes, columns, primaryKey, foreignKeys, List.of());
    }

    public HarvestedTable withColumns(List<HarvestedColumn> newColumns) {
        return new HarvestedTable(name, kind, description, viewSql, rowCount, sizeBytes, newColumns, primaryKey, foreignKeys, indexes);
    }
}
