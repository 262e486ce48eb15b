package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Keeps propagated tags true to the column lineage: a column carries a propagated tag exactly
 * when some column upstream of it (by any path) carries that tag manually or automatically and
 * the tag propagates ({@code pii}, or a tag whose node has {@code propagate = true}). Called
 * inside the transaction that changed edges or origin tags, with the columns whose upstream may
 * have changed; everything downstream of them is recomputed and each column whose propagated
 * tags changed gets a new version and a change event.
 */
final class TagPropagation {
    /** How far tags travel; also bounds the walks that find what to recompute. */
    static final int MAX_HOPS = 20;

    private TagPropagation() {}

    static void recompute(TransactionContext tx, Collection<String> changedColumns, Instant now, String by) {
        if (changedColumns.isEmpty()) {
            return;
        }
        List<String> affected = tx.run(
                        "UNWIND $ids AS id MATCH (c:Column {id: id}) "
                                + "OPTIONAL MATCH (c)-[:FEEDS*1.." + MAX_HOPS + "]->(d:Column) "
                                + "WITH collect(DISTINCT c.id) + collect(DISTINCT d.id) AS ids "
                                + "UNWIND ids AS id RETURN DISTINCT id",
                        Map.of("ids", List.copyOf(new TreeSet<>(changedColumns))))
                .list(record -> record.get("id").asString());
        if (affected.isEmpty()) {
            return;
        }
        Map<String, Map<String, Origin>> wanted = new HashMap<>();
        for (Record record : tx.run(
                        "UNWIND $ids AS id MATCH (c:Column {id: id}) "
                                + "MATCH (o:Column)-[:FEEDS*1.." + MAX_HOPS + "]->(c) "
                                + "WHERE NOT coalesce(o.deleted, false) WITH DISTINCT c, o "
                                + "MATCH (o)-[t:TAGGED]->(tag:Tag) WHERE t.source <> 'propagated' "
                                + "AND (tag.name = 'pii' OR tag.propagate = true) "
                                + "RETURN c.id AS column, tag.id AS tag, min(coalesce(t.kind, '')) AS kind, min(o.id) AS origin",
                        Map.of("ids", affected))
                .list()) {
            String kind = record.get("kind").asString();
            wanted.computeIfAbsent(record.get("column").asString(), k -> new TreeMap<>())
                    .put(record.get("tag").asString(), new Origin(kind.isEmpty() ? null : kind, record.get("origin").asString()));
        }
        Map<String, Map<String, Origin>> current = new HashMap<>();
        for (Record record : tx.run(
                        "UNWIND $ids AS id MATCH (c:Column {id: id})-[t:TAGGED {source: 'propagated'}]->(tag) "
                                + "RETURN c.id AS column, tag.id AS tag, t.kind AS kind, t.origin AS origin",
                        Map.of("ids", affected))
                .list()) {
            current.computeIfAbsent(record.get("column").asString(), k -> new TreeMap<>())
                    .put(record.get("tag").asString(), new Origin(
                            AssetRows.nullableString(record.get("kind")), AssetRows.nullableString(record.get("origin"))));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<ChangeLogWriter.Pending> events = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        for (Record record : tx.run(
                        "UNWIND $ids AS id MATCH (c:Column {id: id}) RETURN c.id AS id, c.version AS version",
                        Map.of("ids", affected))
                .list()) {
            versions.put(record.get("id").asString(), record.get("version").asLong(1));
        }
        for (String column : affected) {
            Map<String, Origin> before = current.getOrDefault(column, Map.of());
            Map<String, Origin> after = wanted.getOrDefault(column, Map.of());
            if (before.equals(after)) {
                continue;
            }
            boolean visible = !labels(before).equals(labels(after));
            List<Map<String, Object>> tags = new ArrayList<>();
            after.forEach((tag, origin) -> {
                Map<String, Object> row = new HashMap<>();
                row.put("tag", tag);
                row.put("kind", origin.kind());
                row.put("origin", origin.column());
                tags.add(row);
            });
            long version = versions.getOrDefault(column, 1L) + (visible ? 1 : 0);
            Map<String, Object> row = new HashMap<>();
            row.put("id", column);
            row.put("tags", tags);
            row.put("version", version);
            rows.add(row);
            if (!visible) {
                continue; // only the origin moved to another path: same tags, no new version
            }
            events.add(new ChangeLogWriter.Pending(
                    AssetId.parse(column),
                    version,
                    ChangeKind.UPDATED,
                    List.of(new Change("propagatedTags", labels(before), labels(after))),
                    false));
        }
        HarvestWriter.inBatches(rows, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (c:Column {id: row.id}) "
                                + "SET c.version = row.version, c.updatedAt = $now "
                                + "WITH c, row OPTIONAL MATCH (c)-[r:TAGGED {source: 'propagated'}]->() DELETE r "
                                + "WITH DISTINCT c, row UNWIND row.tags AS tag MATCH (t:Asset {id: tag.tag}) "
                                + "CREATE (c)-[:TAGGED {source: 'propagated', kind: tag.kind, origin: tag.origin}]->(t)",
                        Map.of("rows", batch, "now", now.toEpochMilli()))
                .consume());
        ChangeLogWriter.append(tx, events, now, by);
    }

    /** Tag names with their kinds, as shown in change events: {@code pii:email}. */
    private static List<String> labels(Map<String, Origin> tags) {
        Set<String> labels = new TreeSet<>();
        tags.forEach((tag, origin) -> {
            String name = AssetId.parse(tag).name();
            labels.add(origin.kind() == null ? name : name + ":" + origin.kind());
        });
        return List.copyOf(labels);
    }

    private record Origin(String kind, String column) {}
}
