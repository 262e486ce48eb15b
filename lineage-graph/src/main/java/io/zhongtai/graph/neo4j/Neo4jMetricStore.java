package io.zhongtai.graph.neo4j;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.metrics.MetricStore;
import io.zhongtai.core.metrics.StoredDefinition;
import io.zhongtai.core.metrics.StoredMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Neo4j adapter of the {@link MetricStore} port. A metric is an {@code (:Asset:Metric)} node,
 * {@code metric:<name>}, holding its description, owner ({@code OWNED_BY}), domain
 * ({@code IN_DOMAIN}), label and status; each version is a {@code (:MetricVersion)} node hanging
 * off it by {@code HAS_VERSION}; the columns and tables it reads point at it by {@code FEEDS}
 * edges with {@code level} {@code column} or {@code table} (and no {@code via}); every version
 * appends a change event in the same transaction. Semantic models and policies are
 * {@code (:MetricDefinition {kind, name})} nodes.
 *
 * <p>The FEEDS edges are written here by a method of this adapter while the lineage port of
 * catalog-core is being built; they take the same shape, so the two can be unified.
 */
public final class Neo4jMetricStore implements MetricStore {
    private final Neo4jGraph graph;

    public Neo4jMetricStore(Neo4jGraph graph) {
        this.graph = graph;
    }

    @Override
    public List<StoredMetric> latest() {
        return graph.read(tx -> tx.run("MATCH (a:Metric)-[:HAS_VERSION]->(v:MetricVersion) WITH a, max(v.version) AS latest "
                        + "MATCH (a)-[:HAS_VERSION]->(v:MetricVersion {version: latest}) RETURN v ORDER BY v.metric")
                .list(record -> toStored(record.get("v").asNode())));
    }

    @Override
    public List<StoredMetric> versions(String metric) {
        return graph.read(tx -> tx.run("MATCH (a:Asset {id: $id})-[:HAS_VERSION]->(v:MetricVersion) RETURN v "
                        + "ORDER BY v.version DESC", Map.of("id", metricId(metric)))
                .list(record -> toStored(record.get("v").asNode())));
    }

    @Override
    public void append(StoredMetric version, Actor actor) {
        graph.writeVoid(tx -> write(tx, version, actor));
    }

    private static void write(TransactionContext tx, StoredMetric version, Actor actor) {
        String id = metricId(version.name());
        long now = version.at().toEpochMilli();
        // the SET takes the node's write lock: concurrent writers of one metric queue here
        long latest = tx.run("MERGE (a:Asset {id: $id}) ON CREATE SET a.createdAt = $now, a.type = 'metric', "
                                + "a.name = $name, a.qualifiedName = $name, a.deleted = false "
                                + "SET a:Metric, a.lockedAt = $now "
                                + "WITH a OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:MetricVersion) RETURN coalesce(max(v.version), 0) AS latest",
                        Map.of("id", id, "now", now, "name", version.name()))
                .single().get("latest").asLong();
        if (version.version() != latest + 1) {
            throw new CatalogException(ErrorCode.LIFECYCLE_CONFLICT, "Metric '" + version.name() + "' changed meanwhile:"
                    + " its latest version is " + latest + ", not " + (version.version() - 1) + "; reload and try again");
        }
        StoredMetric.Facts facts = version.facts();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("now", now);
        params.put("metric", version.name());
        params.put("version", version.version());
        params.put("status", version.status());
        params.put("definition", version.definition());
        params.put("by", version.by());
        params.put("reason", version.reason());
        params.put("changes", ChangeLogWriter.toJson(version.changes()));
        params.put("type", facts.type());
        params.put("label", facts.label());
        params.put("labelZh", facts.labelZh());
        params.put("description", facts.description());
        params.put("unit", facts.unit());
        params.put("tags", facts.tags());
        params.put("columns", facts.columns().stream().map(AssetId::toString).toList());
        params.put("tables", facts.tables().stream().map(AssetId::toString).toList());
        params.put("views", facts.tables().stream()
                .map(t -> new AssetId(AssetType.VIEW, t.path()).toString()).toList());
        params.put("owner", facts.owner() == null ? null : facts.owner().toString());
        params.put("domain", facts.domain() == null ? null : "domain:" + facts.domain());
        tx.run("MATCH (a:Asset {id: $id}) "
                        + "CREATE (v:MetricVersion {metric: $metric, version: $version, status: $status, definition: $definition, "
                        + "by: $by, at: $now, reason: $reason, changes: $changes, type: $type, label: $label, "
                        + "labelZh: $labelZh, description: $description, unit: $unit, tags: $tags, owner: $owner, "
                        + "domain: $domain, columns: $columns, tables: $tables}) "
                        + "CREATE (a)-[:HAS_VERSION]->(v)", params)
                .consume();
        // the asset shows the latest version's facts
        tx.run("MATCH (a:Asset {id: $id}) SET a.description = $description, a.displayName = $label, "
                        + "a.metricType = $type, a.status = $status, a.unit = $unit, a.version = $version, a.updatedAt = $now, "
                        + "a.deleted = false "
                        + "WITH a OPTIONAL MATCH (a)-[r:OWNED_BY|IN_DOMAIN]->() DELETE r "
                        + "WITH DISTINCT a OPTIONAL MATCH (o:Asset {id: $owner}) FOREACH (x IN CASE WHEN o IS NULL THEN [] "
                        + "ELSE [o] END | MERGE (a)-[:OWNED_BY]->(x)) "
                        + "WITH DISTINCT a OPTIONAL MATCH (d:Asset {id: $domain}) FOREACH (x IN CASE WHEN d IS NULL THEN [] "
                        + "ELSE [d] END | MERGE (a)-[:IN_DOMAIN]->(x))", params)
                .consume();
        writeLineage(tx, params);
        ChangeKind kind = version.version() == 1 ? ChangeKind.CREATED : ChangeKind.UPDATED;
        ChangeLogWriter.append(tx, List.of(new ChangeLogWriter.Pending(AssetId.parse(id), version.version(), kind,
                version.changes(), false)), version.at(), actor.name());
    }

    /**
     * Replaces the FEEDS edges into the metric: from each column it reads ({@code level: 'column'})
     * and each table or view ({@code level: 'table'}); columns and tables not yet crawled get none.
     */
    private static void writeLineage(TransactionContext tx, Map<String, Object> params) {
        tx.run("MATCH (a:Asset {id: $id}) OPTIONAL MATCH (:Asset)-[r:FEEDS]->(a) DELETE r", params).consume();
        tx.run("MATCH (a:Asset {id: $id}) UNWIND $columns AS columnId MATCH (c:Asset {id: columnId}) "
                + "MERGE (c)-[r:FEEDS {level: 'column'}]->(a)", params).consume();
        tx.run("MATCH (a:Asset {id: $id}) UNWIND ($tables + $views) AS tableId MATCH (t:Asset {id: tableId}) "
                + "MERGE (t)-[r:FEEDS {level: 'table'}]->(a)", params).consume();
    }

    @Override
    public List<StoredDefinition> definitions() {
        return graph.read(tx -> tx.run("MATCH (d:MetricDefinition) RETURN d.kind AS kind, d.name AS name, "
                        + "d.definition AS definition ORDER BY d.kind, d.name")
                .list(r -> new StoredDefinition(r.get("kind").asString(), r.get("name").asString(),
                        r.get("definition").asString())));
    }

    @Override
    public void putDefinitions(List<StoredDefinition> definitions, List<String> removed, Actor actor) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredDefinition definition : definitions) {
            rows.add(Map.of("kind", definition.kind(), "name", definition.name(), "definition", definition.definition()));
        }
        List<Map<String, Object>> gone = new ArrayList<>();
        for (String key : removed) {
            int colon = key.indexOf(':');
            gone.add(Map.of("kind", key.substring(0, colon), "name", key.substring(colon + 1)));
        }
        long now = Instant.now().toEpochMilli();
        graph.writeVoid(tx -> {
            tx.run("UNWIND $rows AS row MERGE (d:MetricDefinition {kind: row.kind, name: row.name}) "
                    + "SET d.definition = row.definition, d.updatedAt = $now, d.updatedBy = $by",
                    Map.of("rows", rows, "now", now, "by", actor.name())).consume();
            tx.run("UNWIND $gone AS row MATCH (d:MetricDefinition {kind: row.kind, name: row.name}) DETACH DELETE d",
                    Map.of("gone", gone)).consume();
        });
    }

    private static String metricId(String name) {
        return AssetId.of(AssetType.METRIC, name).toString();
    }

    private static StoredMetric toStored(Node node) {
        return new StoredMetric(
                node.get("metric").asString(),
                node.get("version").asInt(),
                node.get("status").asString(),
                node.get("definition").asString(),
                node.get("by").asString(),
                Instant.ofEpochMilli(node.get("at").asLong()),
                AssetRows.nullableString(node.get("reason")),
                ChangeLogWriter.fromJson(node.get("changes").asString()),
                new StoredMetric.Facts(
                        node.get("type").asString(),
                        node.get("label").asString(),
                        AssetRows.nullableString(node.get("labelZh")),
                        AssetRows.nullableString(node.get("description")),
                        node.get("owner").isNull() ? null : AssetId.parse(node.get("owner").asString()),
                        node.get("domain").isNull() ? null : node.get("domain").asString().substring("domain:".length()),
                        strings(node.get("tags")),
                        AssetRows.nullableString(node.get("unit")),
                        strings(node.get("columns")).stream().map(AssetId::parse).toList(),
                        strings(node.get("tables")).stream().map(AssetId::parse).toList()));
    }

    private static List<String> strings(Value value) {
        return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
