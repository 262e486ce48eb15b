package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import io.zhongtai.metrics.compile.dialect.DialectSql;
import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.ComparisonOutput;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.NonAdditiveDimension;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.model.WindowChoice;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.ColumnType;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.ResultColumn;
import io.zhongtai.metrics.query.SortDirection;
import io.zhongtai.metrics.query.TimeRange;
import io.zhongtai.metrics.semantic.DimensionRef;
import io.zhongtai.metrics.semantic.JoinPath;
import io.zhongtai.metrics.semantic.MeasureRef;
import io.zhongtai.metrics.semantic.SemanticGraph;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.validate.Suggestions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWriterConfig;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlString;

/**
 * The compilation of one metric query: resolves names, checks that every metric reaches every
 * dimension and filter it is asked with, plans the aggregations and renders the SQL.
 *
 * <p>The SQL has one aggregation per semantic model and period (current, earlier, cumulative,
 * last snapshot), each grouped by the asked dimensions at its own grain before anything is
 * combined, so a join never multiplies a measure. Several aggregations are stacked with UNION ALL
 * and grouped once more by the dimensions (no FULL OUTER JOIN, which MySQL lacks, and NULL
 * dimension values group together); the outer query computes ratios, derived expressions and
 * comparisons, sorts and limits.
 */
final class Compilation {
    static final String METRIC_TIME = "metric_time";
    private static final int MAX_LIMIT = 100_000;
    private static final String MASK = "***";

    private final SemanticIndex index;
    private final SemanticGraph graph;
    private final MetricQuery query;
    private final Target target;
    private final DialectSql dialect;
    private final Caller caller;
    private final Parameters parameters = new Parameters();
    private final Policies policies;

    private final List<Metric> metrics = new ArrayList<>();
    private final List<RequestedDimension> dimensions = new ArrayList<>();
    private final List<ParsedFilter> filters = new ArrayList<>();
    private final Map<Leaf, Integer> leafColumns = new LinkedHashMap<>();
    private final Map<UnitKey, Unit> units = new LinkedHashMap<>();
    private final List<Output> outputs = new ArrayList<>();
    private final Set<String> tables = new TreeSet<>();
    private RequestedDimension timeOutput;

    /** A result column: a dimension (by index) or a computed metric value. */
    private record Output(String name, int dimension, PlanNode node, ColumnType type) {}

    /** What makes aggregations share one SELECT. */
    private record UnitKey(String model, List<Shift> shifts, MetricSpec.Cumulative cumulative, String semiAdditive,
            String timeDimension, Leaf isolated) {}

    private static final class Unit {
        final UnitKey key;
        final SemanticModel model;
        final List<Leaf> leaves = new ArrayList<>();

        Unit(UnitKey key, SemanticModel model) {
            this.key = key;
            this.model = model;
        }

        boolean current() {
            return key.shifts().isEmpty();
        }

        /** The aggregation class the unit's joins must respect: fan-out only if every measure ignores repeats. */
        Aggregation joinAggregation() {
            return leaves.stream().allMatch(l -> l.measure().measure().agg().isDuplicateInsensitive())
                    ? Aggregation.COUNT_DISTINCT : Aggregation.SUM;
        }
    }

    Compilation(SemanticIndex index, MetricQuery query, Caller caller, Target target) {
        this.index = index;
        this.graph = index.graph();
        this.query = query;
        this.caller = caller;
        this.target = target;
        this.dialect = DialectSql.of(target.dialect());
        this.policies = Policies.forCaller(index.manifest().policies(), caller);
    }

    CompiledQuery run() {
        checkShape();
        resolveMetrics();
        resolveDimensions();
        parseFilters();
        checkReach();
        planOutputs();
        return render();
    }

    // ---------------------------------------------------------------- resolution

    private void checkShape() {
        if (query.metrics().isEmpty()) {
            throw CatalogException.invalid("metrics", "name at least one metric");
        }
        int limit = query.effectiveLimit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CatalogException.invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (new LinkedHashSet<>(query.comparisons()).size() != query.comparisons().size()) {
            throw CatalogException.invalid("comparisons", "a comparison is named twice");
        }
    }

    private void resolveMetrics() {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < query.metrics().size(); i++) {
            String name = query.metrics().get(i);
            if (!seen.add(name)) {
                throw CatalogException.invalid("metrics[" + i + "]", "metric '" + name + "' is asked twice");
            }
            Metric metric = policies.hiddenMetrics().containsKey(name) ? null : index.metric(name).orElse(null);
            if (metric == null) {
                String field = "metrics[" + i + "]";
                List<String> visible = index.metrics().keySet().stream()
                        .filter(m -> !policies.hiddenMetrics().containsKey(m)).toList();
                throw new CatalogException(ErrorCode.UNKNOWN_REFERENCE, field + ": unknown metric '" + name + "'"
                        + Suggestions.didYouMean(name, visible),
                        List.of(new FieldError(field, "unknown metric '" + name + "'")));
            }
            metrics.add(metric);
        }
    }

    private void resolveDimensions() {
        Set<String> columns = new LinkedHashSet<>(query.metrics());
        for (int i = 0; i < query.dimensions().size(); i++) {
            String asked = query.dimensions().get(i);
            String field = "dimensions[" + i + "]";
            RequestedDimension dimension = parseDimension(asked, field);
            if (!columns.add(dimension.column())) {
                throw CatalogException.invalid(field, "'" + asked + "' is asked twice (or is also a metric's name)");
            }
            if (dimension.name() != null && policies.hiddenDimensions().containsKey(dimension.name())) {
                throw new CatalogException(ErrorCode.FORBIDDEN, field + ": dimension '" + dimension.name()
                        + "' is hidden from you by policy " + policies.hiddenDimensions().get(dimension.name()));
            }
            dimensions.add(dimension);
        }
        List<RequestedDimension> times = dimensions.stream().filter(RequestedDimension::time).toList();
        if (query.grain() != null && times.isEmpty()) {
            throw CatalogException.invalid("grain", "a grain applies to a time dimension: add metric_time (or the"
                    + " metric's own time dimension, such as order_date) to dimensions");
        }
        timeOutput = times.size() == 1 ? times.get(0) : null;
        if (times.size() > 1) {
            for (Metric metric : metrics) {
                boolean periodic = index.leafMeasures(metric).stream().anyMatch(m -> m.measure().nonAdditive() != null)
                        || metric.spec() instanceof MetricSpec.Cumulative;
                if (periodic) {
                    throw CatalogException.invalid("dimensions", "metric '" + metric.name() + "' is read per period"
                            + " (semi-additive or cumulative), so it takes one time dimension, not " + times.size());
                }
            }
        }
    }

    private RequestedDimension parseDimension(String asked, String field) {
        if (asked == null || asked.isBlank()) {
            throw CatalogException.invalid(field, "a dimension name is blank");
        }
        Map<String, Dimension> all = index.dimensionsByName();
        TimeGrain grain = query.grain();
        if (asked.equals(METRIC_TIME)) {
            return new RequestedDimension(asked, null, null, grain == null ? TimeGrain.DAY : grain);
        }
        int split = asked.lastIndexOf("__");
        if (split > 0) {
            String prefix = asked.substring(0, split);
            String suffix = asked.substring(split + 2);
            TimeGrain suffixGrain = grainOrNull(suffix);
            if (suffixGrain != null) {
                if (prefix.equals(METRIC_TIME)) {
                    return new RequestedDimension(asked, null, null, suffixGrain);
                }
                RequestedDimension base = parseDimension(prefix, field);
                if (base.time()) {
                    return new RequestedDimension(asked, base.name(), base.entity(), suffixGrain);
                }
                throw CatalogException.invalid(field, "'" + prefix + "' is not a time dimension, so it has no grain '"
                        + suffix + "'");
            }
            int entitySplit = prefix.lastIndexOf("__");
            String entity = entitySplit >= 0 ? prefix.substring(entitySplit + 2) : prefix;
            if (knownEntity(entity)) {
                Dimension dimension = findDimension(suffix).orElseThrow(() -> unknownDimension(asked, field));
                return new RequestedDimension(asked, suffix, entity,
                        dimension.isTime() ? (grain == null ? TimeGrain.DAY : grain) : null);
            }
        }
        Dimension dimension = all.get(asked);
        if (dimension == null) {
            throw unknownDimension(asked, field);
        }
        return new RequestedDimension(asked, asked, null, dimension.isTime() ? (grain == null ? TimeGrain.DAY : grain) : null);
    }

    private boolean knownEntity(String entity) {
        return index.isEntity(entity);
    }

    private java.util.Optional<Dimension> findDimension(String name) {
        return index.manifest().models().stream().flatMap(m -> m.dimensions().stream())
                .filter(d -> d.name().equals(name)).findFirst();
    }

    private static TimeGrain grainOrNull(String text) {
        for (TimeGrain grain : TimeGrain.values()) {
            if (grain.value().equals(text)) {
                return grain;
            }
        }
        return null;
    }

    private CatalogException unknownDimension(String asked, String field) {
        List<String> known = new ArrayList<>(index.dimensionsByName().keySet());
        known.removeIf(policies.hiddenDimensions()::containsKey);
        known.add(METRIC_TIME);
        return new CatalogException(ErrorCode.UNKNOWN_REFERENCE,
                field + ": unknown dimension '" + asked + "'" + Suggestions.didYouMean(asked, known),
                List.of(new FieldError(field, "unknown dimension '" + asked + "'")));
    }

    private void parseFilters() {
        for (int i = 0; i < query.filters().size(); i++) {
            filters.add(ParsedFilter.parse(query.filters().get(i), "filters[" + i + "]", false));
        }
    }

    // ---------------------------------------------------------------- reach

    private void checkReach() {
        for (Metric metric : metrics) {
            Map<String, DimensionRef> reach = index.reachableDimensions(metric);
            String timeDimension = index.timeDimension(metric);
            for (int i = 0; i < dimensions.size(); i++) {
                RequestedDimension dimension = dimensions.get(i);
                if (dimension.metricTime()) {
                    if (timeDimension == null) {
                        throw new CatalogException(ErrorCode.UNREACHABLE_DIMENSION, "dimensions[" + i + "]: metric '"
                                + metric.name() + "' has no time dimension, so it has no metric_time");
                    }
                    continue;
                }
                checkDimensionReach(metric, dimension.name(), dimension.entity(), reach, "dimensions[" + i + "]", null);
            }
            for (ParsedFilter filter : filters) {
                checkFilterReach(metric, filter, reach, timeDimension);
            }
            for (ParsedFilter filter : policies.rowFilters()) {
                checkFilterReach(metric, filter, reach, timeDimension);
            }
            if (query.timeRange() != null && timeDimension == null) {
                throw CatalogException.invalid("timeRange", "metric '" + metric.name() + "' has no time dimension to"
                        + " apply a time range to");
            }
        }
        if (!query.comparisons().isEmpty() || metrics.stream().anyMatch(this::usesPeriodOverPeriod)) {
            checkComparable();
        }
    }

    private void checkFilterReach(Metric metric, ParsedFilter filter, Map<String, DimensionRef> reach, String timeDimension) {
        for (Expr.Reference reference : filter.expr().references()) {
            if (reference.parts().size() != 1) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST, filter.field() + ": '" + reference.name()
                        + "' at line " + reference.position().line() + ", column " + reference.position().column()
                        + ": filters name dimensions (region, customer__gender), not table columns",
                        reference.position(), null);
            }
            String name = reference.parts().get(0);
            FilterTarget target = filterTarget(name, filter, reference.position());
            if (target.metricTime()) {
                if (timeDimension == null) {
                    throw new CatalogException(ErrorCode.UNREACHABLE_DIMENSION, filter.field() + ": metric '"
                            + metric.name() + "' has no time dimension, so a filter on metric_time does not apply to it");
                }
                continue;
            }
            if (!filter.policy() && policies.maskedDimensions().containsKey(target.name())) {
                throw new CatalogException(ErrorCode.FORBIDDEN, filter.field() + ": dimension '" + target.name()
                        + "' is masked for you by policy " + policies.maskedDimensions().get(target.name())
                        + "; it cannot be filtered on");
            }
            checkDimensionReach(metric, target.name(), target.entity(), reach, filter.field(), filter);
        }
    }

    /** A filter's reference: metric_time (maybe with a grain), or a dimension (maybe entity__dimension). */
    private record FilterTarget(String name, String entity, TimeGrain grain) {
        boolean metricTime() {
            return name == null;
        }
    }

    private FilterTarget filterTarget(String reference, ParsedFilter filter, TextPosition position) {
        if (reference.equals(METRIC_TIME)) {
            return new FilterTarget(null, null, null);
        }
        try {
            RequestedDimension parsed = parseDimension(reference, filter.field());
            TimeGrain grain = reference.contains("__") && grainOrNull(reference.substring(reference.lastIndexOf("__") + 2)) != null
                    ? parsed.grain() : null;
            if (policies.hiddenDimensions().containsKey(parsed.displayName()) && !filter.policy()) {
                throw new CatalogException(ErrorCode.FORBIDDEN, filter.field() + ": dimension '" + parsed.name()
                        + "' is hidden from you by policy " + policies.hiddenDimensions().get(parsed.name()));
            }
            return new FilterTarget(parsed.name(), parsed.entity(), grain);
        } catch (CatalogException e) {
            if (e.code() != ErrorCode.UNKNOWN_REFERENCE) {
                throw e;
            }
            List<String> known = new ArrayList<>(index.dimensionsByName().keySet());
            known.removeIf(policies.hiddenDimensions()::containsKey);
            known.add(METRIC_TIME);
            String reason = "unknown dimension '" + reference + "' at line " + position.line() + ", column "
                    + position.column() + Suggestions.didYouMean(reference, known);
            throw new CatalogException(ErrorCode.UNKNOWN_REFERENCE, filter.field() + ": " + reason, position, null);
        }
    }

    private void checkDimensionReach(Metric metric, String name, String entity, Map<String, DimensionRef> reach,
            String field, ParsedFilter filter) {
        boolean reached = entity == null
                ? reach.containsKey(name)
                : index.leafMeasures(metric).stream().allMatch(leaf -> resolveNamed(leaf.model(), leaf.measure().agg(),
                        name, entity) != null);
        if (reached) {
            return;
        }
        List<String> reachable = new ArrayList<>(new TreeSet<>(reach.keySet()));
        reachable.removeIf(policies.hiddenDimensions()::containsKey);
        String shown = entity == null ? name : entity + "__" + name;
        String why = unreachableReason(metric, name);
        if (filter != null && filter.policy()) {
            throw new CatalogException(ErrorCode.FORBIDDEN, "Metric '" + metric.name() + "' cannot be shown to you: "
                    + filter.field() + " restricts your rows by '" + shown + "', which the metric cannot reach" + why);
        }
        String message = field + ": metric '" + metric.name() + "' cannot be " + (filter == null ? "grouped" : "filtered")
                + " by '" + shown + "'" + why + ". It can reach: " + String.join(", ", reachable)
                + (index.timeDimension(metric) == null ? "" : ", metric_time");
        throw new CatalogException(ErrorCode.UNREACHABLE_DIMENSION, message,
                List.of(new FieldError(field, "metric '" + metric.name() + "' cannot reach '" + shown + "'")));
    }

    /** Why a metric does not reach a dimension: a join that would fan out, an ambiguity, or no path. */
    private String unreachableReason(Metric metric, String dimensionName) {
        for (MeasureRef leaf : index.leafMeasures(metric)) {
            SemanticModel holder = index.manifest().models().stream()
                    .filter(m -> m.dimension(dimensionName).isPresent()).findFirst().orElse(null);
            if (holder == null) {
                return "";
            }
            if (graph.reachableDimensions(leaf.model(), leaf.measure().agg()).containsKey(dimensionName)) {
                continue;
            }
            SemanticGraph.Reach safe = graph.safeReach(leaf.model()).get(holder.name());
            if (safe != null && safe.ambiguous()) {
                return " (" + leaf.model().name() + " reaches " + holder.name() + " by more than one shortest path: "
                        + safe.path() + " and " + safe.alternatives().get(0) + "; name it entity__dimension)";
            }
            SemanticGraph.Reach fanOut = graph.fanOutReach(leaf.model()).get(holder.name());
            if (fanOut != null) {
                return " (the join " + fanOut.path() + " is one-to-many, and would count each "
                        + leaf.measure().name() + " (" + leaf.measure().agg().value() + ") once per joined row)";
            }
            JoinPath any = graph.anyPath(leaf.model(), holder.name());
            if (any != null) {
                String fanOuts = any.hops().stream().filter(h -> h.fanOut()).map(h -> h.from().name() + " -> "
                        + h.to().name()).collect(java.util.stream.Collectors.joining(", "));
                return " (the joins " + any + " include " + fanOuts + ", one-to-many, which would count each "
                        + leaf.measure().name() + " (" + leaf.measure().agg().value() + ") once per joined row)";
            }
            return " (no chain of joins leads from " + leaf.model().name() + " to " + holder.name() + ")";
        }
        return "";
    }

    private boolean usesPeriodOverPeriod(Metric metric) {
        if (metric.spec() instanceof MetricSpec.PeriodOverPeriod) {
            return true;
        }
        if (metric.spec() instanceof MetricSpec.Ratio ratio) {
            return usesOffset(ratio.numerator()) || usesOffset(ratio.denominator());
        }
        if (metric.spec() instanceof MetricSpec.Derived derived) {
            return derived.inputs().stream().anyMatch(this::usesOffset);
        }
        return false;
    }

    private boolean usesOffset(MetricInput input) {
        return input.offsetWindow() != null || input.offsetToGrain() != null
                || (input.metric() != null && index.metric(input.metric()).map(this::usesPeriodOverPeriod).orElse(false));
    }

    private void checkComparable() {
        long timeOutputs = dimensions.stream().filter(RequestedDimension::time).count();
        if (timeOutputs > 1) {
            throw CatalogException.invalid("comparisons", "comparisons and period-over-period metrics work with one"
                    + " time dimension; this query has " + timeOutputs);
        }
        if (timeOutput == null && query.timeRange() == null) {
            throw CatalogException.invalid("comparisons", "comparisons and period-over-period metrics need a time range"
                    + " or a time dimension with a grain (metric_time)");
        }
        if (timeOutput == null) {
            TimeRange range = query.timeRange();
            if (range.start() == null || range.end() == null) {
                throw CatalogException.invalid("timeRange", "a comparison without a grain needs a range with a start"
                        + " and an end");
            }
        }
        if (timeOutput != null && !timeOutput.metricTime()) {
            for (Metric metric : metrics) {
                if (!timeOutput.name().equals(index.timeDimension(metric))) {
                    throw CatalogException.invalid("comparisons", "compare metric '" + metric.name() + "' by its own"
                            + " time dimension (metric_time), not by '" + timeOutput.name() + "'");
                }
            }
        }
    }

    // ---------------------------------------------------------------- planning

    private void planOutputs() {
        for (int i = 0; i < dimensions.size(); i++) {
            RequestedDimension dimension = dimensions.get(i);
            outputs.add(new Output(dimension.column(), i, null, dimension.time() ? ColumnType.DATE : ColumnType.STRING));
        }
        for (Metric metric : metrics) {
            PlanNode node = node(metric, List.of(), List.of());
            outputs.add(new Output(metric.name(), -1, node, type(node)));
        }
        for (Metric metric : metrics) {
            for (Comparison comparison : query.comparisons()) {
                PlanNode current = node(metric, List.of(), List.of());
                PlanNode earlier = node(metric, List.of(), List.of(Shift.of(comparison)));
                String prefix = metric.name() + "__" + comparison.value();
                outputs.add(new Output(prefix, -1, earlier, type(earlier)));
                PlanNode difference = new PlanNode.CompareNode(current, earlier, ComparisonOutput.DIFFERENCE);
                outputs.add(new Output(prefix + "_diff", -1, difference, type(difference)));
                outputs.add(new Output(prefix + "_growth", -1,
                        new PlanNode.CompareNode(current, earlier, ComparisonOutput.GROWTH), ColumnType.DECIMAL));
            }
        }
    }

    private PlanNode node(Metric metric, List<ParsedFilter> inherited, List<Shift> shifts) {
        MetricSpec spec = metric.spec();
        String field = "metric " + metric.name();
        if (spec instanceof MetricSpec.Simple simple) {
            return leaf(simple.measure(), with(inherited, simple.filter(), field + " filter"), shifts, null);
        }
        if (spec instanceof MetricSpec.Ratio ratio) {
            return new PlanNode.RatioNode(input(ratio.numerator(), inherited, shifts, field + " numerator"),
                    input(ratio.denominator(), inherited, shifts, field + " denominator"));
        }
        if (spec instanceof MetricSpec.Derived derived) {
            Map<String, PlanNode> inputs = new LinkedHashMap<>();
            for (int i = 0; i < derived.inputs().size(); i++) {
                MetricInput input = derived.inputs().get(i);
                inputs.put(input.referenceName(), input(input, inherited, shifts, field + " inputs[" + i + "]"));
            }
            return new PlanNode.DerivedNode(ExpressionParser.parse(derived.expr(), field + " expr"), inputs, field + " expr");
        }
        if (spec instanceof MetricSpec.Cumulative cumulative) {
            if (!shifts.isEmpty()) {
                throw CatalogException.invalid("comparisons", "cumulative metric '" + metric.name()
                        + "' cannot be compared with an earlier period yet");
            }
            if (timeOutput == null && query.timeRange() == null && (cumulative.window() != null
                    || cumulative.grainToDate() != null)) {
                throw CatalogException.invalid("timeRange", "cumulative metric '" + metric.name()
                        + "' needs a time range (its end) or a time dimension with a grain");
            }
            if (timeOutput == null && query.timeRange() != null && query.timeRange().end() == null
                    && (cumulative.window() != null || cumulative.grainToDate() != null)) {
                throw CatalogException.invalid("timeRange", "cumulative metric '" + metric.name()
                        + "' needs the end of the time range");
            }
            return leaf(cumulative.measure(), with(inherited, cumulative.filter(), field + " filter"), shifts, cumulative);
        }
        if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
            Metric base = index.metric(pop.metric()).orElseThrow();
            List<Shift> earlierShifts = new ArrayList<>(shifts);
            earlierShifts.add(Shift.of(pop.comparison()));
            return new PlanNode.CompareNode(node(base, inherited, shifts), node(base, inherited, earlierShifts),
                    pop.output());
        }
        if (spec instanceof MetricSpec.Conversion conversion) {
            return ConversionPlanner.plan(this, metric, conversion, inherited, shifts);
        }
        throw new IllegalStateException("unhandled metric type " + metric.type());
    }

    private PlanNode input(MetricInput input, List<ParsedFilter> inherited, List<Shift> shifts, String field) {
        List<ParsedFilter> filtersHere = with(inherited, input.filter(), field + " filter");
        List<Shift> shiftsHere = new ArrayList<>(shifts);
        if (input.offsetToGrain() != null) {
            throw CatalogException.invalid(field, "offset_to_grain is not supported yet; use offset_window");
        }
        if (input.offsetWindow() != null) {
            shiftsHere.add(new Shift(input.offsetWindow()));
        }
        if (input.measure() != null) {
            return leaf(input.measure(), filtersHere, shiftsHere, null);
        }
        return node(index.metric(input.metric()).orElseThrow(), filtersHere, shiftsHere);
    }

    private static List<ParsedFilter> with(List<ParsedFilter> inherited, String filter, String field) {
        if (filter == null) {
            return inherited;
        }
        List<ParsedFilter> all = new ArrayList<>(inherited);
        ParsedFilter parsed = ParsedFilter.parse(filter, field, false);
        if (!all.contains(parsed)) {
            all.add(parsed);
        }
        return all;
    }

    PlanNode leaf(String measureName, List<ParsedFilter> leafFilters, List<Shift> shifts, MetricSpec.Cumulative cumulative) {
        return leaf(measureName, leafFilters, shifts, cumulative, null);
    }

    PlanNode leaf(String measureName, List<ParsedFilter> leafFilters, List<Shift> shifts, MetricSpec.Cumulative cumulative,
            MetricSpec.Conversion converted) {
        MeasureRef measure = index.measure(measureName).orElseThrow(() -> new CatalogException(
                ErrorCode.INVALID_REQUEST, "unknown measure '" + measureName + "'"));
        Leaf leaf = new Leaf(measure, leafFilters, shifts, cumulative, converted);
        if (!leafColumns.containsKey(leaf)) {
            leafColumns.put(leaf, leafColumns.size());
            String timeDimension = measure.timeDimensionName();
            boolean isolate = measure.measure().agg().isDuplicateInsensitive() && leafFilters.stream()
                    .anyMatch(f -> filterFansOut(measure, f));
            NonAdditiveDimension nonAdditive = measure.measure().nonAdditive();
            UnitKey key = new UnitKey(measure.model().name(), List.copyOf(shifts), cumulative,
                    nonAdditive == null ? null : measure.measure().name(), timeDimension, isolate ? leaf : null);
            units.computeIfAbsent(key, k -> new Unit(k, measure.model())).leaves.add(leaf);
        }
        return new PlanNode.LeafNode(leaf);
    }

    private boolean filterFansOut(MeasureRef measure, ParsedFilter filter) {
        for (Expr.Reference reference : filter.expr().references()) {
            if (reference.parts().size() != 1 || reference.parts().get(0).equals(METRIC_TIME)) {
                continue;
            }
            FilterTarget target = filterTarget(reference.parts().get(0), filter, reference.position());
            DimensionRef ref = target.metricTime() ? null
                    : resolveNamed(measure.model(), measure.measure().agg(), target.name(), target.entity());
            if (ref != null && ref.path().fansOut()) {
                return true;
            }
        }
        return false;
    }

    /** A dimension by name (and entity, for MetricFlow names) as reached from a model, or null. */
    DimensionRef resolveNamed(SemanticModel model, Aggregation agg, String name, String entity) {
        if (entity == null) {
            return graph.reachableDimensions(model, agg).get(name);
        }
        List<SemanticGraph.Reach> candidates = new ArrayList<>(graph.safeReach(model).values());
        if (agg.isDuplicateInsensitive()) {
            candidates.addAll(graph.fanOutReach(model).values());
        }
        for (SemanticGraph.Reach reach : candidates) {
            JoinPath path = reach.path();
            SemanticModel holder = path.target();
            boolean viaEntity = path.hops().isEmpty()
                    ? holder.entity(entity).filter(e -> e.type().isUnique()).isPresent()
                    : entity.equals(path.lastEntity());
            if (viaEntity && !reach.ambiguous()) {
                java.util.Optional<Dimension> dimension = holder.dimension(name);
                if (dimension.isPresent() && !(path.fansOut() && dimension.get().isTime())) {
                    return new DimensionRef(holder, dimension.get(), path);
                }
            }
        }
        return null;
    }

    private ColumnType type(PlanNode node) {
        if (node instanceof PlanNode.LeafNode leafNode) {
            Aggregation agg = leafNode.leaf().measure().measure().agg();
            return agg == Aggregation.COUNT || agg == Aggregation.COUNT_DISTINCT || agg == Aggregation.SUM_BOOLEAN
                    ? ColumnType.INTEGER : ColumnType.DECIMAL;
        }
        if (node instanceof PlanNode.CompareNode compare && compare.output() != ComparisonOutput.GROWTH) {
            return type(compare.current());
        }
        return ColumnType.DECIMAL;
    }

    // ---------------------------------------------------------------- rendering

    private CompiledQuery render() {
        boolean shifted = units.values().stream().anyMatch(u -> !u.current());
        List<Unit> all = new ArrayList<>(units.values());
        SqlNode inner;
        if (all.size() == 1) {
            inner = unitSelect(all.get(0), false, false);
        } else {
            List<SqlNode> selects = new ArrayList<>();
            Map<Unit, List<Unit>> families = sharedPeriodFamilies();
            for (Unit unit : all) {
                List<Unit> family = families.get(unit);
                if (family == null) {
                    selects.add(unitSelect(unit, true, shifted));
                } else if (family.get(0) == unit) {
                    selects.add(familySelect(family));
                }
            }
            SqlNode union = selects.get(0);
            for (int i = 1; i < selects.size(); i++) {
                union = Sql.call(SqlStdOperatorTable.UNION_ALL, union, selects.get(i));
            }
            List<SqlNode> select = new ArrayList<>();
            List<SqlNode> groupBy = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                select.add(Sql.id("u", dimensionAlias(i)));
                groupBy.add(Sql.id("u", dimensionAlias(i)));
            }
            for (int column : leafColumns.values()) {
                select.add(Sql.as(Sql.call(SqlStdOperatorTable.MAX, Sql.id("u", leafAlias(column))), leafAlias(column)));
            }
            SqlNode having = shifted
                    ? Sql.eq(Sql.call(SqlStdOperatorTable.MAX, Sql.id("u", "present")), Sql.number(1))
                    : null;
            inner = new SqlSelect(Sql.POS, null, Sql.list(select), Sql.as(union, "u"), null,
                    groupBy.isEmpty() ? null : Sql.list(groupBy), having, null, null, null, null, null);
        }
        List<SqlNode> select = new ArrayList<>();
        Map<String, SqlNode> byName = new HashMap<>();
        for (Output output : outputs) {
            SqlNode value = output.dimension() >= 0
                    ? Sql.id("t", dimensionAlias(output.dimension()))
                    : value(output.node());
            byName.put(output.name(), value);
            select.add(Sql.as(value, output.name()));
        }
        List<SqlNode> orderBy = new ArrayList<>();
        if (query.orderBy().isEmpty()) {
            for (RequestedDimension dimension : dimensions) {
                orderBy.add(Sql.id(dimension.column()));
            }
        }
        for (int i = 0; i < query.orderBy().size(); i++) {
            OrderBy key = query.orderBy().get(i);
            if (!byName.containsKey(key.field())) {
                throw CatalogException.invalid("orderBy[" + i + "].field", "'" + key.field() + "' is not a result column;"
                        + " columns: " + String.join(", ", outputs.stream().map(Output::name).toList()));
            }
            SqlNode sortKey = Sql.id(key.field());
            orderBy.add(key.direction() == SortDirection.DESC ? Sql.call(SqlStdOperatorTable.DESC, sortKey) : sortKey);
        }
        int limit = query.effectiveLimit();
        SqlSelect outer = new SqlSelect(Sql.POS, null, Sql.list(select), Sql.as(inner, "t"), null, null, null, null,
                orderBy.isEmpty() ? null : Sql.list(orderBy), null, Sql.number(limit + 1L), null);
        SqlString parameterized = outer.toSqlString(this::format);
        String display = parameters.inline(outer).toSqlString(this::format).getSql();
        List<Object> bound = new ArrayList<>();
        if (parameterized.getDynamicParameters() != null) {
            for (Integer position : parameterized.getDynamicParameters()) {
                bound.add(parameters.values().get(position));
            }
        }
        List<ResultColumn> columns = outputs.stream().map(o -> new ResultColumn(o.name(), o.type())).toList();
        return new CompiledQuery(target.warehouse(), target.dialect(), display, parameterized.getSql(), bound, columns,
                limit, tables);
    }

    private SqlWriterConfig format(SqlWriterConfig config) {
        return config.withDialect(dialect.calcite()).withAlwaysUseParentheses(false).withQuoteAllIdentifiers(true)
                .withIndentation(2);
    }

    private static String dimensionAlias(int index) {
        return "d" + index;
    }

    private static String leafAlias(int column) {
        return "m" + column;
    }

    /** A metric's value in the outer query, from the aggregated columns of {@code t}. */
    private SqlNode value(PlanNode node) {
        if (node instanceof PlanNode.LeafNode leafNode) {
            return Sql.id("t", leafAlias(leafColumns.get(leafNode.leaf())));
        }
        if (node instanceof PlanNode.RatioNode ratio) {
            return ExpressionTranslator.divide(dialect, value(ratio.numerator()), value(ratio.denominator()));
        }
        if (node instanceof PlanNode.DerivedNode derived) {
            return new ExpressionTranslator(dialect, null, null, derived.field()).translate(derived.expr(), reference -> {
                PlanNode input = reference.parts().size() == 1 ? derived.inputs().get(reference.parts().get(0)) : null;
                if (input == null) {
                    throw new CatalogException(ErrorCode.UNKNOWN_REFERENCE, derived.field() + ": unknown input '"
                            + reference.name() + "'" + Suggestions.didYouMean(reference.name(), derived.inputs().keySet()),
                            reference.position(), null);
                }
                return new ExpressionTranslator.Resolved(value(input), false);
            });
        }
        if (node instanceof PlanNode.CompareNode compare) {
            SqlNode current = value(compare.current());
            SqlNode earlier = value(compare.earlier());
            return switch (compare.output()) {
                case EARLIER_VALUE -> earlier;
                case DIFFERENCE -> Sql.call(SqlStdOperatorTable.MINUS, current, earlier);
                case GROWTH -> ExpressionTranslator.divide(dialect, Sql.call(SqlStdOperatorTable.MINUS, current, earlier),
                        earlier);
            };
        }
        throw new IllegalStateException("unhandled node " + node);
    }

    /** The SELECT of one aggregation unit. */
    private SqlNode unitSelect(Unit unit, boolean allColumns, boolean presence) {
        JoinSet joins = new JoinSet(unit.model, dialect);
        Aggregation joinAgg = unit.joinAggregation();
        MeasureRef first = unit.leaves.get(0).measure();
        DimensionRef timeRef = unit.key.timeDimension() == null ? null
                : graph.reachableDimensions(unit.model, Aggregation.SUM).get(unit.key.timeDimension());
        if (unit.key.timeDimension() != null && timeRef == null) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "measure " + first.measure().name()
                    + " counts by time dimension " + unit.key.timeDimension() + ", which its model "
                    + unit.model.name() + " does not reach");
        }
        SqlNode timeExpr = timeRef == null ? null : dimensionSql(joins, timeRef);
        TimeRange range = shiftedRange(unit.key.shifts());
        List<SqlNode> where = new ArrayList<>();
        for (ParsedFilter filter : filters) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        for (ParsedFilter filter : policies.rowFilters()) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        List<ParsedFilter> common = new ArrayList<>(unit.leaves.get(0).filters());
        for (Leaf leaf : unit.leaves) {
            common.retainAll(leaf.filters());
        }
        for (ParsedFilter filter : common) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        MetricSpec.Cumulative cumulative = unit.key.cumulative();
        SqlNode label = null;
        if (timeOutput != null && timeExpr != null) {
            label = timeLabel(timeExpr, unit.key.shifts(), timeRef.dimension());
        }
        if (label != null && calendarShift(unit.key.shifts())) {
            label = shiftedDays(unit, joins, timeExpr);
        }
        if (cumulative != null) {
            label = cumulative(unit, joins, timeExpr, where, cumulative, label);
        } else if (range != null && timeExpr != null) {
            where.addAll(rangeConditions(timeExpr, range));
        }
        if (unit.key.semiAdditive() != null) {
            lastSnapshot(unit, joins, joinAgg, timeExpr, range, label);
        }
        List<SqlNode> select = new ArrayList<>();
        List<SqlNode> groupBy = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            RequestedDimension dimension = dimensions.get(i);
            SqlNode sql;
            if (dimension.name() != null && policies.maskedDimensions().containsKey(dimension.name())) {
                select.add(Sql.as(Sql.literal(MASK), dimensionAlias(i)));
                continue;
            }
            if (dimension.time() && (dimension.metricTime() || dimension.name().equals(unit.key.timeDimension()))) {
                sql = label != null ? label : bucket(timeExpr, timeRef.dimension(), dimension.grain());
            } else {
                DimensionRef ref = resolveNamed(unit.model, joinAgg, dimension.name(), dimension.entity());
                SqlNode base = dimensionSql(joins, ref);
                sql = dimension.time() ? bucket(base, ref.dimension(), dimension.grain()) : base;
            }
            select.add(Sql.as(sql, dimensionAlias(i)));
            groupBy.add(sql);
        }
        if (presence) {
            select.add(Sql.as(unit.current() ? Sql.number(1) : Sql.nullLiteral(), "present"));
        }
        Set<Leaf> own = new LinkedHashSet<>(unit.leaves);
        for (Map.Entry<Leaf, Integer> entry : leafColumns.entrySet()) {
            if (own.contains(entry.getKey())) {
                select.add(Sql.as(aggregate(joins, joinAgg, timeExpr, entry.getKey(), common), leafAlias(entry.getValue())));
            } else if (allColumns) {
                select.add(Sql.as(Sql.nullLiteral(), leafAlias(entry.getValue())));
            }
        }
        joins.addTables(tables);
        return new SqlSelect(Sql.POS, null, Sql.list(select), joins.from(), Sql.and(where),
                groupBy.isEmpty() ? null : Sql.list(groupBy), null, null, null, null, null, null);
    }

    // ---------------------------------------------------------------- periods sharing one aggregation

    /**
     * The units that differ only by their shifts (current, previous period, a year back) and can
     * share one aggregation ({@link SharedPeriods}), each unit mapped to its family.
     */
    private Map<Unit, List<Unit>> sharedPeriodFamilies() {
        Map<Unit, List<Unit>> out = new HashMap<>();
        if (timeOutput == null) {
            return out;
        }
        Map<UnitKey, List<Unit>> groups = new LinkedHashMap<>();
        for (Unit unit : units.values()) {
            UnitKey key = unit.key;
            boolean simple = key.cumulative() == null && key.semiAdditive() == null && key.isolated() == null
                    && key.timeDimension() != null && unit.leaves.stream().allMatch(l -> l.converted() == null)
                    && (timeOutput.metricTime() || timeOutput.name().equals(key.timeDimension()))
                    && SharedPeriods.aligned(key.shifts(), timeOutput.grain());
            if (simple) {
                groups.computeIfAbsent(new UnitKey(key.model(), List.of(), null, null, key.timeDimension(), null),
                        k -> new ArrayList<>()).add(unit);
            }
        }
        for (List<Unit> family : groups.values()) {
            if (family.size() < 2 || family.stream().allMatch(Unit::current)) {
                continue;
            }
            List<TimeRange> ranges = family.stream().map(u -> shiftedRange(u.key.shifts())).toList();
            if (SharedPeriods.compatible(ranges, timeOutput.grain())) {
                family.forEach(u -> out.put(u, family));
            }
        }
        return out;
    }

    /**
     * One aggregation for a family of units: the rows of all their periods aggregated once per
     * bucket (labelled by the bucket's own first day), then repeated once per unit with each
     * earlier bucket relabelled forward onto the bucket it is compared with. The outer GROUP BY
     * puts the current and earlier values of a bucket on one row, as a self-join on the shifted
     * time key would.
     */
    private SqlNode familySelect(List<Unit> family) {
        Unit first = family.get(0);
        Unit base = new Unit(new UnitKey(first.key.model(), List.of(), null, null, first.key.timeDimension(), null),
                first.model);
        Map<Leaf, Integer> baseColumns = new LinkedHashMap<>();
        for (Unit unit : family) {
            for (Leaf leaf : unit.leaves) {
                Leaf stripped = new Leaf(leaf.measure(), leaf.filters(), List.of(), null, null);
                if (!baseColumns.containsKey(stripped)) {
                    baseColumns.put(stripped, baseColumns.size());
                    base.leaves.add(stripped);
                }
            }
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (Unit unit : family) {
            TimeRange range = shiftedRange(unit.key.shifts());
            if (!ranges.contains(range)) {
                ranges.add(range);
            }
        }
        SqlNode aggregated = baseSelect(base, baseColumns, ranges.contains(null) ? List.of() : ranges);
        int time = dimensions.indexOf(timeOutput);
        SqlNode period = Sql.id("p", "k");
        SqlNode label = Sql.id("b", dimensionAlias(time));
        List<SqlNode> select = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            SqlNode value = Sql.id("b", dimensionAlias(i));
            if (i == time) {
                SqlNode relabelled = null;
                for (int k = family.size() - 1; k >= 0; k--) {
                    Unit unit = family.get(k);
                    SqlNode moved = unit.current() ? label : timeLabel(label, unit.key.shifts(), null);
                    relabelled = relabelled == null ? moved
                            : Sql.caseWhen(Sql.eq(period, Sql.number(k)), moved, relabelled);
                }
                value = relabelled;
            }
            select.add(Sql.as(value, dimensionAlias(i)));
        }
        int current = family.indexOf(family.stream().filter(Unit::current).findFirst().orElse(null));
        select.add(Sql.as(current < 0 ? Sql.nullLiteral()
                : Sql.caseWhen(Sql.eq(period, Sql.number(current)), Sql.number(1), null), "present"));
        for (Map.Entry<Leaf, Integer> entry : leafColumns.entrySet()) {
            Leaf leaf = entry.getKey();
            int owner = -1;
            for (int k = 0; k < family.size(); k++) {
                if (family.get(k).leaves.contains(leaf)) {
                    owner = k;
                }
            }
            SqlNode value = Sql.nullLiteral();
            if (owner >= 0) {
                Leaf stripped = new Leaf(leaf.measure(), leaf.filters(), List.of(), null, null);
                value = Sql.caseWhen(Sql.eq(period, Sql.number(owner)),
                        Sql.id("b", "v" + baseColumns.get(stripped)), null);
            }
            select.add(Sql.as(value, leafAlias(entry.getValue())));
        }
        SqlNode periods = null;
        List<SqlNode> where = new ArrayList<>();
        for (int k = 0; k < family.size(); k++) {
            SqlSelect one = new SqlSelect(Sql.POS, null, Sql.list(List.of(Sql.as(Sql.number(k), "k"))), null, null, null,
                    null, null, null, null, null, null);
            periods = periods == null ? one : Sql.call(SqlStdOperatorTable.UNION_ALL, periods, one);
            TimeRange range = shiftedRange(family.get(k).key.shifts());
            if (range == null) {
                continue; // no time range: every unit takes every bucket
            }
            List<SqlNode> conditions = new ArrayList<>();
            conditions.add(Sql.eq(period, Sql.number(k)));
            if (range.start() != null) {
                conditions.add(Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, label,
                        parameters.bind(Calendar.bucketStart(range.start(), timeOutput.grain()))));
            }
            if (range.end() != null) {
                conditions.add(Sql.call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, label,
                        parameters.bind(Calendar.bucketStart(range.end(), timeOutput.grain()))));
            }
            where.add(Sql.and(conditions));
        }
        SqlNode from = new SqlJoin(Sql.POS, Sql.as(aggregated, "b"), SqlLiteral.createBoolean(false, Sql.POS),
                JoinType.CROSS.symbol(Sql.POS), Sql.as(periods, "p"), JoinConditionType.NONE.symbol(Sql.POS), null);
        return new SqlSelect(Sql.POS, null, Sql.list(select), from, Sql.or(where), null, null, null, null, null, null, null);
    }

    /** The aggregation a family shares: its leaves over the union of its periods' ranges, by unshifted bucket. */
    private SqlNode baseSelect(Unit unit, Map<Leaf, Integer> columns, List<TimeRange> ranges) {
        JoinSet joins = new JoinSet(unit.model, dialect);
        Aggregation joinAgg = unit.joinAggregation();
        DimensionRef timeRef = graph.reachableDimensions(unit.model, Aggregation.SUM).get(unit.key.timeDimension());
        SqlNode timeExpr = dimensionSql(joins, timeRef);
        List<SqlNode> where = new ArrayList<>();
        for (ParsedFilter filter : filters) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        for (ParsedFilter filter : policies.rowFilters()) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        List<ParsedFilter> common = new ArrayList<>(unit.leaves.get(0).filters());
        for (Leaf leaf : unit.leaves) {
            common.retainAll(leaf.filters());
        }
        for (ParsedFilter filter : common) {
            where.add(filterSql(joins, joinAgg, timeExpr, filter));
        }
        List<SqlNode> anyRange = new ArrayList<>();
        for (TimeRange range : ranges) {
            anyRange.add(Sql.and(rangeConditions(timeExpr, range)));
        }
        if (!anyRange.isEmpty()) {
            where.add(Sql.or(anyRange));
        }
        List<SqlNode> select = new ArrayList<>();
        List<SqlNode> groupBy = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            RequestedDimension dimension = dimensions.get(i);
            if (dimension.name() != null && policies.maskedDimensions().containsKey(dimension.name())) {
                select.add(Sql.as(Sql.literal(MASK), dimensionAlias(i)));
                continue;
            }
            SqlNode sql;
            if (dimension == timeOutput) {
                sql = bucket(timeExpr, timeRef.dimension(), dimension.grain());
            } else {
                DimensionRef ref = resolveNamed(unit.model, joinAgg, dimension.name(), dimension.entity());
                SqlNode value = dimensionSql(joins, ref);
                sql = dimension.time() ? bucket(value, ref.dimension(), dimension.grain()) : value;
            }
            select.add(Sql.as(sql, dimensionAlias(i)));
            groupBy.add(sql);
        }
        for (Map.Entry<Leaf, Integer> entry : columns.entrySet()) {
            select.add(Sql.as(aggregate(joins, joinAgg, timeExpr, entry.getKey(), common), "v" + entry.getValue()));
        }
        joins.addTables(tables);
        return new SqlSelect(Sql.POS, null, Sql.list(select), joins.from(), Sql.and(where),
                groupBy.isEmpty() ? null : Sql.list(groupBy), null, null, null, null, null, null);
    }

    /** The range of dates a shifted unit reads, or null when the query has none. */
    private TimeRange shiftedRange(List<Shift> shifts) {
        TimeRange range = query.timeRange();
        if (range == null) {
            return null;
        }
        LocalDate start = range.start();
        LocalDate end = range.end();
        TimeGrain grain = timeOutput == null ? null : timeOutput.grain();
        for (Shift shift : shifts) {
            if (!shift.previousPeriod()) {
                start = start == null ? null : Calendar.plus(start, -shift.window().count(), shift.window().grain());
                end = end == null ? null : Calendar.plus(end, -shift.window().count(), shift.window().grain());
            } else if (grain != null) {
                start = start == null ? null : Calendar.plus(Calendar.bucketStart(start, grain), -1, grain);
                end = end == null ? null : Calendar.bucketStart(end, grain).minusDays(1);
            } else {
                TimeGrain whole = Calendar.wholeCalendarPeriod(start, end);
                if (whole != null) {
                    LocalDate earlierStart = Calendar.plus(start, -1, whole);
                    end = start.minusDays(1);
                    start = earlierStart;
                } else {
                    long days = ChronoUnit.DAYS.between(start, end) + 1;
                    end = start.minusDays(1);
                    start = start.minusDays(days);
                }
            }
        }
        return new TimeRange(start, end);
    }

    /** The bucket label of a row's date, moved forward by the unit's shifts so earlier data lands on the bucket it is compared with. */
    private SqlNode timeLabel(SqlNode timeExpr, List<Shift> shifts, Dimension dimension) {
        SqlNode date = timeExpr;
        TimeGrain grain = timeOutput.grain();
        if (shifts.isEmpty()) {
            return bucket(timeExpr, dimension, grain);
        }
        for (int i = shifts.size() - 1; i >= 0; i--) {
            Shift shift = shifts.get(i);
            date = shift.previousPeriod()
                    ? dialect.addInterval(date, 1, grain)
                    : dialect.addInterval(date, shift.window().count(), shift.window().grain());
        }
        return dialect.timeBucket(date, grain);
    }

    /**
     * At day grain a shift by months or years is not one-to-one (29 February, 31 March): rather
     * than moving each earlier row forward, each day is matched with the day the shift leads
     * back to, so 2024-02-29 reads 2023-02-28 and 2025-02-28 reads 2024-02-28 only.
     */
    private boolean calendarShift(List<Shift> shifts) {
        return timeOutput.grain() == TimeGrain.DAY && shifts.stream().anyMatch(s -> !s.previousPeriod()
                && s.window().grain() != TimeGrain.DAY && s.window().grain() != TimeGrain.WEEK);
    }

    private SqlNode shiftedDays(Unit unit, JoinSet joins, SqlNode timeExpr) {
        JoinSet dayJoins = new JoinSet(unit.model, dialect);
        DimensionRef timeRef = graph.reachableDimensions(unit.model, Aggregation.SUM).get(unit.key.timeDimension());
        SqlNode dayTime = dimensionSql(dayJoins, timeRef);
        List<SqlNode> dayWhere = query.timeRange() == null ? List.of() : rangeConditions(dayTime, query.timeRange());
        SqlSelect days = new SqlSelect(Sql.POS, SqlNodeList.of(SqlSelectKeyword.DISTINCT.symbol(Sql.POS)),
                Sql.list(List.of(Sql.as(bucket(dayTime, timeRef.dimension(), TimeGrain.DAY), "day"))), dayJoins.from(),
                Sql.and(dayWhere), null,
                null, null, null, null, null, null);
        dayJoins.addTables(tables);
        SqlNode day = Sql.id("days", "day");
        SqlNode earlier = day;
        for (Shift shift : unit.key.shifts()) {
            earlier = shift.previousPeriod()
                    ? dialect.addInterval(earlier, -1, TimeGrain.DAY)
                    : dialect.addInterval(earlier, -shift.window().count(), shift.window().grain());
        }
        joins.innerJoin(Sql.as(days, "days"), Sql.eq(bucket(timeExpr, timeRef.dimension(), TimeGrain.DAY),
                dialect.castDate(earlier)));
        return day;
    }

    /**
     * A time value's bucket at {@code grain}. A dimension stated to be a DATE is its own day
     * bucket, so it is used as it is: a cast in GROUP BY costs engines such as DuckDB real time.
     */
    private SqlNode bucket(SqlNode time, Dimension dimension, TimeGrain grain) {
        return grain == TimeGrain.DAY && dimension != null && dimension.isDate() ? time : dialect.timeBucket(time, grain);
    }

    private List<SqlNode> rangeConditions(SqlNode timeExpr, TimeRange range) {
        List<SqlNode> conditions = new ArrayList<>();
        if (range.start() != null) {
            conditions.add(Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, timeExpr, parameters.bind(range.start())));
        }
        if (range.end() != null) {
            conditions.add(Sql.call(SqlStdOperatorTable.LESS_THAN, timeExpr, parameters.bind(range.end().plusDays(1))));
        }
        return conditions;
    }

    /**
     * Keeps only the rows of the last (or first) snapshot date of each period: that date is taken
     * over the whole table within the period, before any filter.
     */
    private void lastSnapshot(Unit unit, JoinSet joins, Aggregation joinAgg, SqlNode timeExpr, TimeRange range,
            SqlNode label) {
        MeasureRef measure = unit.leaves.get(0).measure();
        NonAdditiveDimension nonAdditive = measure.measure().nonAdditive();
        DimensionRef snapshotRef = graph.reachableDimensions(unit.model, Aggregation.SUM).get(nonAdditive.dimension());
        JoinSet inner = new JoinSet(unit.model, dialect);
        SqlNode innerTime = dimensionSql(inner, snapshotRef);
        SqlNode outerTime = dimensionSql(joins, snapshotRef);
        List<SqlNode> select = new ArrayList<>();
        List<SqlNode> groupBy = new ArrayList<>();
        List<SqlNode> on = new ArrayList<>();
        SqlNode choice = Sql.call(nonAdditive.window() == WindowChoice.MAX ? SqlStdOperatorTable.MAX
                : SqlStdOperatorTable.MIN, innerTime);
        select.add(Sql.as(choice, "snapshot"));
        on.add(Sql.eq(outerTime, Sql.id("last_snapshot", "snapshot")));
        if (label != null) {
            SqlNode innerLabel = timeLabel(innerTime, unit.key.shifts(), snapshotRef.dimension());
            select.add(Sql.as(innerLabel, "period"));
            groupBy.add(innerLabel);
        }
        for (String grouping : nonAdditive.groupings()) {
            io.zhongtai.metrics.model.Entity entity = unit.model.entity(grouping).orElseThrow(() ->
                    CatalogException.invalid("window_groupings", "measure " + measure.measure().name()
                            + " groups its snapshots by '" + grouping + "', which is not an entity of " + unit.model.name()));
            SqlNode innerKey = Sql.id(unit.model.name(), entity.expr());
            select.add(Sql.as(innerKey, "g_" + grouping));
            groupBy.add(innerKey);
            on.add(Sql.eq(Sql.id(unit.model.name(), entity.expr()), Sql.id("last_snapshot", "g_" + grouping)));
        }
        List<SqlNode> where = range == null ? List.of() : rangeConditions(innerTime, range);
        SqlSelect snapshots = new SqlSelect(Sql.POS, null, Sql.list(select), inner.from(), Sql.and(where),
                groupBy.isEmpty() ? null : Sql.list(groupBy), null, null, null, null, null, null);
        inner.addTables(tables);
        joins.innerJoin(Sql.as(snapshots, "last_snapshot"), Sql.and(on));
    }

    /**
     * A cumulative unit: with a grain, the buckets holding data in the range are joined to every
     * row inside each bucket's window; without one, the window ends at the range's end.
     */
    private SqlNode cumulative(Unit unit, JoinSet joins, SqlNode timeExpr, List<SqlNode> where,
            MetricSpec.Cumulative cumulative, SqlNode label) {
        TimeRange range = query.timeRange();
        if (label == null) {
            if (range == null || range.end() == null) {
                return null; // a running total over all data
            }
            LocalDate start = null;
            if (cumulative.window() != null) {
                start = Calendar.plus(range.end().plusDays(1), -cumulative.window().count(), cumulative.window().grain());
            } else if (cumulative.grainToDate() != null) {
                start = Calendar.bucketStart(range.end(), cumulative.grainToDate());
            }
            where.addAll(rangeConditions(timeExpr, new TimeRange(start, range.end())));
            return null;
        }
        // the buckets: those holding data for this measure inside the range
        JoinSet bucketJoins = new JoinSet(unit.model, dialect);
        DimensionRef timeRef = graph.reachableDimensions(unit.model, Aggregation.SUM).get(unit.key.timeDimension());
        SqlNode bucketTime = dimensionSql(bucketJoins, timeRef);
        List<SqlNode> bucketWhere = new ArrayList<>();
        for (ParsedFilter filter : filters) {
            bucketWhere.add(filterSql(bucketJoins, unit.joinAggregation(), bucketTime, filter));
        }
        for (ParsedFilter filter : policies.rowFilters()) {
            bucketWhere.add(filterSql(bucketJoins, unit.joinAggregation(), bucketTime, filter));
        }
        if (range != null) {
            bucketWhere.addAll(rangeConditions(bucketTime, range));
        }
        SqlNode bucket = bucket(bucketTime, timeRef.dimension(), timeOutput.grain());
        SqlSelect buckets = new SqlSelect(Sql.POS, SqlNodeList.of(SqlSelectKeyword.DISTINCT.symbol(Sql.POS)),
                Sql.list(List.of(Sql.as(bucket, "period"))), bucketJoins.from(), Sql.and(bucketWhere), null, null, null,
                null, null, null, null);
        bucketJoins.addTables(tables);
        SqlNode period = Sql.id("buckets", "period");
        SqlNode periodEnd = dialect.addInterval(period, 1, timeOutput.grain());
        if (range != null && range.end() != null) {
            SqlNode rangeEnd = parameters.bind(range.end().plusDays(1));
            periodEnd = Sql.caseWhen(Sql.call(SqlStdOperatorTable.GREATER_THAN, periodEnd, rangeEnd),
                    parameters.bind(range.end().plusDays(1)), dialect.addInterval(period, 1, timeOutput.grain()));
            where.add(Sql.call(SqlStdOperatorTable.LESS_THAN, timeExpr, parameters.bind(range.end().plusDays(1))));
        }
        List<SqlNode> on = new ArrayList<>();
        on.add(Sql.call(SqlStdOperatorTable.LESS_THAN, timeExpr, periodEnd));
        if (cumulative.window() != null) {
            on.add(Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, timeExpr,
                    dialect.addInterval(periodEnd, -cumulative.window().count(), cumulative.window().grain())));
        } else if (cumulative.grainToDate() != null) {
            on.add(Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, timeExpr,
                    dialect.timeBucket(dialect.addInterval(periodEnd, -1, TimeGrain.DAY), cumulative.grainToDate())));
        }
        joins.innerJoin(Sql.as(buckets, "buckets"), Sql.and(on));
        return period;
    }

    /** One leaf's aggregate; the filters it does not share with its unit go inside as CASE WHEN. */
    private SqlNode aggregate(JoinSet joins, Aggregation joinAgg, SqlNode timeExpr, Leaf leaf, List<ParsedFilter> common) {
        MeasureRef measure = leaf.measure();
        SqlNode expr = measureSql(joins, measure);
        List<SqlNode> own = new ArrayList<>();
        for (ParsedFilter filter : leaf.filters()) {
            if (!common.contains(filter)) {
                own.add(filterSql(joins, joinAgg, timeExpr, filter));
            }
        }
        if (leaf.converted() != null) {
            own.add(ConversionPlanner.converted(this, joins, timeExpr, leaf.converted()));
        }
        Aggregation agg = measure.measure().agg();
        if (agg == Aggregation.SUM_BOOLEAN) {
            expr = Sql.caseWhen(expr, Sql.number(1), Sql.number(0));
        }
        if (!own.isEmpty()) {
            expr = Sql.caseWhen(Sql.and(own), expr, null);
        }
        return switch (agg) {
            case SUM, SUM_BOOLEAN -> Sql.call(SqlStdOperatorTable.SUM, expr);
            case COUNT -> Sql.call(SqlStdOperatorTable.COUNT, expr);
            case COUNT_DISTINCT -> Sql.distinctCall(SqlStdOperatorTable.COUNT, expr);
            case AVERAGE -> dialect.average(expr);
            case MIN -> Sql.call(SqlStdOperatorTable.MIN, expr);
            case MAX -> Sql.call(SqlStdOperatorTable.MAX, expr);
            case MEDIAN -> dialect.percentile(expr, 0.5);
            case PERCENTILE -> dialect.percentile(expr, measure.measure().percentile());
        };
    }

    /** A measure's expression over its model's columns; {@code model.column} joins that model many-to-one. */
    private SqlNode measureSql(JoinSet joins, MeasureRef measure) {
        Expr expr = ExpressionParser.parse(measure.measure().expr(), "measure " + measure.measure().name());
        return new ExpressionTranslator(dialect, null, null, "measure " + measure.measure().name()).translate(expr, reference -> {
            if (reference.parts().size() == 1) {
                return new ExpressionTranslator.Resolved(Sql.id(joins.rootAlias(), reference.parts().get(0)), false);
            }
            String modelName = reference.parts().get(0);
            SemanticGraph.Reach reach = graph.safeReach(measure.model()).get(modelName);
            if (reach == null || reach.ambiguous()) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST, "measure " + measure.measure().name() + ": '"
                        + reference.name() + "' needs model " + modelName + " joined many-to-one from "
                        + measure.model().name() + ", and it is not");
            }
            String alias = joins.require(reach.path());
            return new ExpressionTranslator.Resolved(Sql.id(alias, reference.parts().get(1)), false);
        });
    }

    DialectSql dialect() {
        return dialect;
    }

    SemanticIndex index() {
        return index;
    }

    void addTables(JoinSet joins) {
        joins.addTables(tables);
    }

    /** A dimension's expression, joining the models on its path. */
    SqlNode dimensionSql(JoinSet joins, DimensionRef ref) {
        String alias = joins.require(ref.path());
        Dimension dimension = ref.dimension();
        Expr expr = ExpressionParser.parse(dimension.expr(), "dimension " + dimension.name());
        return new ExpressionTranslator(dialect, null, null, "dimension " + dimension.name()).translate(expr, reference -> {
            if (reference.parts().size() != 1) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST, "dimension " + dimension.name()
                        + " reads its own model's columns only, not " + reference.name());
            }
            return new ExpressionTranslator.Resolved(Sql.id(alias, reference.parts().get(0)), dimension.isTime());
        });
    }

    /** A filter with its values bound, resolved from the unit's model. */
    private SqlNode filterSql(JoinSet joins, Aggregation joinAgg, SqlNode timeExpr, ParsedFilter filter) {
        ExpressionTranslator translator = new ExpressionTranslator(dialect, parameters,
                filter.policy() ? caller.attributes() : null, filter.field());
        return translator.translate(filter.expr(), reference -> {
            FilterTarget target = filterTarget(reference.parts().get(0), filter, reference.position());
            if (target.metricTime()) {
                return new ExpressionTranslator.Resolved(timeExpr, true);
            }
            DimensionRef ref = resolveNamed(joins.root(), joinAgg, target.name(), target.entity());
            if (ref == null) {
                throw new CatalogException(ErrorCode.UNREACHABLE_DIMENSION, filter.field() + ": '"
                        + target.name() + "' cannot be reached from " + joins.root().name());
            }
            SqlNode sql = dimensionSql(joins, ref);
            if (target.grain() != null) {
                sql = bucket(sql, ref.dimension(), target.grain());
            }
            return new ExpressionTranslator.Resolved(sql, ref.dimension().isTime());
        });
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static <T> List<T> unmodifiable(List<T> list) {
        return Collections.unmodifiableList(Objects.requireNonNull(list));
    }
}
