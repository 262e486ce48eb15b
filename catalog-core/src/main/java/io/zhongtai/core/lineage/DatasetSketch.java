package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.util.List;

/**
 * What a lineage source says about a dataset the catalog may not know yet (an OpenLineage
 * dataset with its schema facet, a dbt source): enough to create it as an external asset, which
 * a later crawl of its warehouse merges into the crawled one.
 *
 * @param id a table or view
 * @param description the source's description, or null
 * @param columns the columns the source names, in order; may be empty
 */
public record DatasetSketch(AssetId id, String description, List<SketchColumn> columns) {
    public DatasetSketch {
        requireNonNull(id, "id is null");
        if (!id.type().isDataset()) {
            throw new IllegalArgumentException("a dataset sketch is a table or view, not " + id);
        }
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** A column of a sketched dataset; the type as the source wrote it, or null. */
    public record SketchColumn(String name, String dataType, String description) {
        public SketchColumn {
            requireNonNull(name, "name is null");
        }
    }
}
