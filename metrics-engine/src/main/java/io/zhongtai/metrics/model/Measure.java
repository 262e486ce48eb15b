package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

/**
 * An aggregation over a semantic model's rows.
 *
 * @param expr an expression over the model's own columns; {@code other_model.column} reads a
 *     column of a model joined many-to-one (never fanning out)
 * @param percentile for {@link Aggregation#PERCENTILE}, between 0 and 1; else null
 * @param timeDimension the time dimension the measure is counted by (its {@code metric_time});
 *     null means the model's default time dimension
 * @param nonAdditive set for a semi-additive measure (inventory), else null
 */
public record Measure(
        String name,
        Aggregation agg,
        String expr,
        Double percentile,
        String timeDimension,
        NonAdditiveDimension nonAdditive,
        String description,
        Labels labels) {
    public Measure {
        requireNonNull(name, "name is null");
        requireNonNull(agg, "agg is null");
        requireNonNull(expr, "expr is null");
        if (labels == null) {
            labels = Labels.of(name);
        }
    }
}
