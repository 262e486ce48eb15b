package io.zhongtai.metrics.validate;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;
import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityType;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.semantic.DimensionRef;
import io.zhongtai.metrics.semantic.MeasureRef;
import io.zhongtai.metrics.semantic.SemanticGraph;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one validator of definitions, shared by YAML files ({@code zhongtai metrics validate DIR}),
 * the API and the dbt importer: every name unique where it must be, every reference known (with
 * the closest names when not), every expression parsed (with line and column), every filter's
 * dimensions reachable by the metric it filters, no metric defined through itself.
 *
 * <p>When a {@link ColumnLookup} is given (the service passes the crawled catalog), the columns
 * that expressions read are checked against the warehouse's tables too.
 */
public final class ManifestValidator {

    /** Known columns of warehouse tables, or null when the table is unknown (not crawled). */
    @FunctionalInterface
    public interface ColumnLookup {
        Set<String> columns(String warehouse, String schema, String table);

        ColumnLookup NONE = (warehouse, schema, table) -> null;
    }

    private final ColumnLookup columns;

    public ManifestValidator(ColumnLookup columns) {
        this.columns = columns;
    }

    public ManifestValidator() {
        this(ColumnLookup.NONE);
    }

    /** Every problem found, each with where it is ({@code metric gmv: filter}) and what is wrong. */
    public List<FieldError> problems(SemanticManifest manifest) {
        return new Run(manifest).check();
    }

    /** @throws CatalogException INVALID_REQUEST listing every problem */
    public void validate(SemanticManifest manifest) {
        List<FieldError> problems = problems(manifest);
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("The definitions have ").append(problems.size())
                    .append(problems.size() == 1 ? " problem: " : " problems: ");
            for (int i = 0; i < problems.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(problems.get(i).field()).append(": ")
                        .append(problems.get(i).reason());
            }
            throw new CatalogException(ErrorCode.INVALID_REQUEST, message.toString(), problems);
        }
    }

    private final class Run {
        private final SemanticManifest manifest;
        private final List<FieldError> errors = new ArrayList<>();
        private SemanticIndex index;

        Run(SemanticManifest manifest) {
            this.manifest = manifest;
        }

        private void error(String where, String reason) {
            errors.add(new FieldError(where, reason));
        }

        List<FieldError> check() {
            checkUnique(manifest.models().stream().map(SemanticModel::name).toList(), "semantic model");
            checkUnique(manifest.metrics().stream().map(Metric::name).toList(), "metric");
            List<String> measureNames = new ArrayList<>();
            manifest.models().forEach(m -> m.measures().forEach(x -> measureNames.add(x.name())));
            checkUnique(measureNames, "measure");
            if (!errors.isEmpty()) {
                return errors;
            }
            index = new SemanticIndex(manifest);
            for (SemanticModel model : manifest.models()) {
                checkModel(model);
            }
            for (Metric metric : manifest.metrics()) {
                checkMetric(metric);
            }
            for (AccessPolicy policy : manifest.policies()) {
                checkPolicy(policy);
            }
            return errors;
        }

        private void checkUnique(List<String> names, String what) {
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    error(what + " " + name, "the name is used twice; " + what + " names must be unique");
                }
            }
        }

        private Expr parse(String text, String where) {
            try {
                return ExpressionParser.parse(text, where);
            } catch (CatalogException e) {
                String message = e.getMessage();
                error(where, message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message);
                return null;
            }
        }

        private void checkModel(SemanticModel model) {
            String where = "semantic model " + model.name();
            Set<String> tableColumns = columns.columns(model.warehouse(), model.relation().schema(), model.relation().table());
            if (model.entities().stream().filter(e -> e.type() == EntityType.PRIMARY).count() > 1) {
                error(where, "has more than one primary entity");
            }
            Set<String> names = new HashSet<>();
            for (Entity entity : model.entities()) {
                if (!names.add("entity " + entity.name())) {
                    error(where + " entity " + entity.name(), "the entity is declared twice");
                }
                checkColumns(parse(entity.expr(), where + " entity " + entity.name()), model, tableColumns,
                        where + " entity " + entity.name(), false);
            }
            for (Dimension dimension : model.dimensions()) {
                String at = where + " dimension " + dimension.name();
                if (!names.add("dimension " + dimension.name())) {
                    error(at, "the dimension is declared twice in the model");
                }
                if (dimension.labels().en().isBlank()) {
                    error(at, "needs an English label");
                }
                checkColumns(parse(dimension.expr(), at + " expr"), model, tableColumns, at + " expr", false);
                if (dimension.labelZhExpr() != null) {
                    checkColumns(parse(dimension.labelZhExpr(), at + " label_zh_expr"), model, tableColumns,
                            at + " label_zh_expr", false);
                }
            }
            if (model.defaultTimeDimension() != null) {
                checkTimeDimension(model, model.defaultTimeDimension(), where + " default_time_dimension");
            }
            for (Measure measure : model.measures()) {
                String at = where + " measure " + measure.name();
                checkColumns(parse(measure.expr(), at + " expr"), model, tableColumns, at + " expr", true);
                String time = measure.timeDimension() != null ? measure.timeDimension() : model.defaultTimeDimension();
                if (measure.timeDimension() != null) {
                    checkTimeDimension(model, measure.timeDimension(), at + " agg_time_dimension");
                }
                if (measure.nonAdditive() != null) {
                    String snapshot = measure.nonAdditive().dimension();
                    if (!snapshot.equals(time)) {
                        error(at + " non_additive_dimension", "must be the measure's own time dimension ("
                                + (time == null ? "none is set" : time) + "), not " + snapshot);
                    }
                    for (String grouping : measure.nonAdditive().groupings()) {
                        if (model.entity(grouping).isEmpty()) {
                            error(at + " non_additive_dimension window_groupings", "'" + grouping
                                    + "' is not an entity of " + model.name() + Suggestions.didYouMean(grouping,
                                    model.entities().stream().map(Entity::name).toList()));
                        }
                    }
                }
                if (measure.agg() == Aggregation.PERCENTILE && measure.percentile() == null) {
                    error(at, "a percentile measure needs its percentile");
                }
            }
        }

        private void checkTimeDimension(SemanticModel model, String name, String where) {
            DimensionRef ref = index.graph().reachableDimensions(model, Aggregation.SUM).get(name);
            if (ref == null) {
                List<String> known = index.graph().reachableDimensions(model, Aggregation.SUM).values().stream()
                        .filter(r -> r.dimension().isTime()).map(r -> r.dimension().name()).toList();
                error(where, "'" + name + "' is not a time dimension that " + model.name()
                        + " reaches by many-to-one joins" + Suggestions.didYouMean(name, known));
            } else if (!ref.dimension().isTime()) {
                error(where, "'" + name + "' is not a time dimension");
            }
        }

        /** 1-part references are the model's columns; {@code model.column} must be reached many-to-one (measures only). */
        private void checkColumns(Expr expr, SemanticModel model, Set<String> tableColumns, String where,
                boolean allowJoined) {
            if (expr == null) {
                return;
            }
            for (Expr.Reference reference : expr.references()) {
                String position = " (line " + reference.position().line() + ", column " + reference.position().column() + ")";
                if (reference.parts().size() == 1) {
                    String column = reference.parts().get(0);
                    if (tableColumns != null && !containsIgnoreCase(tableColumns, column)) {
                        error(where, "unknown column '" + column + "' of " + model.relation() + position
                                + Suggestions.didYouMean(column, tableColumns));
                    }
                    continue;
                }
                if (!allowJoined || reference.parts().size() != 2) {
                    error(where, "'" + reference.name() + "'" + position + ": read this model's own columns only");
                    continue;
                }
                String other = reference.parts().get(0);
                SemanticGraph.Reach reach = index.graph().safeReach(model).get(other);
                if (reach == null || reach.ambiguous() || other.equals(model.name())) {
                    List<String> reachable = new ArrayList<>(index.graph().safeReach(model).keySet());
                    reachable.remove(model.name());
                    error(where, "'" + reference.name() + "'" + position + " needs model " + other
                            + " joined many-to-one from " + model.name() + "; reachable: " + String.join(", ", reachable));
                    continue;
                }
                SemanticModel target = reach.path().target();
                Set<String> targetColumns = columns.columns(target.warehouse(), target.relation().schema(),
                        target.relation().table());
                String column = reference.parts().get(1);
                if (targetColumns != null && !containsIgnoreCase(targetColumns, column)) {
                    error(where, "unknown column '" + column + "' of " + target.relation() + position
                            + Suggestions.didYouMean(column, targetColumns));
                }
            }
        }

        private boolean containsIgnoreCase(Set<String> names, String name) {
            return names.contains(name) || names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        }

        private void checkMetric(Metric metric) {
            String where = "metric " + metric.name();
            if (!metric.name().matches("[a-z][a-z0-9_]*")) {
                error(where, "a metric name is lower-case letters, digits and _");
            }
            if (metric.labels().en().isBlank()) {
                error(where, "needs an English label");
            }
            try {
                index.leafMeasures(metric);
            } catch (CatalogException e) {
                error(where, e.getMessage());
                return;
            }
            MetricSpec spec = metric.spec();
            if (spec instanceof MetricSpec.Simple simple) {
                MeasureRef measure = measure(simple.measure(), where + " measure");
                checkFilter(simple.filter(), measure == null ? List.of() : List.of(measure), where + " filter");
            } else if (spec instanceof MetricSpec.Ratio ratio) {
                checkInput(ratio.numerator(), where + " numerator");
                checkInput(ratio.denominator(), where + " denominator");
            } else if (spec instanceof MetricSpec.Derived derived) {
                Set<String> names = new LinkedHashSet<>();
                for (int i = 0; i < derived.inputs().size(); i++) {
                    MetricInput input = derived.inputs().get(i);
                    checkInput(input, where + " inputs[" + i + "]");
                    if (!names.add(input.referenceName())) {
                        error(where + " inputs[" + i + "]", "'" + input.referenceName() + "' is used twice; give an alias");
                    }
                }
                Expr expr = parse(derived.expr(), where + " expr");
                if (expr != null) {
                    for (Expr.Reference reference : expr.references()) {
                        if (!names.contains(reference.name())) {
                            error(where + " expr", "unknown input '" + reference.name() + "' (line "
                                    + reference.position().line() + ", column " + reference.position().column() + ")"
                                    + Suggestions.didYouMean(reference.name(), names));
                        }
                    }
                }
            } else if (spec instanceof MetricSpec.Cumulative cumulative) {
                MeasureRef measure = measure(cumulative.measure(), where + " measure");
                checkFilter(cumulative.filter(), measure == null ? List.of() : List.of(measure), where + " filter");
                if (measure != null && measure.timeDimensionName() == null) {
                    error(where, "a cumulative metric needs a measure with a time dimension");
                }
            } else if (spec instanceof MetricSpec.Conversion conversion) {
                MeasureRef base = measure(conversion.baseMeasure(), where + " base_measure");
                MeasureRef converted = measure(conversion.conversionMeasure(), where + " conversion_measure");
                for (MeasureRef ref : new MeasureRef[] {base, converted}) {
                    if (ref != null && ref.model().entity(conversion.entity()).isEmpty()) {
                        error(where + " entity", "'" + conversion.entity() + "' is not an entity of " + ref.model().name());
                    }
                    if (ref != null && ref.timeDimensionName() == null) {
                        error(where, "measure " + ref.measure().name() + " needs a time dimension for a conversion");
                    }
                }
            } else if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
                Metric base = index.metric(pop.metric()).orElse(null);
                if (base == null) {
                    error(where + " metric", "unknown metric '" + pop.metric() + "'"
                            + Suggestions.didYouMean(pop.metric(), index.metrics().keySet()));
                } else if (index.timeDimension(base) == null) {
                    error(where + " metric", "metric '" + pop.metric() + "' has no time dimension to compare periods by");
                }
            }
        }

        private MeasureRef measure(String name, String where) {
            MeasureRef ref = index.measure(name).orElse(null);
            if (ref == null) {
                error(where, "unknown measure '" + name + "'" + Suggestions.didYouMean(name, index.measureNames()));
            }
            return ref;
        }

        private void checkInput(MetricInput input, String where) {
            if (input.measure() != null) {
                MeasureRef measure = measure(input.measure(), where + " measure");
                checkFilter(input.filter(), measure == null ? List.of() : List.of(measure), where + " filter");
                return;
            }
            Metric metric = index.metric(input.metric()).orElse(null);
            if (metric == null) {
                error(where + " metric", "unknown metric '" + input.metric() + "'"
                        + Suggestions.didYouMean(input.metric(), index.metrics().keySet()));
                return;
            }
            checkFilter(input.filter(), index.leafMeasures(metric), where + " filter");
        }

        /** A filter's references must be dimensions every measure under it reaches (or metric_time). */
        private void checkFilter(String filter, List<MeasureRef> measures, String where) {
            if (filter == null) {
                return;
            }
            Expr expr = parse(filter, where);
            if (expr == null) {
                return;
            }
            for (Expr.Reference reference : expr.references()) {
                String name = reference.name();
                String position = " (line " + reference.position().line() + ", column " + reference.position().column() + ")";
                if (name.equals("metric_time")) {
                    continue;
                }
                String dimension = name.contains("__") ? name.substring(name.lastIndexOf("__") + 2) : name;
                for (MeasureRef measure : measures) {
                    Map<String, DimensionRef> reach = index.graph().reachableDimensions(measure.model(),
                            measure.measure().agg());
                    if (!reach.containsKey(dimension)) {
                        boolean exists = manifest.dimensionsByName().containsKey(dimension);
                        error(where, (exists ? "dimension '" + name + "'" + position + " cannot be reached from "
                                + measure.model().name() + " (measure " + measure.measure().name() + ")"
                                : "unknown dimension '" + name + "'" + position)
                                + Suggestions.didYouMean(dimension, reach.keySet()));
                        break;
                    }
                }
            }
        }

        private void checkPolicy(AccessPolicy policy) {
            String where = "policy " + policy.name();
            Map<String, Dimension> dimensions = manifest.dimensionsByName();
            Function<String, String> unknownDimension = name -> "unknown dimension '" + name + "'"
                    + Suggestions.didYouMean(name, dimensions.keySet());
            for (String name : policy.hiddenDimensions()) {
                if (!dimensions.containsKey(name)) {
                    error(where + " hidden_dimensions", unknownDimension.apply(name));
                }
            }
            for (String name : policy.maskedDimensions()) {
                if (!dimensions.containsKey(name)) {
                    error(where + " masked_dimensions", unknownDimension.apply(name));
                }
            }
            for (String name : policy.hiddenMetrics()) {
                if (index.metric(name).isEmpty()) {
                    error(where + " hidden_metrics", "unknown metric '" + name + "'"
                            + Suggestions.didYouMean(name, index.metrics().keySet()));
                }
            }
            for (int i = 0; i < policy.rowFilters().size(); i++) {
                Expr expr = parse(policy.rowFilters().get(i), where + " row_filters[" + i + "]");
                if (expr == null) {
                    continue;
                }
                for (Expr.Reference reference : expr.references()) {
                    String dimension = reference.name().contains("__")
                            ? reference.name().substring(reference.name().lastIndexOf("__") + 2) : reference.name();
                    if (!dimensions.containsKey(dimension) && !reference.name().equals("metric_time")) {
                        error(where + " row_filters[" + i + "]", unknownDimension.apply(reference.name()));
                    }
                }
            }
        }
    }
}
