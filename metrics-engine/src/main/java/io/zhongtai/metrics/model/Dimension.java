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
 * @param dataType for a time dimension, the SQL type of {@code expr} when stated (a DATE needs no
 *     cast to be bucketed by day), or null when not known
 */
public record Dimension(
        String name,
        DimensionType type,
        String expr,
        TimeGrain grain,
        Labels labels,
        String description,
        String labelZhExpr,
        List<DimensionValue> values,
        TimeDataType dataType) {
    public Dimension {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(expr, "expr is null");
        requireNonNull(labels, "labels is null");
        if (type == DimensionType.TIME && grain == null) {
            grain = TimeGrain.DAY;
        }
        values = List.copyOf(values == null ? List.of() : values);
        if (type != DimensionType.TIME) {
            dataType = null;
        }
    }

    /** A dimension whose SQL type is not stated. */
    public Dimension(String name, DimensionType type, String expr, TimeGrain grain, Labels labels, String description,
            String labelZhExpr, List<DimensionValue> values) {
        this(name, type, expr, grain, labels, description, labelZhExpr, values, null);
    }

    /** True for a time dimension whose expression is stated to be a SQL DATE. */
    public boolean isDate() {
        return dataType == TimeDataType.DATE;
    }

    public boolean isTime() {
        return type == DimensionType.TIME;
    }
}
