package io.zhongtai.nl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.SortDirection;
import io.zhongtai.metrics.query.TimeRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric query to and from the JSON of API.md ("Metrics"), for conversations, feedback, the
 * LLM prompt's examples and the evaluation set. Empty lists and nulls are left out when writing.
 */
public final class QueryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryJson() {}

    public static ObjectNode toJson(MetricQuery query) {
        ObjectNode node = JSON.createObjectNode();
        strings(node, "metrics", query.metrics());
        strings(node, "dimensions", query.dimensions());
        if (query.grain() != null) {
            node.put("grain", query.grain().value());
        }
        strings(node, "filters", query.filters());
        if (query.timeRange() != null) {
            ObjectNode range = node.putObject("timeRange");
            if (query.timeRange().start() != null) {
                range.put("start", query.timeRange().start().toString());
            }
            if (query.timeRange().end() != null) {
                range.put("end", query.timeRange().end().toString());
            }
        }
        strings(node, "comparisons", query.comparisons().stream().map(Comparison::value).toList());
        if (!query.orderBy().isEmpty()) {
            ArrayNode order = node.putArray("orderBy");
            for (OrderBy key : query.orderBy()) {
                order.addObject().put("field", key.field()).put("direction", key.direction().value());
            }
        }
        if (query.limit() != null) {
            node.put("limit", query.limit());
        }
        if (query.warehouse() != null) {
            node.put("warehouse", query.warehouse());
        }
        return node;
    }

    public static String write(MetricQuery query) {
        return toJson(query).toString();
    }

    public static MetricQuery read(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw CatalogException.invalid("interpretation", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** @throws CatalogException INVALID_REQUEST naming the field that is wrong */
    public static MetricQuery fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw CatalogException.invalid("interpretation", "must be a metric query object");
        }
        TimeRange range = null;
        JsonNode rangeNode = node.get("timeRange");
        if (rangeNode != null && !rangeNode.isNull()) {
            range = new TimeRange(date(rangeNode.get("start"), "timeRange.start"), date(rangeNode.get("end"), "timeRange.end"));
        }
        List<OrderBy> orderBy = new ArrayList<>();
        JsonNode orderNode = node.get("orderBy");
        if (orderNode != null && orderNode.isArray()) {
            for (JsonNode key : orderNode) {
                if (!key.hasNonNull("field")) {
                    throw CatalogException.invalid("orderBy", "each key needs a field");
                }
                orderBy.add(new OrderBy(key.get("field").asText(),
                        key.hasNonNull("direction") ? SortDirection.fromValue(key.get("direction").asText()) : null));
            }
        }
        JsonNode grain = node.get("grain");
        JsonNode limit = node.get("limit");
        JsonNode warehouse = node.get("warehouse");
        return new MetricQuery(
                strings(node, "metrics"),
                strings(node, "dimensions"),
                grain == null || grain.isNull() ? null : TimeGrain.fromValue(grain.asText()),
                strings(node, "filters"),
                range,
                strings(node, "comparisons").stream().map(Comparison::fromValue).toList(),
                orderBy,
                limit == null || limit.isNull() ? null : limit.asInt(),
                warehouse == null || warehouse.isNull() ? null : warehouse.asText());
    }

    private static LocalDate date(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw CatalogException.invalid(field, "must be a date YYYY-MM-DD, was '" + node.asText() + "'");
        }
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw CatalogException.invalid(field, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
