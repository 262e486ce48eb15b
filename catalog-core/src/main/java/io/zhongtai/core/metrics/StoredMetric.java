package io.zhongtai.core.metrics;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import java.time.Instant;
import java.util.List;

/**
 * One version of a governed metric as the store keeps it: the definition as a JSON document
 * (its format belongs to metrics-engine), the lifecycle status, who made the version, when and
 * why, what changed from the version before, and the facts the catalog shows about the metric.
 *
 * @param status draft, in_review, certified or deprecated
 * @param changes field-level differences from the previous version (empty for the first)
 */
public record StoredMetric(
        String name,
        int version,
        String status,
        String definition,
        String by,
        Instant at,
        String reason,
        List<Change> changes,
        Facts facts) {
    public StoredMetric {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(by, "by is null");
        requireNonNull(at, "at is null");
        requireNonNull(facts, "facts is null");
        changes = List.copyOf(changes == null ? List.of() : changes);
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1, was " + version);
        }
    }

    /** {@code metric:<name>}. */
    public AssetId assetId() {
        return AssetId.of(io.zhongtai.core.asset.AssetType.METRIC, name);
    }

    /**
     * What the catalog shows about a metric and the lineage it draws: its asset's description,
     * owner and domain, and the warehouse columns and tables it reads.
     *
     * @param owner {@code user:alice} or {@code group:data-team}, or null
     * @param domain a domain name, or null
     * @param columns the columns the metric's measures, dimensions in its filters and time dimension read
     * @param tables the tables those columns belong to
     */
    public record Facts(
            String type,
            String label,
            String labelZh,
            String description,
            AssetId owner,
            String domain,
            List<String> tags,
            String unit,
            List<AssetId> columns,
            List<AssetId> tables) {
        public Facts {
            requireNonNull(type, "type is null");
            requireNonNull(label, "label is null");
            tags = List.copyOf(tags == null ? List.of() : tags);
            columns = List.copyOf(columns == null ? List.of() : columns);
            tables = List.copyOf(tables == null ? List.of() : tables);
        }
    }
}
