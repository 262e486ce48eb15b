package io.zhongtai.crawlers.dbt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.TextPosition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dbt {@code manifest.json} and, optionally, the {@code catalog.json} that
 * {@code dbt docs generate} writes beside it. A manifest is checked before anything is imported:
 * it must declare a manifest schema ({@code metadata.dbt_schema_version}, v10 to v12 read), and
 * every model, seed, snapshot and source must have the fields that place it in the warehouse.
 * Errors name the field as a JSON path ({@code nodes["model.shop.orders"].schema}).
 */
public final class DbtManifests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MANIFEST_VERSION = Pattern.compile("/manifest/v(\\d+)\\.json$");
    private static final int OLDEST_VERSION = 10;
    private static final int MAX_ERRORS = 50;

    private DbtManifests() {}

    /**
     * @param manifest the manifest's JSON
     * @param catalog the catalog's JSON, or null
     */
    public static DbtManifest parse(String manifest, String catalog) {
        return parse(tree(manifest, "manifest"), catalog == null ? null : tree(catalog, "catalog"));
    }

    /** Reads already parsed JSON (the import API takes both files in one body). */
    public static DbtManifest parse(JsonNode manifest, JsonNode catalog) {
        List<FieldError> errors = new ArrayList<>();
        if (manifest == null || !manifest.isObject()) {
            throw CatalogException.invalid("manifest", "must be a dbt manifest.json object");
        }
        String schemaVersion = manifest.path("metadata").path("dbt_schema_version").asText(null);
        if (schemaVersion == null) {
            throw CatalogException.invalid(
                    "manifest.metadata.dbt_schema_version",
                    "is missing: is this a dbt manifest.json (https://schemas.getdbt.com/dbt/manifest/v12.json)?");
        }
        Matcher version = MANIFEST_VERSION.matcher(schemaVersion);
        if (!version.find() || Integer.parseInt(version.group(1)) < OLDEST_VERSION) {
            throw CatalogException.invalid(
                    "manifest.metadata.dbt_schema_version",
                    "is '" + schemaVersion + "'; manifests of schema v" + OLDEST_VERSION + " to v12 (dbt 1.6 and later) are read");
        }
        if (catalog != null && !catalog.isNull() && !catalog.isObject()) {
            throw CatalogException.invalid("catalog", "must be a dbt catalog.json object");
        }
        Map<String, Map<String, CatalogColumn>> catalogColumns = catalogColumns(catalog);
        Map<String, DbtManifest.Node> nodes = new LinkedHashMap<>();
        List<DbtManifest.Test> tests = new ArrayList<>();
        int singularTests = 0;
        JsonNode manifestNodes = manifest.get("nodes");
        if (manifestNodes == null || !manifestNodes.isObject()) {
            throw CatalogException.invalid("manifest.nodes", "must be the object of the project's nodes");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = manifestNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "manifest.nodes[\"" + entry.getKey() + "\"]";
            JsonNode node = entry.getValue();
            String resourceType = node.path("resource_type").asText("");
            switch (resourceType) {
                case "model", "seed", "snapshot" -> {
                    DbtManifest.Node read = node(entry.getKey(), node, path, catalogColumns, errors);
                    if (read != null && node.path("config").path("enabled").asBoolean(true)) {
                        nodes.put(read.uniqueId(), read);
                    }
                }
                case "test" -> {
                    JsonNode metadata = node.get("test_metadata");
                    if (metadata == null || metadata.isNull()) {
                        singularTests++;
                    } else {
                        test(entry.getKey(), node, metadata, path, errors).ifPresent(tests::add);
                    }
                }
                case "" -> errors.add(new FieldError(path + ".resource_type", "is required"));
                default -> {
                    // analyses, operations, sql operations, unit tests: no dataset
                }
            }
        }
        JsonNode sources = manifest.get("sources");
        if (sources != null && !sources.isNull()) {
            if (!sources.isObject()) {
                throw CatalogException.invalid("manifest.sources", "must be the object of the project's sources");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String path = "manifest.sources[\"" + entry.getKey() + "\"]";
                DbtManifest.Node read = node(entry.getKey(), entry.getValue(), path, catalogColumns, errors);
                if (read != null) {
                    nodes.put(read.uniqueId(), read);
                }
            }
        }
        if (!errors.isEmpty()) {
            List<FieldError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed dbt manifest: " + shown.get(0).field() + " " + shown.get(0).reason()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + "; nothing was imported",
                    shown);
        }
        JsonNode metadata = manifest.path("metadata");
        return new DbtManifest(
                text(metadata, "project_name"), text(metadata, "adapter_type"), nodes, tests, singularTests);
    }

    private static DbtManifest.Node node(
            String uniqueId, JsonNode node, String path, Map<String, Map<String, CatalogColumn>> catalog, List<FieldError> errors) {
        String resourceType = node.path("resource_type").asText("");
        DbtManifest.ResourceType type;
        try {
            type = DbtManifest.ResourceType.valueOf(resourceType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path + ".resource_type", "is model, seed, snapshot or source, not '" + resourceType + "'"));
            return null;
        }
        String name = required(node, "name", path, errors);
        String schema = required(node, "schema", path, errors);
        if (name == null || schema == null) {
            return null;
        }
        JsonNode config = node.path("config");
        String relation = type == DbtManifest.ResourceType.SOURCE
                ? firstText(node, "identifier", "name")
                : firstText(node, "alias", "name");
        String materialized = switch (type) {
            case MODEL -> config.path("materialized").asText("view");
            case SEED, SNAPSHOT -> "table";
            case SOURCE -> null;
        };
        String owner = firstNonBlank(
                text(node.path("meta"), "owner"),
                text(config.path("meta"), "owner"),
                text(node.path("source_meta"), "owner"));
        List<String> tags = strings(node.get("tags"));
        if (tags.isEmpty()) {
            tags = strings(config.get("tags"));
        }
        List<DbtManifest.Column> columns = columns(node.get("columns"), catalog.get(uniqueId), path, errors);
        List<String> dependsOn = strings(node.path("depends_on").get("nodes"));
        String description = text(node, "description");
        return new DbtManifest.Node(
                uniqueId,
                type,
                text(node, "package_name"),
                name,
                node.hasNonNull("version") ? node.get("version").asText() : null,
                text(node, "database"),
                schema,
                relation,
                materialized,
                blankToNull(description),
                tags,
                owner,
                columns,
                dependsOn,
                blankToNull(text(node, "compiled_code")),
                text(node, "original_file_path"));
    }

    private record CatalogColumn(String name, String type, int index) {}

    private static List<DbtManifest.Column> columns(
            JsonNode documented, Map<String, CatalogColumn> catalog, String path, List<FieldError> errors) {
        Map<String, DbtManifest.Column> columns = new LinkedHashMap<>();
        if (documented != null && !documented.isNull()) {
            if (!documented.isObject()) {
                errors.add(new FieldError(path + ".columns", "must be an object of columns by name"));
                return List.of();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = documented.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode column = entry.getValue();
                String name = firstText(column, "name", null);
                if (name == null) {
                    name = entry.getKey();
                }
                columns.put(name.toLowerCase(Locale.ROOT), new DbtManifest.Column(
                        name, blankToNull(text(column, "description")), text(column, "data_type"), strings(column.get("tags"))));
            }
        }
        if (catalog != null) {
            List<CatalogColumn> ordered = new ArrayList<>(catalog.values());
            ordered.sort((a, b) -> Integer.compare(a.index(), b.index()));
            Map<String, DbtManifest.Column> byCatalog = new LinkedHashMap<>();
            for (CatalogColumn column : ordered) {
                String key = column.name().toLowerCase(Locale.ROOT);
                DbtManifest.Column known = columns.remove(key);
                byCatalog.put(key, known == null
                        ? new DbtManifest.Column(column.name(), null, column.type(), List.of())
                        : new DbtManifest.Column(known.name(), known.description(), column.type(), known.tags()));
            }
            byCatalog.putAll(columns); // documented but not in the warehouse: kept after the real ones
            columns = byCatalog;
        }
        return List.copyOf(columns.values());
    }

    private static Optional<DbtManifest.Test> test(
            String uniqueId, JsonNode node, JsonNode metadata, String path, List<FieldError> errors) {
        String name = text(metadata, "name");
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(path + ".test_metadata.name", "is required"));
            return Optional.empty();
        }
        String attached = text(node, "attached_node");
        if (attached == null) {
            attached = strings(node.path("depends_on").get("nodes")).stream()
                    .filter(id -> !id.startsWith("macro."))
                    .findFirst()
                    .orElse(null);
        }
        if (attached == null) {
            return Optional.empty();
        }
        String column = blankToNull(text(node, "column_name"));
        if (column == null) {
            column = blankToNull(text(metadata.path("kwargs"), "column_name"));
        }
        return Optional.of(new DbtManifest.Test(uniqueId, name, attached, column));
    }

    private static Map<String, Map<String, CatalogColumn>> catalogColumns(JsonNode catalog) {
        Map<String, Map<String, CatalogColumn>> byNode = new LinkedHashMap<>();
        if (catalog == null || catalog.isNull()) {
            return byNode;
        }
        for (String section : List.of("nodes", "sources")) {
            JsonNode nodes = catalog.get(section);
            if (nodes == null || !nodes.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Map<String, CatalogColumn> columns = new LinkedHashMap<>();
                JsonNode catalogColumns = entry.getValue().get("columns");
                if (catalogColumns != null && catalogColumns.isObject()) {
                    int position = 0;
                    for (Iterator<Map.Entry<String, JsonNode>> c = catalogColumns.fields(); c.hasNext(); ) {
                        Map.Entry<String, JsonNode> column = c.next();
                        String name = firstText(column.getValue(), "name", null);
                        name = name == null ? column.getKey() : name;
                        int index = column.getValue().path("index").asInt(++position);
                        columns.put(name.toLowerCase(Locale.ROOT), new CatalogColumn(name, text(column.getValue(), "type"), index));
                    }
                }
                byNode.put(entry.getKey(), columns);
            }
        }
        return byNode;
    }

    private static JsonNode tree(String json, String field) {
        if (json == null || json.isBlank()) {
            throw CatalogException.invalid(field, "is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            TextPosition position = location == null || location.getLineNr() < 1
                    ? null
                    : new TextPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed JSON in the " + field
                            + (position == null ? "" : " at line " + position.line() + ", column " + position.column())
                            + ": " + e.getOriginalMessage(),
                    position,
                    e);
        }
    }

    private static String required(JsonNode node, String key, String path, List<FieldError> errors) {
        String value = text(node, key);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(path + "." + key, "is required"));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String firstText(JsonNode node, String first, String second) {
        String value = blankToNull(text(node, first));
        return value != null || second == null ? value : blankToNull(text(node, second));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
