package io.zhongtai.metrics.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes the JSON body of a metric query (API.md): every problem is a 400 naming the
 * field ({@code timeRange.start}, {@code orderBy[1].direction}) and what is wrong.
 */
public final class MetricQueryJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("metrics", "dimensions", "grain", "filters", "timeRange",
            "comparisons", "orderBy", "limit", "warehouse");

    private MetricQueryJson() {}

    public static MetricQuery read(String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            TextPosition position = location == null || location.getLineNr() < 1 ? null
                    : new TextPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "Malformed JSON" + (position == null ? ""
                    : " at line " + position.line() + ", column " + position.column()) + ": " + e.getOriginalMessage(),
                    position, e);
        }
        return read(node);
    }

    public static MetricQuery read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The body must be a metric query: a JSON object with"
                    + " at least \"metrics\"");
        }
        List<FieldError> errors = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field; known: " + String.join(", ", FIELDS.stream().sorted().toList())));
            }
        }
        List<String> metrics = strings(node, "metrics", errors);
        List<String> dimensions = strings(node, "dimensions", errors);
        List<String> filters = strings(node, "filters", errors);
        TimeGrain grain = value(node.path("grain"), "grain", TimeGrain::fromValue, errors);
        TimeRange range = null;
        JsonNode rangeNode = node.path("timeRange");
        if (rangeNode.isObject()) {
            LocalDate start = date(rangeNode.path("start"), "timeRange.start", errors);
            LocalDate end = date(rangeNode.path("end"), "timeRange.end", errors);
            Iterator<String> rangeFields = rangeNode.fieldNames();
            while (rangeFields.hasNext()) {
                String name = rangeFields.next();
                if (!name.equals("start") && !name.equals("end")) {
                    errors.add(new FieldError("timeRange." + name, "unknown field; known: end, start"));
                }
            }
            try {
                if (start != null || end != null) {
                    range = new TimeRange(start, end);
                } else if (errors.stream().noneMatch(e -> e.field().startsWith("timeRange"))) {
                    errors.add(new FieldError("timeRange", "give a start, an end or both"));
                }
            } catch (CatalogException e) {
                errors.add(new FieldError("timeRange", e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).reason()));
            }
        } else if (!rangeNode.isMissingNode() && !rangeNode.isNull()) {
            errors.add(new FieldError("timeRange", "must be {\"start\": \"YYYY-MM-DD\", \"end\": \"YYYY-MM-DD\"}"));
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<String> comparisonNames = strings(node, "comparisons", errors);
        for (int i = 0; i < comparisonNames.size(); i++) {
            Comparison comparison = value(JsonNodeFactory.instance.textNode(comparisonNames.get(i)), "comparisons[" + i + "]",
                    Comparison::fromValue, errors);
            if (comparison != null) {
                comparisons.add(comparison);
            }
        }
        List<OrderBy> orderBy = new ArrayList<>();
        JsonNode orderNode = node.path("orderBy");
        if (orderNode.isArray()) {
            for (int i = 0; i < orderNode.size(); i++) {
                JsonNode key = orderNode.get(i);
                String field = "orderBy[" + i + "]";
                if (key.isTextual()) {
                    orderBy.add(new OrderBy(key.asText(), SortDirection.ASC));
                } else if (key.isObject() && key.path("field").isTextual()) {
                    SortDirection direction = value(key.path("direction"), field + ".direction", SortDirection::fromValue, errors);
                    orderBy.add(new OrderBy(key.path("field").asText(), direction));
                } else {
                    errors.add(new FieldError(field, "must be {\"field\": \"gmv\", \"direction\": \"asc|desc\"}"));
                }
            }
        } else if (!orderNode.isMissingNode() && !orderNode.isNull()) {
            errors.add(new FieldError("orderBy", "must be a list of {\"field\", \"direction\"}"));
        }
        Integer limit = null;
        JsonNode limitNode = node.path("limit");
        if (limitNode.isIntegralNumber()) {
            limit = limitNode.asInt();
        } else if (!limitNode.isMissingNode() && !limitNode.isNull()) {
            errors.add(new FieldError("limit", "must be a whole number"));
        }
        String warehouse = null;
        JsonNode warehouseNode = node.path("warehouse");
        if (warehouseNode.isTextual()) {
            warehouse = warehouseNode.asText();
        } else if (!warehouseNode.isMissingNode() && !warehouseNode.isNull()) {
            errors.add(new FieldError("warehouse", "must be a warehouse name"));
        }
        if (metrics.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("metrics"))) {
            errors.add(new FieldError("metrics", "name at least one metric"));
        }
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder("The metric query is not valid: ");
            for (int i = 0; i < errors.size(); i++) {
                message.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(": ").append(errors.get(i).reason());
            }
            throw new CatalogException(ErrorCode.INVALID_REQUEST, message.toString(), errors);
        }
        return new MetricQuery(metrics, dimensions, grain, filters, range, comparisons, orderBy, limit, warehouse);
    }

    private static List<String> strings(JsonNode node, String field, List<FieldError> errors) {
        JsonNode value = node.path(field);
        List<String> out = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be a list of text values"));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a text value"));
            } else {
                out.add(value.get(i).asText());
            }
        }
        return out;
    }

    private static <T> T value(JsonNode node, String field, Function<String, T> parse, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a text value"));
            return null;
        }
        try {
            return parse.apply(node.asText());
        } catch (CatalogException e) {
            errors.add(new FieldError(field, e.fieldErrors().isEmpty() ? e.getMessage() : e.fieldErrors().get(0).reason()));
            return null;
        }
    }

    private static LocalDate date(JsonNode node, String field, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + node.asText() + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }

    /** The query as the JSON body API.md shows (what a question is interpreted as). */
    public static ObjectNode write(MetricQuery query) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode metrics = node.putArray("metrics");
        query.metrics().forEach(metrics::add);
        ArrayNode dimensions = node.putArray("dimensions");
        query.dimensions().forEach(dimensions::add);
        if (query.grain() != null) {
            node.put("grain", query.grain().value());
        }
        ArrayNode filters = node.putArray("filters");
        query.filters().forEach(filters::add);
        if (query.timeRange() != null) {
            ObjectNode range = node.putObject("timeRange");
            if (query.timeRange().start() != null) {
                range.put("start", query.timeRange().start().toString());
            }
            if (query.timeRange().end() != null) {
                range.put("end", query.timeRange().end().toString());
            }
        }
        ArrayNode comparisons = node.putArray("comparisons");
        query.comparisons().forEach(c -> comparisons.add(c.value()));
        ArrayNode orderBy = node.putArray("orderBy");
        query.orderBy().forEach(o -> orderBy.addObject().put("field", o.field()).put("direction", o.direction().value()));
        if (query.limit() != null) {
            node.put("limit", query.limit());
        }
        if (query.warehouse() != null) {
            node.put("warehouse", query.warehouse());
        }
        return node;
    }
}
