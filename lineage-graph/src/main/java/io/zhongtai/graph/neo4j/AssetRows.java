package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Maps asset nodes, with their owners, tags, terms and domain, to {@link Asset} records. */
final class AssetRows {
    /** Appended to a query that has bound {@code a}: everything {@link #toAsset} reads. */
    static final String PROJECTION = "a AS a, "
            + "[(a)-[:OWNED_BY]->(o) | o {.id, .displayName}] AS owners, "
            + "[(a)-[t:TAGGED]->(g) | {name: g.name, kind: t.kind, source: t.source}] AS tags, "
            + "[(a)-[:HAS_TERM]->(x) | x.name] AS terms, "
            + "[(a)-[:IN_DOMAIN]->(d) | d.name] AS domains";

    /** Harvested and descriptive properties shown as attributes; internals and secrets never are. */
    static final List<String> ATTRIBUTES = List.of(
            "tableKind",
            "viewSql",
            "primaryKey",
            "indexes",
            "rowCount",
            "sizeBytes",
            "dataType",
            "nullable",
            "position",
            "defaultValue",
            "classification",
            "profileSampledRows",
            "profileNullFraction",
            "profileDistinctCount",
            "profileMin",
            "profileMax",
            "profileTopValues",
            "profileTopCounts",
            "profiledAt",
            "displayName",
            "email",
            "synonyms",
            "sql",
            "origin",
            "external",
            "lastRunState",
            "lastRunAt",
            "lastLoadedAt",
            "lastReadOn",
            "expectedIntervalHours",
            // read by search when present: other names (a metric's labels), certification,
            // deprecation, and usage from query logs
            "labels",
            "certified",
            "deprecated",
            "status",
            "reads",
            "metricType",
            "unit");

    private AssetRows() {}

    /**
     * Appended to a query that has bound {@code a}: the live columns of a table or view, each a
     * map that {@link #toAsset} reads like a row of {@link #PROJECTION} (empty for other types).
     */
    static final String COLUMNS = "[(a)-[:CONTAINS]->(c:Column) WHERE NOT coalesce(c.deleted, false) | {a: c, "
            + "owners: [(c)-[:OWNED_BY]->(o) | o {.id, .displayName}], "
            + "tags: [(c)-[t:TAGGED]->(g) | {name: g.name, kind: t.kind, source: t.source}], "
            + "terms: [(c)-[:HAS_TERM]->(x) | x.name], "
            + "domains: [(c)-[:IN_DOMAIN]->(d) | d.name]}] AS columns";

    /** A row of {@link #PROJECTION}, or one entry of {@link #COLUMNS}. */
    static Asset toAsset(MapAccessor record) {
        Node node = record.get("a").asNode();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String key : ATTRIBUTES) {
            if (node.containsKey(key) && !node.get(key).isNull()) {
                attributes.put(key, node.get(key).asObject());
            }
        }
        List<OwnerRef> owners = record.get("owners").asList(value -> new OwnerRef(
                        AssetId.parse(value.get("id").asString()), nullableString(value.get("displayName"))))
                .stream()
                .sorted(Comparator.comparing(owner -> owner.id().toString()))
                .toList();
        List<TagAssignment> tags = manualWins(record.get("tags").asList(value -> new TagAssignment(
                value.get("name").asString(),
                nullableString(value.get("kind")),
                TagSource.fromValue(value.get("source").asString()))));
        List<String> terms = record.get("terms").asList(Value::asString).stream().sorted().toList();
        List<String> domains = record.get("domains").asList(Value::asString);
        String description = nullableString(node.get("description"));
        if (description == null) {
            description = nullableString(node.get("sourceDescription"));
        }
        return new Asset(
                AssetId.parse(node.get("id").asString()),
                description,
                owners,
                tags,
                terms,
                domains.isEmpty() ? null : domains.get(0),
                node.get("version").asLong(1),
                instant(node.get("createdAt")),
                instant(node.get("updatedAt")),
                node.get("deleted").asBoolean(false),
                attributes);
    }

    /** A steward's tag hides an automatic or propagated one of the same name. */
    private static List<TagAssignment> manualWins(List<TagAssignment> tags) {
        Map<String, TagAssignment> byName = new LinkedHashMap<>();
        tags.stream()
                .sorted(Comparator.comparing(TagAssignment::name).thenComparing(tag -> tag.source().ordinal()))
                .forEach(tag -> byName.putIfAbsent(tag.name(), tag));
        return List.copyOf(byName.values());
    }

    static String nullableString(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    static Instant instant(Value value) {
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.asLong());
    }
}
