package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.semantic.DimensionRef;
import io.zhongtai.metrics.semantic.MeasureRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Conversion metrics: a base event converts when a conversion event of the same entity (with
 * equal constant properties) follows it within the window. The base measure counts the base
 * events; {@code conversions} is that count over the base events that converted, and
 * {@code conversion_rate} the share of them. Results are grouped by the base events' dimensions
 * and time.
 */
final class ConversionPlanner {
    private ConversionPlanner() {}

    static PlanNode plan(Compilation compilation, Metric metric, MetricSpec.Conversion conversion,
            List<ParsedFilter> inherited, List<Shift> shifts) {
        PlanNode converted = compilation.leaf(conversion.baseMeasure(), inherited, shifts, null, conversion);
        if (conversion.calculation() == io.zhongtai.metrics.model.ConversionCalculation.CONVERSIONS) {
            return converted;
        }
        PlanNode all = compilation.leaf(conversion.baseMeasure(), inherited, shifts, null);
        return new PlanNode.RatioNode(converted, all);
    }

    /** {@code EXISTS (a conversion event of the same entity within the window after this base event)}. */
    static SqlNode converted(Compilation compilation, JoinSet base, SqlNode baseTime, MetricSpec.Conversion conversion) {
        MeasureRef baseMeasure = compilation.index().measure(conversion.baseMeasure()).orElseThrow();
        MeasureRef target = compilation.index().measure(conversion.conversionMeasure()).orElseThrow();
        Entity baseEntity = baseMeasure.model().entity(conversion.entity()).orElseThrow(() -> CatalogException.invalid(
                "entity", "'" + conversion.entity() + "' is not an entity of " + baseMeasure.model().name()));
        Entity targetEntity = target.model().entity(conversion.entity()).orElseThrow(() -> CatalogException.invalid(
                "entity", "'" + conversion.entity() + "' is not an entity of " + target.model().name()));
        if (baseTime == null) {
            throw CatalogException.invalid("metrics", "a conversion metric needs its base measure's time dimension");
        }
        JoinSet events = new JoinSet(target.model(), compilation.dialect(), "conversion_events");
        DimensionRef targetTimeRef = compilation.index().graph().reachableDimensions(target.model(), Aggregation.SUM)
                .get(target.timeDimensionName());
        SqlNode targetTime = compilation.dimensionSql(events, targetTimeRef);
        List<SqlNode> where = new ArrayList<>();
        where.add(Sql.eq(events.entityKey(target.model(), targetEntity.expr()),
                base.entityKey(baseMeasure.model(), baseEntity.expr())));
        where.add(Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, targetTime, baseTime));
        if (conversion.window() != null) {
            where.add(Sql.call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, targetTime, compilation.dialect().addInterval(
                    baseTime, conversion.window().count(), conversion.window().grain())));
        }
        for (String property : conversion.constantProperties()) {
            DimensionRef onBase = compilation.resolveNamed(baseMeasure.model(), Aggregation.SUM, property, null);
            DimensionRef onTarget = compilation.resolveNamed(target.model(), Aggregation.SUM, property, null);
            if (onBase == null || onTarget == null) {
                throw CatalogException.invalid("constant_properties", "'" + property + "' must be a dimension both "
                        + baseMeasure.model().name() + " and " + target.model().name() + " reach");
            }
            where.add(Sql.eq(compilation.dimensionSql(events, onTarget), compilation.dimensionSql(base, onBase)));
        }
        SqlSelect subquery = new SqlSelect(Sql.POS, null, Sql.list(List.of(Sql.number(1))), events.from(), Sql.and(where),
                null, null, null, null, null, null, null);
        compilation.addTables(events);
        return Sql.call(SqlStdOperatorTable.EXISTS, subquery);
    }
}
