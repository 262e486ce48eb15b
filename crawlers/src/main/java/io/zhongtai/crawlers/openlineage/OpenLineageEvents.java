package io.zhongtai.crawlers.openlineage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the body of {@code POST /api/v1/lineage}: one OpenLineage event or a JSON array of them,
 * checked against what the OpenLineage spec requires, so that a malformed event is refused with
 * the field at fault before anything is stored.
 *
 * <p>Required: {@code eventTime} (ISO-8601 with an offset), {@code producer}, {@code job.namespace}
 * and {@code job.name}, and for a run event (one with {@code eventType} or {@code run}) a
 * {@code run.runId} that is a UUID; {@code namespace} and {@code name} of every input and output.
 * Facets read: {@code documentation}, {@code sql}, {@code jobType} of the job; {@code schema},
 * {@code documentation} and {@code columnLineage} of datasets. Other facets are kept only in the
 * raw event. A facet marked {@code _deleted} counts as absent. Dataset events (a {@code dataset}
 * and no {@code job}) are refused: they carry no lineage.
 *
 * <p>Field names in errors are JSON paths: {@code inputs[0].namespace} for a single event,
 * {@code [2].inputs[0].namespace} for the third event of an array.
 */
public final class OpenLineageEvents {
    /** More errors than this in one body are cut: the first ones say enough. */
    private static final int MAX_ERRORS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenLineageEvents() {}

    /** The events of a request body, in order; a user error naming every malformed field otherwise. */
    public static List<OpenLineageEvent> parse(String body) {
        if (body == null || body.isBlank()) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST, "The request needs a body: one OpenLineage event or a JSON array of them");
        }
        List<FieldError> errors = new ArrayList<>();
        List<OpenLineageEvent> events = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                JsonNode node = JSON.readTree(parser);
                expectEnd(parser);
                read(node, body.strip(), "", errors).ifPresent(events::add);
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    String prefix = "[" + index + "]";
                    if (token == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        JsonNode node = JSON.readTree(parser);
                        int end = (int) parser.currentLocation().getCharOffset();
                        read(node, body.substring(start, end), prefix + ".", errors).ifPresent(events::add);
                    } else {
                        parser.skipChildren();
                        errors.add(new FieldError(prefix, "each element is an OpenLineage event object"));
                    }
                    index++;
                }
                expectEnd(parser);
                if (index == 0) {
                    throw new CatalogException(ErrorCode.INVALID_REQUEST, "The array holds no event");
                }
            } else {
                throw new CatalogException(
                        ErrorCode.INVALID_REQUEST, "The body must be one OpenLineage event ({...}) or an array of them ([...])");
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            TextPosition position = location == null || location.getLineNr() < 1
                    ? null
                    : new TextPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed JSON" + (position == null ? "" : " at line " + position.line() + ", column " + position.column())
                            + ": " + e.getOriginalMessage(),
                    position,
                    e);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The body could not be read: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            List<FieldError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            FieldError firstError = shown.get(0);
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed OpenLineage event: " + firstError.field() + " " + firstError.reason()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                            + "; nothing was stored",
                    shown);
        }
        return List.copyOf(events);
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST, "Unexpected content after the JSON value at line "
                            + parser.currentTokenLocation().getLineNr() + ", column "
                            + parser.currentTokenLocation().getColumnNr());
        }
    }

    private static Optional<OpenLineageEvent> read(JsonNode node, String raw, String prefix, List<FieldError> errors) {
        Fields fields = new Fields(prefix, errors);
        int before = errors.size();
        if (!node.has("job") && node.has("dataset")) {
            fields.error("job", "is missing: dataset events carry no lineage and are not accepted; send run or job events");
            return Optional.empty();
        }
        Instant eventTime = fields.instant(node, "eventTime");
        String producer = fields.requiredText(node, "producer");
        fields.optionalText(node, "schemaURL");
        String eventType = fields.optionalText(node, "eventType");
        if (eventType != null) {
            String upper = eventType.toUpperCase(Locale.ROOT);
            if (!OpenLineageEvent.EVENT_TYPES.contains(upper)) {
                fields.error("eventType", "is one of " + String.join(", ", OpenLineageEvent.EVENT_TYPES) + ", not '" + eventType + "'");
            }
            eventType = upper;
        }
        String runId = null;
        JsonNode run = node.get("run");
        if (run != null && !run.isNull() || eventType != null) {
            JsonNode runObject = fields.object(node, "run", true);
            if (runObject != null) {
                runId = fields.requiredText(runObject, "runId", "run.runId");
                if (runId != null) {
                    try {
                        UUID.fromString(runId);
                    } catch (IllegalArgumentException e) {
                        fields.error("run.runId", "must be a UUID, was '" + runId + "'");
                    }
                }
            }
        }
        OpenLineageEvent.Job job = job(fields, fields.object(node, "job", true));
        List<OpenLineageEvent.Dataset> inputs = datasets(fields, node, "inputs");
        List<OpenLineageEvent.Dataset> outputs = datasets(fields, node, "outputs");
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new OpenLineageEvent(
                eventType == null ? "OTHER" : eventType, eventTime, producer, runId, job, inputs, outputs, raw));
    }

    private static OpenLineageEvent.Job job(Fields fields, JsonNode job) {
        if (job == null) {
            return null;
        }
        String namespace = fields.requiredText(job, "namespace", "job.namespace");
        String name = fields.requiredText(job, "name", "job.name");
        JsonNode facets = fields.facets(job, "job.facets");
        String description = null;
        String sql = null;
        String sqlDialect = null;
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode documentation = facet(facets, "documentation");
        if (documentation != null) {
            description = fields.optionalText(documentation, "description", "job.facets.documentation.description");
        }
        JsonNode sqlFacet = facet(facets, "sql");
        if (sqlFacet != null) {
            sql = fields.requiredText(sqlFacet, "query", "job.facets.sql.query");
            sqlDialect = fields.optionalText(sqlFacet, "dialect", "job.facets.sql.dialect");
        }
        JsonNode jobType = facet(facets, "jobType");
        if (jobType != null) {
            for (String key : List.of("processingType", "integration", "jobType")) {
                String value = fields.optionalText(jobType, key, "job.facets.jobType." + key);
                if (value != null && !value.isBlank()) {
                    properties.put(key, value);
                }
            }
        }
        if (namespace == null || name == null) {
            return null;
        }
        return new OpenLineageEvent.Job(namespace, name, description, sql, sqlDialect, properties);
    }

    private static List<OpenLineageEvent.Dataset> datasets(Fields fields, JsonNode event, String key) {
        JsonNode array = event.get(key);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            fields.error(key, "must be an array of datasets");
            return List.of();
        }
        List<OpenLineageEvent.Dataset> datasets = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = key + "[" + i + "]";
            JsonNode dataset = array.get(i);
            if (!dataset.isObject()) {
                fields.error(path, "must be a dataset object with namespace and name");
                continue;
            }
            String namespace = fields.requiredText(dataset, "namespace", path + ".namespace");
            String name = fields.requiredText(dataset, "name", path + ".name");
            JsonNode facets = fields.facets(dataset, path + ".facets");
            String description = null;
            JsonNode documentation = facet(facets, "documentation");
            if (documentation != null) {
                description = fields.optionalText(documentation, "description", path + ".facets.documentation.description");
            }
            List<OpenLineageEvent.SchemaField> schema = schema(fields, facet(facets, "schema"), path + ".facets.schema");
            Map<String, List<OpenLineageEvent.InputField>> columnLineage =
                    columnLineage(fields, facet(facets, "columnLineage"), path + ".facets.columnLineage");
            if (namespace != null && name != null) {
                datasets.add(new OpenLineageEvent.Dataset(namespace, name, description, schema, columnLineage));
            }
        }
        return datasets;
    }

    private static List<OpenLineageEvent.SchemaField> schema(Fields fields, JsonNode facet, String path) {
        if (facet == null) {
            return List.of();
        }
        JsonNode array = facet.get("fields");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            fields.error(path + ".fields", "must be an array of fields");
            return List.of();
        }
        List<OpenLineageEvent.SchemaField> schema = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String fieldPath = path + ".fields[" + i + "]";
            JsonNode field = array.get(i);
            if (!field.isObject()) {
                fields.error(fieldPath, "must be a field object with a name");
                continue;
            }
            String name = fields.requiredText(field, "name", fieldPath + ".name");
            String type = fields.optionalText(field, "type", fieldPath + ".type");
            String description = fields.optionalText(field, "description", fieldPath + ".description");
            if (name != null) {
                schema.add(new OpenLineageEvent.SchemaField(name, type, description));
            }
        }
        return schema;
    }

    private static Map<String, List<OpenLineageEvent.InputField>> columnLineage(Fields fields, JsonNode facet, String path) {
        if (facet == null) {
            return null;
        }
        JsonNode outputs = facet.get("fields");
        if (outputs == null || !outputs.isObject()) {
            fields.error(path + ".fields", "must be an object mapping each output field to its inputFields");
            return null;
        }
        Map<String, List<OpenLineageEvent.InputField>> lineage = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String fieldPath = path + ".fields." + entry.getKey();
            JsonNode inputFields = entry.getValue().isObject() ? entry.getValue().get("inputFields") : null;
            if (inputFields == null || !inputFields.isArray()) {
                fields.error(fieldPath + ".inputFields", "must be an array of {namespace, name, field}");
                continue;
            }
            List<OpenLineageEvent.InputField> sources = new ArrayList<>();
            for (int i = 0; i < inputFields.size(); i++) {
                String inputPath = fieldPath + ".inputFields[" + i + "]";
                JsonNode input = inputFields.get(i);
                if (!input.isObject()) {
                    fields.error(inputPath, "must be an object {namespace, name, field}");
                    continue;
                }
                String namespace = fields.requiredText(input, "namespace", inputPath + ".namespace");
                String name = fields.requiredText(input, "name", inputPath + ".name");
                String field = fields.requiredText(input, "field", inputPath + ".field");
                if (namespace != null && name != null && field != null && feedsValue(input.get("transformations"))) {
                    sources.add(new OpenLineageEvent.InputField(namespace, name, field));
                }
            }
            lineage.put(entry.getKey(), sources);
        }
        return lineage;
    }

    /**
     * Whether an input field feeds the output's value, by the same rule the SQL extractor keeps:
     * direct transformations do, and so do CASE conditions and window partitions and orders;
     * columns used only to filter, join, group or sort do not. An input without transformations
     * (the facet before they existed) counts.
     */
    static boolean feedsValue(JsonNode transformations) {
        if (transformations == null || !transformations.isArray() || transformations.isEmpty()) {
            return true;
        }
        for (JsonNode transformation : transformations) {
            String type = transformation.path("type").asText("").toUpperCase(Locale.ROOT);
            String subtype = transformation.path("subtype").asText("").toUpperCase(Locale.ROOT);
            if (type.equals("DIRECT") || subtype.equals("WINDOW") || subtype.equals("CONDITIONAL")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode facet(JsonNode facets, String name) {
        if (facets == null) {
            return null;
        }
        JsonNode facet = facets.get(name);
        if (facet == null || !facet.isObject() || facet.path("_deleted").asBoolean(false)) {
            return null;
        }
        return facet;
    }

    /** Reads fields of one event, recording what is wrong under the event's prefix. */
    private record Fields(String prefix, List<FieldError> errors) {
        void error(String field, String reason) {
            errors.add(new FieldError(prefix + field, reason));
        }

        String requiredText(JsonNode node, String key) {
            return requiredText(node, key, key);
        }

        String requiredText(JsonNode node, String key, String path) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                error(path, "is required");
                return null;
            }
            if (!value.isTextual()) {
                error(path, "must be a string");
                return null;
            }
            if (value.asText().isBlank()) {
                error(path, "must not be blank");
                return null;
            }
            return value.asText();
        }

        String optionalText(JsonNode node, String key) {
            return optionalText(node, key, key);
        }

        String optionalText(JsonNode node, String key, String path) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                error(path, "must be a string");
                return null;
            }
            return value.asText();
        }

        Instant instant(JsonNode node, String key) {
            String text = requiredText(node, key);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                error(key, "must be an ISO-8601 timestamp with an offset such as 2026-01-01T08:00:00Z, was '" + text + "'");
                return null;
            }
        }

        JsonNode object(JsonNode node, String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    error(key, "is required");
                }
                return null;
            }
            if (!value.isObject()) {
                error(key, "must be an object");
                return null;
            }
            return value;
        }

        JsonNode facets(JsonNode node, String path) {
            JsonNode value = node.get("facets");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                error(path, "must be an object of facets");
                return null;
            }
            return value;
        }
    }
}
