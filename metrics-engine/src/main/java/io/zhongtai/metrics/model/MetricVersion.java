package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.change.Change;
import java.time.Instant;
import java.util.List;

/**
 * One version of a metric: its definition and lifecycle state as they were after a change, who
 * made the change, when and why, and what changed from the version before.
 */
public record MetricVersion(
        String metric,
        int version,
        MetricStatus status,
        Metric definition,
        String by,
        Instant at,
        String reason,
        List<Change> changes) {
    public MetricVersion {
        requireNonNull(metric, "metric is null");
        requireNonNull(status, "status is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(by, "by is null");
        requireNonNull(at, "at is null");
        changes = List.copyOf(changes == null ? List.of() : changes);
    }
}
