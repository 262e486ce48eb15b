package io.zhongtai.nl.run;

import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.nl.lexicon.DimensionValueSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the values of categorical dimensions whose definitions list none (cities, stores,
 * products, brands) through the metrics engine itself: one metric query per dimension, grouped by
 * it, over a metric that can reach it. No SQL is written here; a dimension with more than
 * {@code maxValues} values is left out of the lexicon.
 */
public final class WarehouseValueSource implements DimensionValueSource {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseValueSource.class);

    private final MetricCatalog catalog;
    private final QueryRunner runner;
    private final int maxValues;

    public WarehouseValueSource(MetricCatalog catalog, QueryRunner runner, int maxValues) {
        this.catalog = catalog;
        this.runner = runner;
        this.maxValues = maxValues;
    }

    @Override
    public Map<String, List<String>> values() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (DimensionInfo dimension : catalog.dimensions()) {
            if (dimension.type() != DimensionType.CATEGORICAL || !dimension.values().isEmpty()) {
                continue;
            }
            MetricInfo metric = catalog.metrics().stream()
                    .filter(m -> m.dimensions().contains(dimension.name()) && m.type() != io.zhongtai.metrics.model.MetricType.PERIOD_OVER_PERIOD)
                    .findFirst().orElse(null);
            if (metric == null) {
                continue;
            }
            try {
                QueryResult result = runner.run(MetricQuery.builder().metrics(metric.name()).dimensions(dimension.name())
                        .limit(maxValues).build());
                if (result.truncated()) {
                    LOG.info("Dimension {} has more than {} values: questions cannot name them", dimension.name(), maxValues);
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (List<Object> row : result.rows()) {
                    if (row.get(0) != null) {
                        values.add(row.get(0).toString());
                    }
                }
                out.put(dimension.name(), values);
            } catch (RuntimeException e) {
                LOG.warn("Could not read the values of dimension {}: {}", dimension.name(), e.getMessage());
            }
        }
        return out;
    }
}
