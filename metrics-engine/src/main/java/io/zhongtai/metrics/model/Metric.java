package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A governed metric: a stable name, what it computes, and what people call it and who answers
 * for it. Its lifecycle state and versions are kept beside it ({@link MetricVersion}).
 *
 * @param owner a user or group name ({@code data-team}), or null
 * @param unit a unit for display ({@code CNY}, {@code ratio}, {@code orders}), or null
 * @param format a display format ({@code #,##0.00}, {@code 0.0%}), or null
 */
public record Metric(
        String name,
        MetricSpec spec,
        Labels labels,
        String description,
        String owner,
        String domain,
        List<String> tags,
        String unit,
        String format) {
    public Metric {
        requireNonNull(name, "name is null");
        requireNonNull(spec, "spec is null");
        if (labels == null) {
            labels = Labels.of(name);
        }
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    public MetricType type() {
        return spec.type();
    }
}
