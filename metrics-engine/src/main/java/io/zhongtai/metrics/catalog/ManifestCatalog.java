package io.zhongtai.metrics.catalog;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricStatus;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.validate.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MetricCatalog} over a manifest, with each metric's lifecycle state and version when a
 * governance registry provides them.
 */
public final class ManifestCatalog implements MetricCatalog {
    private final SemanticIndex index;
    private final Map<String, MetricVersion> current;
    private final List<MetricInfo> metrics;
    private final List<DimensionInfo> dimensions;

    public ManifestCatalog(SemanticIndex index, Map<String, MetricVersion> current) {
        this.index = index;
        this.current = Map.copyOf(current);
        List<MetricInfo> metricInfos = new ArrayList<>();
        for (Metric metric : index.metrics().values()) {
            metricInfos.add(info(metric));
        }
        metricInfos.sort(Comparator.comparing(MetricInfo::name));
        this.metrics = List.copyOf(metricInfos);
        List<DimensionInfo> dimensionInfos = new ArrayList<>();
        for (SemanticModel model : index.manifest().models()) {
            for (Dimension dimension : model.dimensions()) {
                dimensionInfos.add(new DimensionInfo(
                        dimension.name(),
                        dimension.type(),
                        dimension.labels(),
                        dimension.description(),
                        model.name(),
                        dimension.type() == DimensionType.TIME ? grainsFrom(dimension.grain()) : List.of(),
                        dimension.values()));
            }
        }
        dimensionInfos.sort(Comparator.comparing(DimensionInfo::name));
        this.dimensions = List.copyOf(dimensionInfos);
    }

    public ManifestCatalog(SemanticIndex index) {
        this(index, Map.of());
    }

    private static List<TimeGrain> grainsFrom(TimeGrain finest) {
        return Arrays.stream(TimeGrain.values()).filter(g -> g.isCoarserOrEqual(finest)).toList();
    }

    private MetricInfo info(Metric metric) {
        MetricVersion version = current.get(metric.name());
        List<String> reachable = new ArrayList<>(index.reachableDimensions(metric).keySet());
        reachable.sort(Comparator.naturalOrder());
        MetricStatus status = version == null ? null : version.status();
        return new MetricInfo(metric.name(), metric.type(), metric.labels(), metric.description(), metric.owner(),
                metric.domain(), metric.tags(), metric.unit(), metric.format(), index.timeDimension(metric),
                reachable, status, version == null ? 0 : version.version());
    }

    @Override
    public List<MetricInfo> metrics() {
        return metrics;
    }

    @Override
    public Optional<MetricInfo> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public List<DimensionInfo> dimensions() {
        return dimensions;
    }

    @Override
    public Optional<DimensionInfo> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    @Override
    public List<String> reachableDimensions(String metric) {
        return metric(metric)
                .map(MetricInfo::dimensions)
                .orElseThrow(() -> new CatalogException(ErrorCode.UNKNOWN_REFERENCE,
                        "Unknown metric '" + metric + "'" + Suggestions.didYouMean(metric,
                                metrics.stream().map(MetricInfo::name).toList())));
    }
}
