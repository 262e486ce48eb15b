package io.zhongtai.metrics.semantic;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookups over a validated manifest that the catalog and the compiler share: measures by name,
 * the measures each metric rests on, each metric's time dimension and reachable dimensions.
 * Thread-safe; results are cached.
 */
public final class SemanticIndex {
    private final SemanticManifest manifest;
    private final SemanticGraph graph;
    private final Map<String, MeasureRef> measures = new HashMap<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Map<String, DimensionRef>> reachableByMetric = new ConcurrentHashMap<>();
    private final Map<String, List<MeasureRef>> leavesByMetric = new ConcurrentHashMap<>();
    private final Map<String, io.zhongtai.metrics.model.Dimension> dimensionsByName;
    private final Set<String> entityNames = new java.util.HashSet<>();

    public SemanticIndex(SemanticManifest manifest) {
        this.manifest = manifest;
        this.graph = new SemanticGraph(manifest);
        for (SemanticModel model : manifest.models()) {
            for (Measure measure : model.measures()) {
                measures.putIfAbsent(measure.name(), new MeasureRef(model, measure));
            }
        }
        for (Metric metric : manifest.metrics()) {
            metrics.putIfAbsent(metric.name(), metric);
        }
        dimensionsByName = manifest.dimensionsByName();
        manifest.models().forEach(m -> m.entities().forEach(e -> entityNames.add(e.name())));
    }

    /** Every dimension by name (the first model's on a clash). */
    public Map<String, io.zhongtai.metrics.model.Dimension> dimensionsByName() {
        return dimensionsByName;
    }

    public boolean isEntity(String name) {
        return entityNames.contains(name);
    }

    public SemanticManifest manifest() {
        return manifest;
    }

    public SemanticGraph graph() {
        return graph;
    }

    public Optional<MeasureRef> measure(String name) {
        return Optional.ofNullable(measures.get(name));
    }

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    public Map<String, Metric> metrics() {
        return metrics;
    }

    public Set<String> measureNames() {
        return measures.keySet();
    }

    /** The measures a metric rests on, through ratios, derived and period-over-period metrics. */
    public List<MeasureRef> leafMeasures(Metric metric) {
        if (metrics.get(metric.name()) == metric) {
            List<MeasureRef> cached = leavesByMetric.get(metric.name());
            if (cached == null) {
                cached = List.copyOf(computeLeaves(metric));
                leavesByMetric.put(metric.name(), cached);
            }
            return cached;
        }
        return computeLeaves(metric);
    }

    private List<MeasureRef> computeLeaves(Metric metric) {
        LinkedHashSet<MeasureRef> out = new LinkedHashSet<>();
        collectLeaves(metric, out, new LinkedHashSet<>());
        return new ArrayList<>(out);
    }

    private void collectLeaves(Metric metric, Set<MeasureRef> out, Set<String> visiting) {
        if (!visiting.add(metric.name())) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    "Metric " + metric.name() + " refers to itself through " + String.join(" -> ", visiting));
        }
        MetricSpec spec = metric.spec();
        if (spec instanceof MetricSpec.Simple simple) {
            measure(simple.measure()).ifPresent(out::add);
        } else if (spec instanceof MetricSpec.Cumulative cumulative) {
            measure(cumulative.measure()).ifPresent(out::add);
        } else if (spec instanceof MetricSpec.Conversion conversion) {
            measure(conversion.baseMeasure()).ifPresent(out::add);
            measure(conversion.conversionMeasure()).ifPresent(out::add);
        } else if (spec instanceof MetricSpec.Ratio ratio) {
            collectInput(ratio.numerator(), out, visiting);
            collectInput(ratio.denominator(), out, visiting);
        } else if (spec instanceof MetricSpec.Derived derived) {
            for (MetricInput input : derived.inputs()) {
                collectInput(input, out, visiting);
            }
        } else if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
            metric(pop.metric()).ifPresent(m -> collectLeaves(m, out, visiting));
        }
        visiting.remove(metric.name());
    }

    private void collectInput(MetricInput input, Set<MeasureRef> out, Set<String> visiting) {
        if (input.measure() != null) {
            measure(input.measure()).ifPresent(out::add);
        } else {
            metric(input.metric()).ifPresent(m -> collectLeaves(m, out, visiting));
        }
    }

    /**
     * The dimensions a metric reaches: those every measure under it reaches. A conversion metric
     * is grouped by its base events, so it reaches what its base measure reaches.
     */
    public Map<String, DimensionRef> reachableDimensions(Metric metric) {
        return reachableByMetric.computeIfAbsent(metric.name(), name -> {
            List<MeasureRef> leaves = metric.spec() instanceof MetricSpec.Conversion conversion
                    ? measure(conversion.baseMeasure()).map(List::of).orElse(List.of())
                    : leafMeasures(metric);
            Map<String, DimensionRef> common = null;
            for (MeasureRef leaf : leaves) {
                Map<String, DimensionRef> reach = graph.reachableDimensions(leaf.model(), leaf.measure().agg());
                if (common == null) {
                    common = new LinkedHashMap<>(reach);
                } else {
                    common.keySet().retainAll(reach.keySet());
                }
            }
            return common == null ? Map.of() : Map.copyOf(common);
        });
    }

    /** The name of the metric's time dimension (that of its first measure), or null. */
    public String timeDimension(Metric metric) {
        List<MeasureRef> leaves = leafMeasures(metric);
        return leaves.isEmpty() ? null : leaves.get(0).timeDimensionName();
    }
}
