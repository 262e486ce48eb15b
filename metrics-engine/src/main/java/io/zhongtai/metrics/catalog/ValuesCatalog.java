package io.zhongtai.metrics.catalog;

import io.zhongtai.metrics.model.DimensionValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MetricCatalog} whose dimensions also list the values read from the warehouse
 * ({@link io.zhongtai.metrics.compile.DimensionValuesQuery}); a value declared in the definitions
 * keeps its labels and synonyms, a value read adds its Chinese label when the definitions have none.
 */
public final class ValuesCatalog implements MetricCatalog {
    private final MetricCatalog definitions;
    private final Map<String, List<DimensionValue>> read;

    public ValuesCatalog(MetricCatalog definitions, Map<String, List<DimensionValue>> read) {
        this.definitions = definitions;
        this.read = Map.copyOf(read);
    }

    @Override
    public List<MetricInfo> metrics() {
        return definitions.metrics();
    }

    @Override
    public Optional<MetricInfo> metric(String name) {
        return definitions.metric(name);
    }

    @Override
    public List<DimensionInfo> dimensions() {
        return definitions.dimensions().stream().map(this::withValues).toList();
    }

    @Override
    public Optional<DimensionInfo> dimension(String name) {
        return definitions.dimension(name).map(this::withValues);
    }

    @Override
    public List<String> reachableDimensions(String metric) {
        return definitions.reachableDimensions(metric);
    }

    private DimensionInfo withValues(DimensionInfo info) {
        List<DimensionValue> extra = read.get(info.name());
        if (extra == null || extra.isEmpty()) {
            return info;
        }
        Map<String, DimensionValue> merged = new LinkedHashMap<>();
        info.values().forEach(v -> merged.put(v.value(), v));
        for (DimensionValue value : extra) {
            merged.merge(value.value(), value, (declared, found) -> declared.labelZh() != null || found.labelZh() == null
                    ? declared : new DimensionValue(declared.value(), declared.labelEn(), found.labelZh(), declared.synonyms()));
        }
        return new DimensionInfo(info.name(), info.type(), info.labels(), info.description(), info.model(), info.grains(),
                new ArrayList<>(merged.values()));
    }
}
