package io.zhongtai.metrics.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityJoinType;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes definitions in the format {@link DefinitionReader} reads, so that a definition read,
 * written and read again is the same record. Used for the store and the API's answers.
 */
public final class DefinitionWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionWriter() {}

    public static ObjectNode manifest(SemanticManifest manifest) {
        ObjectNode root = NODES.objectNode();
        ArrayNode models = root.putArray("semantic_models");
        manifest.models().forEach(m -> models.add(model(m)));
        ArrayNode metrics = root.putArray("metrics");
        manifest.metrics().forEach(m -> metrics.add(metric(m)));
        if (!manifest.policies().isEmpty()) {
            ArrayNode policies = root.putArray("policies");
            manifest.policies().forEach(p -> policies.add(policy(p)));
        }
        return root;
    }

    /** A metric as compact JSON text (what the store keeps). */
    public static String metricJson(Metric metric) {
        try {
            return DefinitionReader.json().writeValueAsString(metric(metric));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A semantic model as compact JSON text. */
    public static String modelJson(SemanticModel model) {
        try {
            return DefinitionReader.json().writeValueAsString(model(model));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode model(SemanticModel model) {
        ObjectNode node = NODES.objectNode();
        node.put("name", model.name());
        putIfSet(node, "description", model.description());
        putIfSet(node, "warehouse", model.warehouse());
        node.put("table", model.relation().toString());
        putIfSet(node, "default_time_dimension", model.defaultTimeDimension());
        putIfSet(node, "project", model.project());
        ArrayNode entities = node.putArray("entities");
        for (Entity entity : model.entities()) {
            ObjectNode e = entities.addObject();
            e.put("name", entity.name());
            e.put("type", entity.type().value());
            e.put("expr", entity.expr());
            putIfSet(e, "description", entity.description());
            if (entity.joinType() != EntityJoinType.LEFT) {
                e.put("join_type", entity.joinType().value());
            }
        }
        ArrayNode dimensions = node.putArray("dimensions");
        for (Dimension dimension : model.dimensions()) {
            ObjectNode d = dimensions.addObject();
            d.put("name", dimension.name());
            d.put("type", dimension.type().value());
            d.put("expr", dimension.expr());
            if (dimension.type() == DimensionType.TIME) {
                d.put("grain", dimension.grain().value());
                if (dimension.dataType() != null) {
                    d.put("data_type", dimension.dataType().value());
                }
            }
            labels(d, dimension.labels());
            putIfSet(d, "description", dimension.description());
            putIfSet(d, "label_zh_expr", dimension.labelZhExpr());
            if (!dimension.values().isEmpty()) {
                ArrayNode values = d.putArray("values");
                for (DimensionValue value : dimension.values()) {
                    ObjectNode v = values.addObject();
                    v.put("value", value.value());
                    putIfSet(v, "en", value.labelEn());
                    putIfSet(v, "zh", value.labelZh());
                    if (!value.synonyms().isEmpty()) {
                        strings(v.putArray("synonyms"), value.synonyms());
                    }
                }
            }
        }
        ArrayNode measures = node.putArray("measures");
        for (Measure measure : model.measures()) {
            ObjectNode m = measures.addObject();
            m.put("name", measure.name());
            m.put("agg", measure.agg().value());
            m.put("expr", measure.expr());
            if (measure.percentile() != null) {
                m.put("percentile", measure.percentile());
            }
            putIfSet(m, "agg_time_dimension", measure.timeDimension());
            if (measure.nonAdditive() != null) {
                ObjectNode n = m.putObject("non_additive_dimension");
                n.put("name", measure.nonAdditive().dimension());
                n.put("window_choice", measure.nonAdditive().window().value());
                if (!measure.nonAdditive().groupings().isEmpty()) {
                    strings(n.putArray("window_groupings"), measure.nonAdditive().groupings());
                }
            }
            putIfSet(m, "description", measure.description());
            if (!measure.labels().en().equals(measure.name()) || measure.labels().zh() != null
                    || !measure.labels().synonymsEn().isEmpty() || !measure.labels().synonymsZh().isEmpty()) {
                labels(m, measure.labels());
            }
        }
        return node;
    }

    public static ObjectNode metric(Metric metric) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metric.name());
        node.put("type", metric.type().value());
        labels(node, metric.labels());
        putIfSet(node, "description", metric.description());
        putIfSet(node, "owner", metric.owner());
        putIfSet(node, "domain", metric.domain());
        if (!metric.tags().isEmpty()) {
            strings(node.putArray("tags"), metric.tags());
        }
        putIfSet(node, "unit", metric.unit());
        putIfSet(node, "format", metric.format());
        MetricSpec spec = metric.spec();
        if (spec instanceof MetricSpec.Simple simple) {
            node.put("measure", simple.measure());
            putIfSet(node, "filter", simple.filter());
        } else if (spec instanceof MetricSpec.Ratio ratio) {
            node.set("numerator", input(ratio.numerator()));
            node.set("denominator", input(ratio.denominator()));
        } else if (spec instanceof MetricSpec.Derived derived) {
            node.put("expr", derived.expr());
            ArrayNode inputs = node.putArray("inputs");
            derived.inputs().forEach(i -> inputs.add(input(i)));
        } else if (spec instanceof MetricSpec.Cumulative cumulative) {
            node.put("measure", cumulative.measure());
            putIfSet(node, "filter", cumulative.filter());
            if (cumulative.window() != null) {
                node.put("window", cumulative.window().toString());
            }
            if (cumulative.grainToDate() != null) {
                node.put("grain_to_date", cumulative.grainToDate().value());
            }
        } else if (spec instanceof MetricSpec.Conversion conversion) {
            node.put("base_measure", conversion.baseMeasure());
            node.put("conversion_measure", conversion.conversionMeasure());
            node.put("entity", conversion.entity());
            if (conversion.window() != null) {
                node.put("window", conversion.window().toString());
            }
            node.put("calculation", conversion.calculation().value());
            if (!conversion.constantProperties().isEmpty()) {
                strings(node.putArray("constant_properties"), conversion.constantProperties());
            }
        } else if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
            node.put("metric", pop.metric());
            node.put("comparison", pop.comparison().value());
            node.put("output", pop.output().value());
        }
        return node;
    }

    public static ObjectNode policy(AccessPolicy policy) {
        ObjectNode node = NODES.objectNode();
        node.put("name", policy.name());
        node.put("subject", policy.subject());
        strings(node.putArray("row_filters"), policy.rowFilters());
        strings(node.putArray("hidden_dimensions"), policy.hiddenDimensions());
        strings(node.putArray("masked_dimensions"), policy.maskedDimensions());
        strings(node.putArray("hidden_metrics"), policy.hiddenMetrics());
        return node;
    }

    private static JsonNode input(MetricInput input) {
        if (input.metric() != null && input.filter() == null && input.alias() == null && input.offsetWindow() == null
                && input.offsetToGrain() == null) {
            return NODES.textNode(input.metric());
        }
        ObjectNode node = NODES.objectNode();
        putIfSet(node, "metric", input.metric());
        putIfSet(node, "measure", input.measure());
        putIfSet(node, "filter", input.filter());
        putIfSet(node, "alias", input.alias());
        if (input.offsetWindow() != null) {
            node.put("offset_window", input.offsetWindow().toString());
        }
        if (input.offsetToGrain() != null) {
            node.put("offset_to_grain", input.offsetToGrain().value());
        }
        return node;
    }

    private static void labels(ObjectNode node, Labels labels) {
        ObjectNode label = node.putObject("label");
        label.put("en", labels.en());
        putIfSet(label, "zh", labels.zh());
        if (!labels.synonymsEn().isEmpty() || !labels.synonymsZh().isEmpty()) {
            ObjectNode synonyms = node.putObject("synonyms");
            strings(synonyms.putArray("en"), labels.synonymsEn());
            strings(synonyms.putArray("zh"), labels.synonymsZh());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
