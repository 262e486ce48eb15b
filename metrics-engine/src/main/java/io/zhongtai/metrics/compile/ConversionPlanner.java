package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.util.List;

/** Conversion metrics. */
final class ConversionPlanner {
    private ConversionPlanner() {}

    static void check(SemanticIndex index, Metric metric) {
        throw CatalogException.invalid("metrics", "conversion metric '" + metric.name() + "' cannot be queried yet");
    }

    static PlanNode plan(Compilation compilation, Metric metric, MetricSpec.Conversion conversion,
            List<ParsedFilter> inherited, List<Shift> shifts) {
        throw CatalogException.invalid("metrics", "conversion metric '" + metric.name() + "' cannot be queried yet");
    }
}
