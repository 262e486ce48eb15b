package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A job and the whole lineage it carries, as one source last described it. Writing it replaces
 * the job's previous lineage: edges no longer described are removed.
 *
 * @param job the job ({@code job:<warehouse or namespace>.<name>})
 * @param origin how the lineage arrived
 * @param description the job's description, or null
 * @param properties what the source says about the job, kept as versioned fields: {@code sql},
 *     {@code dialect}, {@code defaultSchema}, {@code namespace}, ... (strings only)
 * @param inputs the datasets read
 * @param outputs the datasets written
 * @param columns the column-level flows
 */
public record JobLineage(
        AssetId job,
        LineageOrigin origin,
        String description,
        Map<String, String> properties,
        List<AssetId> inputs,
        List<AssetId> outputs,
        List<ColumnEdge> columns) {
    public JobLineage {
        requireNonNull(job, "job is null");
        requireNonNull(origin, "origin is null");
        if (job.type() != AssetType.JOB) {
            throw new IllegalArgumentException("not a job: " + job);
        }
        properties = Map.copyOf(new TreeMap<>(requireNonNull(properties, "properties is null")));
        inputs = datasets("inputs", inputs);
        outputs = datasets("outputs", outputs);
        columns = List.copyOf(new TreeSet<>(requireNonNull(columns, "columns is null")));
    }

    private static List<AssetId> datasets(String field, List<AssetId> ids) {
        TreeSet<AssetId> sorted = new TreeSet<>(requireNonNull(ids, field + " is null"));
        for (AssetId id : sorted) {
            if (!id.type().isDataset()) {
                throw new IllegalArgumentException(field + " holds tables and views only, not " + id);
            }
        }
        return List.copyOf(sorted);
    }
}
