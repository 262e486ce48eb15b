package io.zhongtai.metrics.catalog;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.MetricStatus;
import io.zhongtai.metrics.model.MetricType;
import java.util.List;

/**
 * What a reader of the catalog (the marketplace, the question parser) needs to know of a metric.
 *
 * @param timeDimension the metric's own time dimension ({@code metric_time}), or null when it has none
 * @param dimensions every dimension the metric can be grouped or filtered by, by name
 * @param status its lifecycle state, or null when read from definitions alone
 * @param version its current version, or 0 when read from definitions alone
 */
public record MetricInfo(
        String name,
        MetricType type,
        Labels labels,
        String description,
        String owner,
        String domain,
        List<String> tags,
        String unit,
        String format,
        String timeDimension,
        List<String> dimensions,
        MetricStatus status,
        int version) {
    public MetricInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(labels, "labels is null");
        tags = List.copyOf(tags == null ? List.of() : tags);
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    }
}
