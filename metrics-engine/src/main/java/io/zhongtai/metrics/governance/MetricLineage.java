package io.zhongtai.metrics.governance;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.semantic.DimensionRef;
import io.zhongtai.metrics.semantic.MeasureRef;
import io.zhongtai.metrics.semantic.SemanticGraph;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warehouse columns and tables a metric reads: its measures' expressions (and the columns of
 * joined models they name), the dimensions in its filters and its time dimension. This is the
 * lineage drawn in the graph from each column and table to {@code metric:<name>}.
 */
public final class MetricLineage {
    private final Set<AssetId> columns = new LinkedHashSet<>();
    private final Set<AssetId> tables = new LinkedHashSet<>();
    private final List<String> measures = new ArrayList<>();

    public List<AssetId> columns() {
        return new ArrayList<>(columns);
    }

    public List<AssetId> tables() {
        return new ArrayList<>(tables);
    }

    /** The measures the metric rests on. */
    public List<String> measures() {
        return measures;
    }

    public static MetricLineage of(SemanticIndex index, Metric metric) {
        MetricLineage lineage = new MetricLineage();
        for (MeasureRef leaf : index.leafMeasures(metric)) {
            lineage.measures.add(leaf.measure().name());
            lineage.expression(index, leaf.model(), leaf.measure().expr(), true);
            String time = leaf.timeDimensionName();
            if (time != null) {
                DimensionRef ref = index.graph().reachableDimensions(leaf.model(), Aggregation.SUM).get(time);
                if (ref != null) {
                    lineage.expression(index, ref.model(), ref.dimension().expr(), false);
                }
            }
        }
        for (String filter : filters(index, metric)) {
            Expr expr;
            try {
                expr = ExpressionParser.parse(filter, "filter");
            } catch (RuntimeException e) {
                continue;
            }
            for (MeasureRef leaf : index.leafMeasures(metric)) {
                for (Expr.Reference reference : expr.references()) {
                    String name = reference.name();
                    String dimension = name.contains("__") ? name.substring(name.lastIndexOf("__") + 2) : name;
                    DimensionRef ref = index.graph().reachableDimensions(leaf.model(), leaf.measure().agg()).get(dimension);
                    if (ref != null) {
                        lineage.expression(index, ref.model(), ref.dimension().expr(), false);
                    }
                }
            }
        }
        return lineage;
    }

    private static List<String> filters(SemanticIndex index, Metric metric) {
        List<String> out = new ArrayList<>();
        MetricSpec spec = metric.spec();
        if (spec instanceof MetricSpec.Simple simple && simple.filter() != null) {
            out.add(simple.filter());
        } else if (spec instanceof MetricSpec.Cumulative cumulative && cumulative.filter() != null) {
            out.add(cumulative.filter());
        } else if (spec instanceof MetricSpec.Ratio ratio) {
            inputFilters(index, List.of(ratio.numerator(), ratio.denominator()), out);
        } else if (spec instanceof MetricSpec.Derived derived) {
            inputFilters(index, derived.inputs(), out);
        } else if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
            index.metric(pop.metric()).ifPresent(m -> out.addAll(filters(index, m)));
        }
        return out;
    }

    private static void inputFilters(SemanticIndex index, List<MetricInput> inputs, List<String> out) {
        for (MetricInput input : inputs) {
            if (input.filter() != null) {
                out.add(input.filter());
            }
            if (input.metric() != null) {
                index.metric(input.metric()).ifPresent(m -> out.addAll(filters(index, m)));
            }
        }
    }

    private void expression(SemanticIndex index, SemanticModel model, String text, boolean allowJoined) {
        Expr expr;
        try {
            expr = ExpressionParser.parse(text, "expression");
        } catch (RuntimeException e) {
            return;
        }
        for (Expr.Reference reference : expr.references()) {
            if (reference.parts().size() == 1) {
                add(model, reference.parts().get(0));
            } else if (allowJoined && reference.parts().size() == 2) {
                SemanticGraph.Reach reach = index.graph().safeReach(model).get(reference.parts().get(0));
                if (reach != null) {
                    add(reach.path().target(), reference.parts().get(1));
                }
            }
        }
    }

    private void add(SemanticModel model, String column) {
        if (model.warehouse() == null || model.relation().schema() == null) {
            return;
        }
        tables.add(AssetId.of(AssetType.TABLE, model.warehouse(), model.relation().schema(), model.relation().table()));
        columns.add(AssetId.of(AssetType.COLUMN, model.warehouse(), model.relation().schema(), model.relation().table(), column));
    }
}
