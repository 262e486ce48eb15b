package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the names of an {@link SqlLineage} into catalog identifiers, so that SQL from a
 * registered job, a query log or an OpenLineage SQL facet becomes a {@link JobLineage}.
 */
public final class SqlLineageMapper {
    /** Maps a table name as the lineage prints it ({@code schema.table}, {@code db.schema.table}). */
    @FunctionalInterface
    public interface DatasetResolver {
        /** The table or view the name stands for; a table id when the catalog does not know it. */
        AssetId dataset(String sqlName);
    }

    private SqlLineageMapper() {}

    /**
     * A resolver for SQL that runs on one warehouse: a two-part name is {@code schema.table} of
     * that warehouse, a three-part one names the warehouse's database first (which is dropped),
     * a one-part name is qualified with {@code defaultSchema}. A name found as a view in the
     * catalog becomes a view id.
     */
    public static DatasetResolver onWarehouse(String warehouse, String defaultSchema, Set<String> knownViews) {
        requireNonNull(warehouse, "warehouse is null");
        return sqlName -> {
            List<String> parts = List.of(sqlName.split("\\."));
            List<String> schemaTable = switch (parts.size()) {
                case 1 -> List.of(defaultSchema == null ? "main" : defaultSchema, parts.get(0));
                case 2 -> parts;
                default -> parts.subList(parts.size() - 2, parts.size());
            };
            AssetId view = AssetId.of(AssetType.VIEW, warehouse, schemaTable.get(0), schemaTable.get(1));
            return knownViews.contains(view.qualifiedName())
                    ? view
                    : AssetId.of(AssetType.TABLE, warehouse, schemaTable.get(0), schemaTable.get(1));
        };
    }

    /**
     * The job lineage of a statement or script: its inputs and outputs, and an edge from each
     * source column to each target column. Columns standing for "all columns of a table the
     * catalog does not know" ({@link ColumnLineage#ALL_COLUMNS}) give no column edge.
     */
    public static JobLineage toJob(
            AssetId job,
            LineageOrigin origin,
            String description,
            Map<String, String> properties,
            SqlLineage lineage,
            DatasetResolver resolver) {
        Map<String, AssetId> datasets = new LinkedHashMap<>();
        List<AssetId> inputs = new ArrayList<>();
        for (String name : lineage.inputs()) {
            inputs.add(datasets.computeIfAbsent(name, resolver::dataset));
        }
        List<AssetId> outputs = new ArrayList<>();
        for (String name : lineage.outputs()) {
            outputs.add(datasets.computeIfAbsent(name, resolver::dataset));
        }
        Set<ColumnEdge> edges = new HashSet<>();
        for (ColumnLineage column : lineage.columns()) {
            AssetId target = column(column.target(), datasets, resolver);
            if (target == null) {
                continue;
            }
            for (String source : column.sources()) {
                AssetId from = column(source, datasets, resolver);
                if (from != null) {
                    edges.add(new ColumnEdge(from, target));
                }
            }
        }
        return new JobLineage(job, origin, description, properties, inputs, outputs, List.copyOf(edges));
    }

    private static AssetId column(String name, Map<String, AssetId> datasets, DatasetResolver resolver) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String column = name.substring(dot + 1);
        if (column.equals(ColumnLineage.ALL_COLUMNS)) {
            return null;
        }
        AssetId dataset = datasets.computeIfAbsent(name.substring(0, dot), resolver::dataset);
        return dataset.child(AssetType.COLUMN, column);
    }
}
