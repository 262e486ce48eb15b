package io.zhongtai.metrics.catalog;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.TimeGrain;
import java.util.List;

/**
 * A dimension as readers of the catalog see it.
 *
 * @param model the semantic model that holds it
 * @param grains for a time dimension, the grains it can be bucketed by; empty otherwise
 * @param values its known values with labels (declared in the definitions, plus values read from
 *     the warehouse where that is cheap); empty when none are known
 */
public record DimensionInfo(
        String name,
        DimensionType type,
        Labels labels,
        String description,
        String model,
        List<TimeGrain> grains,
        List<DimensionValue> values) {
    public DimensionInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(labels, "labels is null");
        grains = List.copyOf(grains == null ? List.of() : grains);
        values = List.copyOf(values == null ? List.of() : values);
    }
}
