package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.semantic.MeasureRef;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Compiles metric queries to SQL for a warehouse's dialect. Thread-safe; holds the definitions it
 * was built with (build a new one when they change).
 */
public final class MetricCompiler {
    private final SemanticIndex index;

    public MetricCompiler(SemanticIndex index) {
        this.index = index;
    }

    public SemanticIndex index() {
        return index;
    }

    /**
     * @throws CatalogException a 4xx error naming what is wrong (unknown names with the closest
     *     known ones, a dimension a metric cannot reach with what it can reach, bad filters with
     *     their line and column), or FORBIDDEN when the caller's policies do not allow it
     */
    public CompiledQuery compile(MetricQuery query, Caller caller, Target target) {
        return new Compilation(index, query, caller, target).run();
    }

    /**
     * The warehouse the query runs on: the one it names, else the one every semantic model under
     * its metrics is bound to.
     */
    public String warehouseOf(MetricQuery query) {
        if (query.warehouse() != null) {
            return query.warehouse();
        }
        Set<String> warehouses = new LinkedHashSet<>();
        for (String name : query.metrics()) {
            Metric metric = index.metric(name).orElse(null);
            if (metric == null) {
                continue;
            }
            for (MeasureRef leaf : index.leafMeasures(metric)) {
                if (leaf.model().warehouse() != null) {
                    warehouses.add(leaf.model().warehouse());
                }
            }
        }
        if (warehouses.size() > 1) {
            throw CatalogException.invalid("warehouse", "the metrics live on different warehouses (" + String.join(", ",
                    warehouses) + "); name one, or query them separately");
        }
        if (warehouses.isEmpty()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    "No warehouse is named and the metrics' semantic models are bound to none: name one in 'warehouse'");
        }
        return warehouses.iterator().next();
    }
}
