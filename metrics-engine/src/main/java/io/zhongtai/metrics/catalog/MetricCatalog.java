package io.zhongtai.metrics.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the governed metrics and dimensions: names, labels and synonyms in English and
 * Chinese, which dimensions each metric can reach, and known dimension values. This is what the
 * natural-language parser links words against; it never reads SQL.
 *
 * <p>{@code metric_time} is not listed as a dimension: every metric with a time dimension
 * accepts it (see {@link MetricInfo#timeDimension()}).
 */
public interface MetricCatalog {

    /** Every metric, in name order. */
    List<MetricInfo> metrics();

    Optional<MetricInfo> metric(String name);

    /** Every dimension of every semantic model, in name order. */
    List<DimensionInfo> dimensions();

    Optional<DimensionInfo> dimension(String name);

    /**
     * The dimensions a metric can be grouped or filtered by without double counting.
     *
     * @throws io.zhongtai.core.CatalogException UNKNOWN_REFERENCE for an unknown metric
     */
    List<String> reachableDimensions(String metric);
}
