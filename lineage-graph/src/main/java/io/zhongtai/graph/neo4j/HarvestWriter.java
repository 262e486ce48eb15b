package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.ForeignKey;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestPlan;
import io.zhongtai.core.harvest.HarvestPlanner;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.harvest.PlannedWrite;
import io.zhongtai.core.harvest.StoredAsset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a harvest inside one transaction: reads what the warehouse holds, lets {@link
 * HarvestPlanner} decide what changed, and writes only that, in UNWIND batches, parents before
 * children, with the change events beside it.
 */
final class HarvestWriter {
    /** Versioned properties that harvests own; a missing one is removed from the node. */
    static final List<String> HARVESTED = List.of(
            "tableKind",
            "sourceDescription",
            "viewSql",
            "primaryKey",
            "indexes",
            "dataType",
            "nullable",
            "position",
            "defaultValue",
            HarvestPlanner.CLASSIFICATION);

    /** The digest of an asset's versioned fields as last written (see {@link HarvestPlanner#fingerprint}). */
    static final String FINGERPRINT = "fingerprint";

    private static final List<AssetType> ORDER = List.of(AssetType.SCHEMA, AssetType.TABLE, AssetType.VIEW, AssetType.COLUMN);
    private static final int BATCH = 5_000;

    private HarvestWriter() {}

    static HarvestResult apply(TransactionContext tx, HarvestBatch batch, HarvestPolicy policy, Instant now, String by) {
        AssetId warehouse = AssetId.of(AssetType.WAREHOUSE, batch.warehouse());
        tx.run(
                        "MERGE (w:Asset:Warehouse {id: $id}) ON CREATE SET w.type = 'warehouse', w.name = $name, "
                                + "w.qualifiedName = $name, w.warehouse = $name, w.version = 1, w.deleted = false, "
                                + "w.createdAt = $now, w.updatedAt = $now",
                        Map.of("id", warehouse.toString(), "name", batch.warehouse(), "now", now.toEpochMilli()))
                .consume();
        Map<AssetId, Map<String, Object>> harvested = HarvestPlanner.fieldsOf(batch);
        Stored stored = readStored(tx, batch.warehouse(), harvested);
        HarvestPlan plan = HarvestPlanner.plan(batch, stored.assets());
        policy.check(batch.warehouse(), plan);
        for (AssetType type : ORDER) {
            List<Map<String, Object>> created = new ArrayList<>();
            List<Map<String, Object>> updated = new ArrayList<>();
            for (PlannedWrite write : plan.writes()) {
                if (write.id().type() == type && write.kind() != ChangeKind.REMOVED) {
                    (write.kind() == ChangeKind.CREATED ? created : updated).add(upsertRow(write));
                }
            }
            create(tx, type, created, now);
            update(tx, type, updated, now);
        }
        List<Map<String, Object>> removals = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            if (write.kind() == ChangeKind.REMOVED) {
                removals.add(Map.of("id", write.id().toString(), "version", write.version()));
            }
        }
        inBatches(removals, rows -> tx.run(
                        "UNWIND $rows AS row MATCH (a:Asset {id: row.id}) "
                                + "SET a.deleted = true, a.version = row.version, a.updatedAt = $now",
                        Map.of("rows", rows, "now", now.toEpochMilli()))
                .consume());
        List<Map<String, Object>> statistics = new ArrayList<>();
        plan.statistics().forEach((id, stats) -> statistics.add(Map.of("id", id.toString(), "stats", stats)));
        inBatches(statistics, rows -> tx.run(
                        "UNWIND $rows AS row MATCH (a:Asset {id: row.id}) SET a += row.stats "
                                + "FOREACH (profiled IN CASE WHEN row.stats.profileSampledRows IS NULL THEN [] ELSE [1] END | "
                                + "SET a.profiledAt = $now)",
                        Map.of("rows", rows, "now", now.toEpochMilli()))
                .consume());
        List<String> retagged = new ArrayList<>();
        List<ChangeLogWriter.Pending> events = new ArrayList<>(writeAutomaticTags(tx, plan, now, retagged));
        writeMissingFingerprints(tx, plan, stored.fingerprintsToWrite());
        writeForeignKeys(tx, batch.warehouse(), plan.foreignKeys());
        plan.writes().stream()
                .map(write -> new ChangeLogWriter.Pending(
                        write.id(), write.version(), write.kind(), write.changes(), write.breaking()))
                .forEach(events::add);
        ChangeLogWriter.append(tx, events, now, by);
        List<String> originsChanged = new ArrayList<>(retagged);
        plan.writes().stream()
                .filter(write -> write.id().type() == AssetType.COLUMN && write.kind() == ChangeKind.REMOVED)
                .forEach(write -> originsChanged.add(write.id().toString()));
        TagPropagation.recompute(tx, originsChanged, now, by);
        return plan.result();
    }

    private static Map<String, Object> upsertRow(PlannedWrite write) {
        Map<String, Object> props = new HashMap<>();
        for (String key : HARVESTED) {
            props.put(key, write.fields().get(key)); // null removes the property
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", write.id().toString());
        row.put("type", write.id().type().value());
        row.put("name", write.id().name());
        row.put("qualifiedName", write.id().qualifiedName());
        row.put("warehouse", write.id().warehouse());
        row.put("parentId", write.parent().toString());
        row.put("version", write.version());
        props.put(FINGERPRINT, HarvestPlanner.fingerprint(write.fields()));
        row.put("props", props);
        return row;
    }

    /** The label of a harvested type; it comes from the enum, never from input. */
    private static String label(AssetType type) {
        return switch (type) {
            case SCHEMA -> "Schema";
            case TABLE -> "Table";
            case VIEW -> "View";
            case COLUMN -> "Column";
            default -> throw new IllegalArgumentException("not harvested: " + type);
        };
    }

    /** New assets: the planner saw no node with their id, so CREATE, which is far cheaper than MERGE. */
    private static void create(TransactionContext tx, AssetType type, List<Map<String, Object>> rows, Instant now) {
        String query = "UNWIND $rows AS row "
                + "MATCH (p:Asset {id: row.parentId}) "
                + "CREATE (a:Asset:" + label(type) + " {id: row.id, type: row.type, name: row.name, "
                + "qualifiedName: row.qualifiedName, warehouse: row.warehouse, parentId: row.parentId, "
                + "version: row.version, deleted: false, createdAt: $now, updatedAt: $now}) "
                + "SET a += row.props "
                + "CREATE (p)-[:CONTAINS]->(a)";
        inBatches(rows, batch -> tx.run(query, Map.of("rows", batch, "now", now.toEpochMilli())).consume());
    }

    /** Changed or restored assets; a column may have moved to a table or view of the same name. */
    private static void update(TransactionContext tx, AssetType type, List<Map<String, Object>> rows, Instant now) {
        String query = "UNWIND $rows AS row "
                + "MATCH (a:Asset {id: row.id}) "
                + "SET a:" + label(type) + ", a += row.props, a.version = row.version, a.deleted = false, "
                + "a.updatedAt = $now, a.parentId = row.parentId, a.external = null "
                + "WITH a, row "
                + "OPTIONAL MATCH (old)-[r:CONTAINS]->(a) WHERE old.id <> row.parentId DELETE r "
                + "WITH DISTINCT a, row "
                + "MATCH (p:Asset {id: row.parentId}) MERGE (p)-[:CONTAINS]->(a)";
        inBatches(rows, batch -> tx.run(query, Map.of("rows", batch, "now", now.toEpochMilli())).consume());
    }

    /**
     * The classifier's verdict on each written column becomes an automatic {@code pii} tag with
     * its kind. Manual tags are separate relationships, never touched here, and win on display.
     * The {@code pii} tag itself is created (or restored) on first use, with its change event,
     * which is returned for the caller to append. The columns whose automatic tag was written or
     * withdrawn are added to {@code retagged}.
     */
    private static List<ChangeLogWriter.Pending> writeAutomaticTags(
            TransactionContext tx, HarvestPlan plan, Instant now, List<String> retagged) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            if (write.id().type() != AssetType.COLUMN || write.kind() == ChangeKind.REMOVED) {
                continue;
            }
            Object verdict = write.fields().get(HarvestPlanner.CLASSIFICATION);
            String kind = verdict instanceof String text && text.startsWith("pii:") ? text.substring(4) : null;
            // a new column has no tag to withdraw: only personal ones need a write
            if (kind != null || write.kind() != ChangeKind.CREATED) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", write.id().toString());
                row.put("kind", kind);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<ChangeLogWriter.Pending> events = new ArrayList<>();
        if (rows.stream().anyMatch(row -> row.get("kind") != null)) {
            Record tag = tx.run(
                            "OPTIONAL MATCH (old:Asset {id: 'tag:pii'}) "
                                    + "WITH old IS NULL AS created, coalesce(old.deleted, false) AS restored "
                                    + "MERGE (t:Asset:Tag {id: 'tag:pii'}) ON CREATE SET t.type = 'tag', t.name = 'pii', "
                                    + "t.qualifiedName = 'pii', "
                                    + "t.description = 'Personal data: names, contact details, identity and card numbers, addresses', "
                                    + "t.synonyms = ['personal data', '个人信息', '敏感数据'], t.version = 1, t.deleted = false, "
                                    + "t.createdAt = $now, t.updatedAt = $now "
                                    + "WITH t, created, restored "
                                    + "FOREACH (x IN CASE WHEN restored THEN [1] ELSE [] END | "
                                    + "SET t.deleted = false, t.version = t.version + 1, t.updatedAt = $now) "
                                    + "RETURN created, restored, t.version AS version",
                            Map.of("now", now.toEpochMilli()))
                    .single();
            if (tag.get("created").asBoolean() || tag.get("restored").asBoolean()) {
                boolean created = tag.get("created").asBoolean();
                events.add(new ChangeLogWriter.Pending(
                        AssetId.of(AssetType.TAG, "pii"),
                        tag.get("version").asLong(),
                        created ? ChangeKind.CREATED : ChangeKind.RESTORED,
                        List.of(created
                                ? new io.zhongtai.core.change.Change("name", null, "pii")
                                : new io.zhongtai.core.change.Change("deleted", true, false)),
                        false));
            }
        }
        inBatches(rows, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (a:Asset {id: row.id}) "
                                + "OPTIONAL MATCH (a)-[r:TAGGED {source: 'automatic'}]->(:Tag {id: 'tag:pii'}) DELETE r "
                                + "WITH DISTINCT a, row WHERE row.kind IS NOT NULL "
                                + "MATCH (t:Tag {id: 'tag:pii'}) CREATE (a)-[:TAGGED {source: 'automatic', kind: row.kind}]->(t)",
                        Map.of("rows", batch))
                .consume());
        rows.forEach(row -> retagged.add((String) row.get("id")));
        return events;
    }

    private static void writeForeignKeys(TransactionContext tx, String warehouse, List<ForeignKey> keys) {
        tx.run(
                        "MATCH (c:Column {warehouse: $warehouse})-[r:REFERENCES]->() DELETE r",
                        Map.of("warehouse", warehouse))
                .consume();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ForeignKey key : keys) {
            for (int i = 0; i < key.columns().size(); i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("from", key.columns().get(i).toString());
                row.put("to", key.referencedColumns().get(i).toString());
                row.put("name", key.name());
                rows.add(row);
            }
        }
        inBatches(rows, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (f:Column {id: row.from}) MATCH (t:Column {id: row.to}) "
                                + "CREATE (f)-[:REFERENCES {name: row.name}]->(t)",
                        Map.of("rows", batch))
                .consume());
    }

    /** What the store holds of a warehouse, and the fingerprints that are stale though nothing changed. */
    record Stored(Map<AssetId, StoredAsset> assets, Map<AssetId, String> fingerprintsToWrite) {}

    /**
     * Every stored schema, table, view and column of the warehouse. Each asset's fingerprint is
     * compared with the harvested fields' first: only assets that differ (or are deleted, or have
     * no fingerprint yet) are read in full, since for the others the harvested fields are the
     * stored ones. That keeps an unchanged crawl of a large warehouse to one light query.
     */
    static Stored readStored(TransactionContext tx, String warehouse, Map<AssetId, Map<String, Object>> harvested) {
        List<Record> light = tx.run(
                        "MATCH (a:Asset {warehouse: $warehouse}) WHERE a.type IN ['schema', 'table', 'view', 'column'] "
                                + "RETURN a.id AS id, a.version AS version, a.deleted AS deleted, a." + FINGERPRINT + " AS fingerprint, "
                                + "coalesce(a.external, false) AS external",
                        Map.of("warehouse", warehouse))
                .list();
        Map<AssetId, StoredAsset> stored = new HashMap<>();
        Map<AssetId, String> fingerprintsToWrite = new HashMap<>();
        List<String> fullRead = new ArrayList<>();
        for (Record record : light) {
            AssetId id = AssetId.parse(record.get("id").asString());
            long version = record.get("version").asLong();
            boolean deleted = record.get("deleted").asBoolean(false);
            Map<String, Object> fields = harvested.get(id);
            String fingerprint = AssetRows.nullableString(record.get("fingerprint"));
            if (fields != null && !deleted && HarvestPlanner.fingerprint(fields).equals(fingerprint)) {
                stored.put(id, new StoredAsset(id, version, false, fields));
            } else if (fields != null) {
                fullRead.add(id.toString());
                if (!deleted) {
                    fingerprintsToWrite.put(id, HarvestPlanner.fingerprint(fields));
                }
            } else if (!record.get("external").asBoolean()) {
                // not harvested: a removal candidate, which needs no fields (external assets are
                // lineage's claim, not the crawler's, so a crawl that misses them leaves them)
                stored.put(id, new StoredAsset(id, version, deleted, Map.of()));
            }
        }
        readFullFields(tx, fullRead).forEach(stored::put);
        return new Stored(stored, fingerprintsToWrite);
    }

    /** The stored versioned fields of the given assets, a table's including its live columns' types. */
    private static Map<AssetId, StoredAsset> readFullFields(TransactionContext tx, List<String> ids) {
        Map<AssetId, StoredAsset> stored = new HashMap<>();
        String fields = String.join(", ", HARVESTED.stream().map(k -> "." + k).toList());
        inBatches(ids, batch -> {
            for (Record record : tx.run(
                            "UNWIND $ids AS id MATCH (a:Asset {id: id}) "
                                    + "RETURN a.id AS id, a.version AS version, a.deleted AS deleted, a {" + fields + "} AS fields, "
                                    + "[(a)-[:CONTAINS]->(c:Column) WHERE NOT coalesce(c.deleted, false) | [c.name, c.dataType]] AS columns",
                            Map.of("ids", batch))
                    .list()) {
                Map<String, Object> values = new HashMap<>();
                record.get("fields").asMap().forEach((key, value) -> {
                    if (value != null) {
                        values.put(key, value);
                    }
                });
                String id = record.get("id").asString();
                if (!id.startsWith("column:")) {
                    for (List<Object> column : record.get("columns").asList(value -> value.asList())) {
                        values.put(HarvestPlanner.COLUMN_FIELD_PREFIX + column.get(0), column.get(1));
                    }
                }
                AssetId assetId = AssetId.parse(id);
                stored.put(assetId, new StoredAsset(
                        assetId, record.get("version").asLong(), record.get("deleted").asBoolean(false), values));
            }
        });
        return stored;
    }

    /** Assets stored before fingerprints existed, or changed outside a crawl, get theirs without a version. */
    private static void writeMissingFingerprints(TransactionContext tx, HarvestPlan plan, Map<AssetId, String> fingerprints) {
        Set<AssetId> written = new HashSet<>();
        plan.writes().forEach(write -> written.add(write.id()));
        List<Map<String, Object>> rows = new ArrayList<>();
        fingerprints.forEach((id, fingerprint) -> {
            if (!written.contains(id)) {
                rows.add(Map.of("id", id.toString(), "fingerprint", fingerprint));
            }
        });
        inBatches(rows, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (a:Asset {id: row.id}) SET a." + FINGERPRINT + " = row.fingerprint",
                        Map.of("rows", batch))
                .consume());
    }

    static <T> void inBatches(List<T> rows, java.util.function.Consumer<List<T>> writer) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            writer.accept(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
