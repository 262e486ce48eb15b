package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A dimension of a semantic model: a column or expression over the model's table that metrics
 * can be grouped and filtered by.
 *
 * @param name unique among the dimensions of all semantic models of a manifest
 * @param expr an expression in the filter language over the model's own columns
 * @param grain for a time dimension, the finest grain its values carry (day for a DATE column)
 * @param labelZhExpr an expression giving each value's Chinese label ({@code region_name_zh}), or null
 * @param values known values with their labels and synonyms (may be empty)
 */
public record Dimension(
        String name,
        DimensionType type,
        String expr,
        TimeGrain grain,
        Labels labels,
        String description,
        String labelZhExpr,
        List<DimensionValue> values) {
    public Dimension {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(labels, "labels is null");
        if (type == DimensionType.TIME && grain == null) {
            grain = TimeGrain.DAY;
        }
        values = List.copyOf(values == null ? List.of() : values);
    }

    public boolean isTime() {
        return type == DimensionType.TIME;
    }
}
