package io.zhongtai.metrics.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.ComparisonOutput;
import io.zhongtai.metrics.model.ConversionCalculation;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityJoinType;
import io.zhongtai.metrics.model.EntityType;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.MetricType;
import io.zhongtai.metrics.model.NonAdditiveDimension;
import io.zhongtai.metrics.model.Relation;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.model.TimeDataType;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.model.Window;
import io.zhongtai.metrics.model.WindowChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads metric definitions written as code (YAML files reviewed in git) or sent as JSON to the
 * API: one format for both, documented in the module's README. Every problem is reported with the
 * file and the path to the field ({@code metrics.yml: metrics[2].measure}); structural problems
 * only, the cross-references are checked by {@link io.zhongtai.metrics.validate.ManifestValidator}.
 *
 * <pre>
 * semantic_models:
 *   - name: orders
 *     warehouse: demo
 *     table: retail.orders
 *     default_time_dimension: order_date
 *     entities: [{name: order, type: primary, expr: order_id}]
 *     dimensions: [{name: order_date, type: time, grain: day, label: {en: Order date, zh: 下单日期}}]
 *     measures: [{name: order_count, agg: count_distinct, expr: order_id}]
 * metrics:
 *   - {name: order_count, type: simple, measure: order_count, filter: "order_status = 'paid'"}
 * policies:
 *   - {name: east, subject: "group:east", row_filters: ["region = user_attribute('region')"]}
 * </pre>
 */
public final class DefinitionReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final List<FieldError> errors = new ArrayList<>();

    private DefinitionReader(String source) {
        this.source = source;
    }

    /** Reads one YAML (or JSON, a subset of YAML) document. */
    public static SemanticManifest readYaml(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    source + ": not valid YAML" + where + ": " + e.getOriginalMessage(),
                    List.of(new FieldError(source, "not valid YAML" + where)));
        }
        return read(root == null ? MissingNode.getInstance() : root, source);
    }

    /** Reads a definition tree already parsed (a JSON request body). */
    public static SemanticManifest read(JsonNode root, String source) {
        DefinitionReader reader = new DefinitionReader(source);
        SemanticManifest manifest = reader.manifest(root);
        reader.throwIfErrors();
        return manifest;
    }

    /** Reads one metric given alone (the API's create and update bodies). */
    public static Metric readMetric(JsonNode node, String source) {
        DefinitionReader reader = new DefinitionReader(source);
        Metric metric = reader.metric(node, "");
        reader.throwIfErrors();
        return metric;
    }

    /** Reads every {@code .yml} and {@code .yaml} file under a directory (sorted by path) as one manifest. */
    public static SemanticManifest readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw CatalogException.invalid("directory", directory + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SemanticManifest all = SemanticManifest.empty();
        List<FieldError> errors = new ArrayList<>();
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                SemanticManifest one = readYaml(text, directory.relativize(file).toString());
                all = new SemanticManifest(
                        concat(all.models(), one.models()),
                        concat(all.metrics(), one.metrics()),
                        concat(all.policies(), one.policies()));
            } catch (CatalogException e) {
                errors.addAll(e.fieldErrors().isEmpty() ? List.of(new FieldError(file.toString(), e.getMessage())) : e.fieldErrors());
            } catch (IOException e) {
                errors.add(new FieldError(file.toString(), "cannot be read: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return all;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static CatalogException failure(List<FieldError> errors) {
        StringBuilder message = new StringBuilder("The definitions have ")
                .append(errors.size())
                .append(errors.size() == 1 ? " problem: " : " problems: ");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append(errors.get(i).field()).append(": ").append(errors.get(i).reason());
        }
        return new CatalogException(ErrorCode.INVALID_REQUEST, message.toString(), errors);
    }

    private void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
    }

    private void error(String path, String reason) {
        errors.add(new FieldError(source + ": " + path, reason));
    }

    private SemanticManifest manifest(JsonNode root) {
        if (root.isMissingNode() || root.isNull()) {
            return SemanticManifest.empty();
        }
        if (!root.isObject()) {
            error("(document)", "must be a mapping with semantic_models, metrics and policies");
            return SemanticManifest.empty();
        }
        allowOnly(root, "", Set.of("semantic_models", "metrics", "policies", "version"));
        List<SemanticModel> models = list(root, "semantic_models", "semantic_models", this::model);
        List<Metric> metrics = list(root, "metrics", "metrics", this::metric);
        List<AccessPolicy> policies = list(root, "policies", "policies", this::policy);
        return new SemanticManifest(models, metrics, policies);
    }

    private interface ElementReader<T> {
        T read(JsonNode node, String path);
    }

    private <T> List<T> list(JsonNode parent, String key, String path, ElementReader<T> reader) {
        JsonNode node = parent.path(key);
        List<T> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            error(path, "must be a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            T value = reader.read(node.get(i), path + "[" + i + "]");
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private void allowOnly(JsonNode node, String path, Set<String> keys) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                error(join(path, name), "unknown field; known: " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String text(JsonNode node, String key, String path, boolean required) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                error(join(path, key), "is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            error(join(path, key), "must be a text value");
            return null;
        }
        String text = value.asText().trim();
        if (required && text.isEmpty()) {
            error(join(path, key), "must not be blank");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private String name(JsonNode node, String path) {
        String name = text(node, "name", path, true);
        if (name != null && !name.matches("[a-z][a-z0-9_]*")) {
            error(join(path, "name"), "'" + name + "' must be lower-case letters, digits and _, starting with a letter");
        }
        return name;
    }

    private List<String> strings(JsonNode node, String key, String path) {
        JsonNode value = node.path(key);
        List<String> out = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return out;
        }
        if (value.isValueNode()) {
            out.add(value.asText());
            return out;
        }
        if (!value.isArray()) {
            error(join(path, key), "must be a list of text values");
            return out;
        }
        for (JsonNode element : value) {
            if (!element.isValueNode()) {
                error(join(path, key), "must be a list of text values");
            } else {
                out.add(element.asText());
            }
        }
        return out;
    }

    private <E> E enumValue(JsonNode node, String key, String path, Function<String, E> parse, E fallback) {
        return enumValue(node, key, path, parse, fallback, false);
    }

    private <E> E required(JsonNode node, String key, String path, Function<String, E> parse) {
        return enumValue(node, key, path, parse, null, true);
    }

    private <E> E enumValue(
            JsonNode node, String key, String path, Function<String, E> parse, E fallback, boolean required) {
        String value = text(node, key, path, required);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (CatalogException e) {
            String reason = e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).reason();
            error(join(path, key), reason);
            return fallback;
        }
    }

    private Window window(JsonNode node, String key, String path) {
        String value = text(node, key, path, false);
        if (value == null) {
            return null;
        }
        try {
            return Window.parse(key, value);
        } catch (CatalogException e) {
            error(join(path, key), e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).reason());
            return null;
        }
    }

    private Labels labels(JsonNode node, String path, String fallback) {
        JsonNode label = node.path("label");
        String en = fallback;
        String zh = null;
        if (label.isValueNode() && !label.isNull()) {
            en = label.asText();
        } else if (label.isObject()) {
            allowOnly(label, join(path, "label"), Set.of("en", "zh"));
            en = label.path("en").isValueNode() ? label.path("en").asText() : fallback;
            zh = label.path("zh").isValueNode() ? label.path("zh").asText() : null;
        } else if (!label.isMissingNode() && !label.isNull()) {
            error(join(path, "label"), "must be a text or {en, zh}");
        }
        List<String> synonymsEn = new ArrayList<>();
        List<String> synonymsZh = new ArrayList<>();
        JsonNode synonyms = node.path("synonyms");
        if (synonyms.isArray()) {
            // a flat list: each synonym goes to the language its script says
            for (String synonym : strings(node, "synonyms", path)) {
                (hasHan(synonym) ? synonymsZh : synonymsEn).add(synonym);
            }
        } else if (synonyms.isObject()) {
            allowOnly(synonyms, join(path, "synonyms"), Set.of("en", "zh"));
            synonymsEn.addAll(strings(synonyms, "en", join(path, "synonyms")));
            synonymsZh.addAll(strings(synonyms, "zh", join(path, "synonyms")));
        } else if (!synonyms.isMissingNode() && !synonyms.isNull()) {
            error(join(path, "synonyms"), "must be a list or {en: [...], zh: [...]}");
        }
        return new Labels(en == null ? "" : en, zh, synonymsEn, synonymsZh);
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private SemanticModel model(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, Set.of("name", "description", "label", "warehouse", "table", "schema",
                "default_time_dimension", "entities", "dimensions", "measures", "defaults", "project"));
        String name = name(node, path);
        String table = text(node, "table", path, true);
        String schema = text(node, "schema", path, false);
        Relation relation = null;
        if (table != null) {
            if (schema == null && table.contains(".")) {
                int dot = table.lastIndexOf('.');
                schema = table.substring(0, dot);
                table = table.substring(dot + 1);
            }
            relation = new Relation(schema, table);
        }
        String defaultTime = text(node, "default_time_dimension", path, false);
        if (defaultTime == null && node.path("defaults").isObject()) {
            defaultTime = text(node.path("defaults"), "agg_time_dimension", join(path, "defaults"), false);
        }
        List<Entity> entities = list(node, "entities", join(path, "entities"), this::entity);
        List<Dimension> dimensions = list(node, "dimensions", join(path, "dimensions"), this::dimension);
        List<Measure> measures = list(node, "measures", join(path, "measures"), this::measure);
        if (name == null || relation == null) {
            return null;
        }
        return new SemanticModel(name, text(node, "description", path, false), text(node, "warehouse", path, false),
                relation, defaultTime, entities, dimensions, measures, text(node, "project", path, false));
    }

    private Entity entity(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, Set.of("name", "type", "expr", "description", "join_type"));
        String name = name(node, path);
        EntityType type = required(node, "type", path, EntityType::fromValue);
        String expr = text(node, "expr", path, false);
        EntityJoinType joinType = enumValue(node, "join_type", path, EntityJoinType::fromValue, EntityJoinType.LEFT);
        if (name == null || type == null) {
            return null;
        }
        return new Entity(name, type, expr == null ? name : expr, text(node, "description", path, false), joinType);
    }

    private Dimension dimension(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, Set.of("name", "type", "expr", "grain", "label", "synonyms", "description",
                "label_zh_expr", "values", "type_params", "data_type"));
        String name = name(node, path);
        DimensionType type = enumValue(node, "type", path, DimensionType::fromValue, DimensionType.CATEGORICAL);
        TimeGrain grain = enumValue(node, "grain", path, TimeGrain::fromValue, null);
        if (grain == null && node.path("type_params").isObject()) {
            grain = enumValue(node.path("type_params"), "time_granularity", join(path, "type_params"),
                    TimeGrain::fromValue, null);
        }
        if (grain != null && type != DimensionType.TIME) {
            error(join(path, "grain"), "only a time dimension has a grain");
        }
        TimeDataType dataType = enumValue(node, "data_type", path, TimeDataType::fromValue, null);
        if (dataType != null && type != DimensionType.TIME) {
            error(join(path, "data_type"), "only a time dimension states a data_type (date or timestamp)");
        }
        String expr = text(node, "expr", path, false);
        List<DimensionValue> values = list(node, "values", join(path, "values"), this::dimensionValue);
        if (name == null) {
            return null;
        }
        return new Dimension(name, type, expr == null ? name : expr, grain, labels(node, path, name),
                text(node, "description", path, false), text(node, "label_zh_expr", path, false), values, dataType);
    }

    private DimensionValue dimensionValue(JsonNode node, String path) {
        if (node.isValueNode()) {
            return new DimensionValue(node.asText(), null, null, List.of());
        }
        if (!node.isObject()) {
            error(path, "must be a value or {value, en, zh, synonyms}");
            return null;
        }
        allowOnly(node, path, Set.of("value", "en", "zh", "synonyms"));
        String value = text(node, "value", path, true);
        if (value == null) {
            return null;
        }
        return new DimensionValue(value, text(node, "en", path, false), text(node, "zh", path, false),
                strings(node, "synonyms", path));
    }

    private Measure measure(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, Set.of("name", "agg", "expr", "percentile", "agg_time_dimension", "time_dimension",
                "non_additive_dimension", "description", "label", "synonyms", "agg_params"));
        String name = name(node, path);
        Aggregation agg = required(node, "agg", path, Aggregation::fromValue);
        String expr = text(node, "expr", path, false);
        Double percentile = null;
        JsonNode percentileNode = node.path("percentile");
        if (percentileNode.isMissingNode() && node.path("agg_params").isObject()) {
            percentileNode = node.path("agg_params").path("percentile");
        }
        if (percentileNode.isNumber()) {
            percentile = percentileNode.asDouble();
            if (percentile <= 0 || percentile >= 1) {
                error(join(path, "percentile"), "must be between 0 and 1 (exclusive), was " + percentile);
            }
        } else if (!percentileNode.isMissingNode() && !percentileNode.isNull()) {
            error(join(path, "percentile"), "must be a number between 0 and 1");
        }
        if (agg == Aggregation.PERCENTILE && percentile == null) {
            error(join(path, "percentile"), "a percentile measure needs its percentile (0.9)");
        }
        String time = text(node, "agg_time_dimension", path, false);
        if (time == null) {
            time = text(node, "time_dimension", path, false);
        }
        NonAdditiveDimension nonAdditive = null;
        JsonNode nonAdditiveNode = node.path("non_additive_dimension");
        if (nonAdditiveNode.isObject()) {
            String nonAdditivePath = join(path, "non_additive_dimension");
            allowOnly(nonAdditiveNode, nonAdditivePath, Set.of("name", "window_choice", "window_groupings"));
            String dimension = text(nonAdditiveNode, "name", nonAdditivePath, true);
            WindowChoice choice = enumValue(nonAdditiveNode, "window_choice", nonAdditivePath, WindowChoice::fromValue,
                    WindowChoice.MAX);
            if (dimension != null) {
                nonAdditive = new NonAdditiveDimension(dimension, choice,
                        strings(nonAdditiveNode, "window_groupings", nonAdditivePath));
            }
        } else if (!nonAdditiveNode.isMissingNode() && !nonAdditiveNode.isNull()) {
            error(join(path, "non_additive_dimension"), "must be {name, window_choice, window_groupings}");
        }
        if (name == null || agg == null) {
            return null;
        }
        if (expr == null) {
            expr = agg == Aggregation.COUNT ? "1" : name;
        }
        return new Measure(name, agg, expr, percentile, time, nonAdditive, text(node, "description", path, false),
                labels(node, path, name));
    }

    private static final Set<String> METRIC_FIELDS = Set.of("name", "type", "label", "synonyms", "description",
            "owner", "domain", "tags", "unit", "format", "measure", "filter", "numerator", "denominator", "expr",
            "inputs", "window", "grain_to_date", "base_measure", "conversion_measure", "entity", "calculation",
            "constant_properties", "metric", "comparison", "output");

    Metric metric(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path.isEmpty() ? "(metric)" : path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, METRIC_FIELDS);
        String name = name(node, path);
        MetricType type = required(node, "type", path, MetricType::fromValue);
        MetricSpec spec = type == null ? null : spec(type, node, path);
        if (name == null || spec == null) {
            return null;
        }
        return new Metric(name, spec, labels(node, path, name), text(node, "description", path, false),
                text(node, "owner", path, false), text(node, "domain", path, false), strings(node, "tags", path),
                text(node, "unit", path, false), text(node, "format", path, false));
    }

    private MetricSpec spec(MetricType type, JsonNode node, String path) {
        Map<MetricType, Set<String>> own = Map.of(
                MetricType.SIMPLE, Set.of("measure", "filter"),
                MetricType.RATIO, Set.of("numerator", "denominator", "filter"),
                MetricType.DERIVED, Set.of("expr", "inputs"),
                MetricType.CUMULATIVE, Set.of("measure", "filter", "window", "grain_to_date"),
                MetricType.CONVERSION, Set.of("base_measure", "conversion_measure", "entity", "window", "calculation",
                        "constant_properties"),
                MetricType.PERIOD_OVER_PERIOD, Set.of("metric", "comparison", "output"));
        Set<String> allowed = own.get(type);
        for (String field : List.of("measure", "filter", "numerator", "denominator", "expr", "inputs", "window",
                "grain_to_date", "base_measure", "conversion_measure", "entity", "calculation", "constant_properties",
                "metric", "comparison", "output")) {
            if (node.has(field) && !allowed.contains(field)) {
                error(join(path, field), "does not apply to a " + type.value() + " metric");
            }
        }
        switch (type) {
            case SIMPLE -> {
                String measure = text(node, "measure", path, true);
                return measure == null ? null : new MetricSpec.Simple(measure, text(node, "filter", path, false));
            }
            case RATIO -> {
                MetricInput numerator = input(node.path("numerator"), join(path, "numerator"), true);
                MetricInput denominator = input(node.path("denominator"), join(path, "denominator"), true);
                if (node.has("filter")) {
                    error(join(path, "filter"), "a ratio's filters go on its numerator and denominator");
                }
                return numerator == null || denominator == null ? null : new MetricSpec.Ratio(numerator, denominator);
            }
            case DERIVED -> {
                String expr = text(node, "expr", path, true);
                List<MetricInput> inputs = list(node, "inputs", join(path, "inputs"), (n, p) -> input(n, p, true));
                if (!node.has("inputs")) {
                    error(join(path, "inputs"), "is required: the metrics the expression uses");
                }
                return expr == null ? null : new MetricSpec.Derived(expr, inputs);
            }
            case CUMULATIVE -> {
                String measure = text(node, "measure", path, true);
                Window window = window(node, "window", path);
                TimeGrain toDate = enumValue(node, "grain_to_date", path, TimeGrain::fromValue, null);
                if (window != null && toDate != null) {
                    error(path, "a cumulative metric has a window or a grain_to_date, not both");
                    return null;
                }
                return measure == null ? null
                        : new MetricSpec.Cumulative(measure, text(node, "filter", path, false), window, toDate);
            }
            case CONVERSION -> {
                String base = text(node, "base_measure", path, true);
                String conversion = text(node, "conversion_measure", path, true);
                String entity = text(node, "entity", path, true);
                Window window = window(node, "window", path);
                ConversionCalculation calculation = enumValue(node, "calculation", path,
                        ConversionCalculation::fromValue, ConversionCalculation.CONVERSION_RATE);
                if (base == null || conversion == null || entity == null) {
                    return null;
                }
                return new MetricSpec.Conversion(base, conversion, entity, window, calculation,
                        strings(node, "constant_properties", path));
            }
            case PERIOD_OVER_PERIOD -> {
                String metric = text(node, "metric", path, true);
                Comparison comparison = required(node, "comparison", path, Comparison::fromValue);
                ComparisonOutput output = enumValue(node, "output", path, ComparisonOutput::fromValue,
                        ComparisonOutput.GROWTH);
                return metric == null || comparison == null ? null
                        : new MetricSpec.PeriodOverPeriod(metric, comparison, output);
            }
            default -> throw new IllegalStateException("unhandled metric type " + type);
        }
    }

    private MetricInput input(JsonNode node, String path, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        if (node.isValueNode()) {
            return MetricInput.ofMetric(node.asText());
        }
        if (!node.isObject()) {
            error(path, "must be a metric name or {metric | measure, filter, alias, offset_window, offset_to_grain}");
            return null;
        }
        allowOnly(node, path, Set.of("metric", "name", "measure", "filter", "alias", "offset_window", "offset_to_grain"));
        String metric = text(node, "metric", path, false);
        if (metric == null) {
            metric = text(node, "name", path, false);
        }
        String measure = text(node, "measure", path, false);
        if ((metric == null) == (measure == null)) {
            error(path, "name exactly one metric or one measure");
            return null;
        }
        Window offset = window(node, "offset_window", path);
        TimeGrain offsetToGrain = enumValue(node, "offset_to_grain", path, TimeGrain::fromValue, null);
        if (offset != null && offsetToGrain != null) {
            error(path, "an input has an offset_window or an offset_to_grain, not both");
        }
        return new MetricInput(metric, measure, text(node, "filter", path, false), text(node, "alias", path, false),
                offset, offsetToGrain);
    }

    private AccessPolicy policy(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping");
            return null;
        }
        allowOnly(node, path, Set.of("name", "subject", "row_filters", "hidden_dimensions", "masked_dimensions",
                "hidden_metrics", "description"));
        String name = text(node, "name", path, true);
        String subject = text(node, "subject", path, true);
        if (subject != null && !subject.matches("(role|group|user):.+")) {
            error(join(path, "subject"), "must be role:<role>, group:<group> or user:<user>, was '" + subject + "'");
        }
        if (name == null || subject == null) {
            return null;
        }
        return new AccessPolicy(name, subject, strings(node, "row_filters", path),
                strings(node, "hidden_dimensions", path), strings(node, "masked_dimensions", path),
                strings(node, "hidden_metrics", path));
    }

    /** The JSON mapper the module uses for definition documents. */
    public static ObjectMapper json() {
        return JSON;
    }
}
