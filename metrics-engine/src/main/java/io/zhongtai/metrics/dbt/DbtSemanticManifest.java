package io.zhongtai.metrics.dbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.ConversionCalculation;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityType;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.NonAdditiveDimension;
import io.zhongtai.metrics.model.Relation;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.model.Window;
import io.zhongtai.metrics.model.WindowChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dbt's semantic layer definitions into Zhongtai's: the compiled
 * {@code target/semantic_manifest.json} that {@code dbt parse} writes (semantic models with their
 * {@code node_relation}), or the semantic-model and metric YAML files of a dbt project
 * ({@code model: ref('orders')}). Semantic models, entities, dimensions and measures map one to
 * one; simple, ratio, derived (with {@code offset_window}), cumulative and conversion metrics are
 * read; a measure with {@code create_metric: true} becomes a simple metric of its name.
 *
 * <p>Filters written as dbt templates become the filter language with MetricFlow names:
 * {@code {{ Dimension('customer__region') }} = 'East'} reads {@code customer__region = 'East'},
 * and {@code {{ TimeDimension('metric_time', 'month') }}} reads {@code metric_time__month}.
 */
public final class DbtSemanticManifest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\{\\{\\s*(Dimension|TimeDimension|Entity|Metric)\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(?:,[^)]*)?\\)\\s*}}");
    private static final Pattern REF = Pattern.compile("ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    private final String warehouse;
    private final String defaultSchema;
    private final String project;
    private final List<FieldError> errors = new ArrayList<>();

    private DbtSemanticManifest(String warehouse, String defaultSchema, String project) {
        this.warehouse = warehouse;
        this.defaultSchema = defaultSchema;
        this.project = project;
    }

    /**
     * @param text JSON ({@code semantic_manifest.json}) or YAML (dbt semantic files, several may be concatenated as
     *     one YAML document with both keys)
     * @param warehouse the registered warehouse the dbt models live in
     * @param defaultSchema the schema of models named by {@code ref()} in YAML (the manifest names its own)
     */
    public static SemanticManifest read(String text, String warehouse, String defaultSchema) {
        return read(text, warehouse, defaultSchema, "dbt");
    }

    /**
     * @param project the project the imported semantic models form: they join each other, and no
     *     model outside it, on shared entity names
     */
    public static SemanticManifest read(String text, String warehouse, String defaultSchema, String project) {
        JsonNode root;
        try {
            root = YAML.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw CatalogException.invalid("body", "not a dbt semantic manifest (JSON) nor dbt YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || (!root.has("semantic_models") && !root.has("metrics"))) {
            throw CatalogException.invalid("body", "a dbt semantic manifest has semantic_models and metrics at its top");
        }
        DbtSemanticManifest reader = new DbtSemanticManifest(warehouse, defaultSchema, project);
        SemanticManifest manifest = reader.manifest(root);
        if (!reader.errors.isEmpty()) {
            StringBuilder message = new StringBuilder("The dbt definitions cannot be imported: ");
            for (int i = 0; i < reader.errors.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(reader.errors.get(i).field()).append(": ")
                        .append(reader.errors.get(i).reason());
            }
            throw new CatalogException(ErrorCode.INVALID_REQUEST, message.toString(), reader.errors);
        }
        return manifest;
    }

    private SemanticManifest manifest(JsonNode root) {
        List<SemanticModel> models = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        JsonNode modelNodes = root.path("semantic_models");
        for (int i = 0; i < modelNodes.size(); i++) {
            SemanticModel model = model(modelNodes.get(i), "semantic_models[" + i + "]");
            if (model != null) {
                models.add(model);
                for (JsonNode measure : modelNodes.get(i).path("measures")) {
                    if (measure.path("create_metric").asBoolean(false)) {
                        String name = measure.path("name").asText();
                        metrics.add(new Metric(name, new MetricSpec.Simple(name, null), labels(measure, name),
                                text(measure, "description"), null, null, List.of(), null, null));
                    }
                }
            }
        }
        JsonNode metricNodes = root.path("metrics");
        for (int i = 0; i < metricNodes.size(); i++) {
            Metric metric = metric(metricNodes.get(i), "metrics[" + i + "]");
            if (metric != null) {
                metrics.removeIf(m -> m.name().equals(metric.name()));
                metrics.add(metric);
            }
        }
        return new SemanticManifest(models, metrics, List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Labels labels(JsonNode node, String name) {
        String label = text(node, "label");
        return new Labels(label == null ? name : label, null, List.of(), List.of());
    }

    private SemanticModel model(JsonNode node, String path) {
        String name = text(node, "name");
        if (name == null) {
            errors.add(new FieldError(path + ".name", "is required"));
            return null;
        }
        Relation relation = relation(node, path);
        if (relation == null) {
            return null;
        }
        String defaultTime = text(node.path("defaults"), "agg_time_dimension");
        List<Entity> entities = new ArrayList<>();
        for (JsonNode entity : node.path("entities")) {
            String entityName = text(entity, "name");
            try {
                entities.add(new Entity(entityName, EntityType.fromValue(text(entity, "type")),
                        text(entity, "expr") == null ? entityName : text(entity, "expr"), text(entity, "description")));
            } catch (RuntimeException e) {
                errors.add(new FieldError(path + " entity " + entityName, e.getMessage()));
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (JsonNode dimension : node.path("dimensions")) {
            String dimensionName = text(dimension, "name");
            boolean time = "time".equalsIgnoreCase(text(dimension, "type"));
            TimeGrain grain = time ? grain(text(dimension.path("type_params"), "time_granularity")) : null;
            dimensions.add(new Dimension(dimensionName, time ? DimensionType.TIME : DimensionType.CATEGORICAL,
                    text(dimension, "expr") == null ? dimensionName : text(dimension, "expr"), grain,
                    labels(dimension, dimensionName), text(dimension, "description"), null, List.of()));
        }
        List<Measure> measures = new ArrayList<>();
        for (JsonNode measure : node.path("measures")) {
            String measureName = text(measure, "name");
            try {
                Aggregation agg = Aggregation.fromValue(text(measure, "agg"));
                Double percentile = measure.path("agg_params").path("percentile").isNumber()
                        ? measure.path("agg_params").path("percentile").asDouble() : null;
                NonAdditiveDimension nonAdditive = null;
                JsonNode nad = measure.path("non_additive_dimension");
                if (nad.isObject()) {
                    List<String> groupings = new ArrayList<>();
                    nad.path("window_groupings").forEach(g -> groupings.add(g.asText()));
                    nonAdditive = new NonAdditiveDimension(text(nad, "name"), text(nad, "window_choice") == null
                            ? WindowChoice.MAX : WindowChoice.fromValue(text(nad, "window_choice")), groupings);
                }
                String expr = text(measure, "expr");
                if (expr == null) {
                    expr = agg == Aggregation.COUNT ? "1" : measureName;
                }
                measures.add(new Measure(measureName, agg, expr, percentile, text(measure, "agg_time_dimension"),
                        nonAdditive, text(measure, "description"), labels(measure, measureName)));
            } catch (RuntimeException e) {
                errors.add(new FieldError(path + " measure " + measureName, e.getMessage()));
            }
        }
        return new SemanticModel(name, text(node, "description"), warehouse, relation, defaultTime, entities, dimensions,
                measures, project);
    }

    /** The table: {@code node_relation} in the compiled manifest, {@code model: ref('x')} in project YAML. */
    private Relation relation(JsonNode node, String path) {
        JsonNode nodeRelation = node.path("node_relation");
        if (nodeRelation.isObject()) {
            String alias = text(nodeRelation, "alias");
            if (alias == null) {
                errors.add(new FieldError(path + ".node_relation.alias", "is required"));
                return null;
            }
            return new Relation(text(nodeRelation, "schema_name"), alias);
        }
        String model = text(node, "model");
        if (model != null) {
            Matcher ref = REF.matcher(model);
            return new Relation(defaultSchema, ref.find() ? ref.group(1) : model);
        }
        errors.add(new FieldError(path, "names no table: give node_relation (semantic_manifest.json) or model: ref('...')"));
        return null;
    }

    private static TimeGrain grain(String granularity) {
        if (granularity == null) {
            return TimeGrain.DAY;
        }
        return switch (granularity.toLowerCase(Locale.ROOT)) {
            case "week" -> TimeGrain.WEEK;
            case "month" -> TimeGrain.MONTH;
            case "quarter" -> TimeGrain.QUARTER;
            case "year" -> TimeGrain.YEAR;
            // nanosecond to day: the finest grain Zhongtai buckets by is the day
            default -> TimeGrain.DAY;
        };
    }

    private Metric metric(JsonNode node, String path) {
        String name = text(node, "name");
        String type = text(node, "type");
        if (name == null || type == null) {
            errors.add(new FieldError(path, "a metric needs a name and a type"));
            return null;
        }
        JsonNode params = node.path("type_params");
        String filter = filter(node.path("filter"), path + ".filter");
        MetricSpec spec;
        try {
            spec = switch (type.toLowerCase(Locale.ROOT)) {
                case "simple" -> {
                    JsonNode measure = params.path("measure");
                    String measureName = measure.isObject() ? text(measure, "name") : measure.asText();
                    String measureFilter = measure.isObject() ? filter(measure.path("filter"), path + ".measure.filter") : null;
                    yield new MetricSpec.Simple(measureName, and(filter, measureFilter));
                }
                case "ratio" -> new MetricSpec.Ratio(input(params.path("numerator"), filter, path + ".numerator"),
                        input(params.path("denominator"), filter, path + ".denominator"));
                case "derived" -> {
                    List<MetricInput> inputs = new ArrayList<>();
                    for (JsonNode input : params.path("metrics")) {
                        inputs.add(input(input, filter, path + ".metrics"));
                    }
                    yield new MetricSpec.Derived(text(params, "expr"), inputs);
                }
                case "cumulative" -> {
                    JsonNode cumulative = params.path("cumulative_type_params").isObject()
                            ? params.path("cumulative_type_params") : params;
                    JsonNode measure = params.path("measure");
                    String measureName = measure.isObject() ? text(measure, "name") : text(params, "measure");
                    String window = text(cumulative, "window");
                    String toDate = text(cumulative, "grain_to_date");
                    yield new MetricSpec.Cumulative(measureName, filter, window == null ? null : Window.parse("window", window),
                            toDate == null ? null : TimeGrain.fromValue(toDate));
                }
                case "conversion" -> {
                    JsonNode conversion = params.path("conversion_type_params");
                    JsonNode base = conversion.path("base_measure");
                    JsonNode converted = conversion.path("conversion_measure");
                    List<String> constants = new ArrayList<>();
                    conversion.path("constant_properties").forEach(p -> constants.add(
                            p.isObject() ? text(p, "base_property") : p.asText()));
                    String window = text(conversion, "window");
                    String calculation = text(conversion, "calculation");
                    yield new MetricSpec.Conversion(base.isObject() ? text(base, "name") : base.asText(),
                            converted.isObject() ? text(converted, "name") : converted.asText(), text(conversion, "entity"),
                            window == null ? null : Window.parse("window", window),
                            calculation == null ? ConversionCalculation.CONVERSION_RATE : ConversionCalculation.fromValue(calculation),
                            constants);
                }
                default -> throw CatalogException.invalid("type", "unknown metric type '" + type
                        + "'; dbt knows simple, ratio, derived, cumulative and conversion");
            };
        } catch (RuntimeException e) {
            String reason = e instanceof CatalogException c && !c.fieldErrors().isEmpty()
                    ? c.fieldErrors().get(0).field() + ": " + c.fieldErrors().get(0).reason() : e.getMessage();
            errors.add(new FieldError(path + " (" + name + ")", reason));
            return null;
        }
        JsonNode meta = node.path("config").path("meta").isObject() ? node.path("config").path("meta") : node.path("meta");
        List<String> tags = new ArrayList<>();
        node.path("config").path("tags").forEach(t -> tags.add(t.asText()));
        return new Metric(name, spec, labels(node, name), text(node, "description"), text(meta, "owner"),
                text(meta, "domain"), tags, text(meta, "unit"), text(meta, "format"));
    }

    private MetricInput input(JsonNode node, String inherited, String path) {
        if (node.isTextual()) {
            return new MetricInput(node.asText(), null, inherited, null, null, null);
        }
        String own = filter(node.path("filter"), path + ".filter");
        String offset = text(node, "offset_window");
        String toGrain = text(node, "offset_to_grain");
        return new MetricInput(text(node, "name"), null, and(inherited, own), text(node, "alias"),
                offset == null ? null : Window.parse("offset_window", offset),
                toGrain == null ? null : TimeGrain.fromValue(toGrain));
    }

    private static String and(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return "(" + a + ") AND (" + b + ")";
    }

    /** A dbt filter: a template string, a list of them, or {@code {"where_filters": [{"where_sql_template"}]}}. */
    private String filter(JsonNode node, String path) {
        List<String> parts = new ArrayList<>();
        if (node.isTextual()) {
            parts.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> parts.add(n.asText()));
        } else if (node.isObject()) {
            node.path("where_filters").forEach(w -> parts.add(w.path("where_sql_template").asText()));
        }
        List<String> translated = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                translated.add(template(part, path));
            }
        }
        if (translated.isEmpty()) {
            return null;
        }
        return translated.size() == 1 ? translated.get(0)
                : String.join(" AND ", translated.stream().map(t -> "(" + t + ")").toList());
    }

    private String template(String text, String path) {
        Matcher matcher = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            String replacement;
            switch (kind) {
                case "Dimension" -> replacement = name;
                case "TimeDimension" -> replacement = matcher.group(3) == null ? name : name + "__" + matcher.group(3).toLowerCase(Locale.ROOT);
                default -> {
                    errors.add(new FieldError(path, kind + "('" + name + "') in a filter is not supported; filter on"
                            + " dimensions ({{ Dimension('entity__dimension') }})"));
                    replacement = name;
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString().trim();
    }
}
