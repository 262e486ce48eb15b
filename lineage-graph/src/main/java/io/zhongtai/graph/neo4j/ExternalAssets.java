package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.JobLineage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.TransactionContext;

/**
 * Creates the datasets and columns a lineage source names but no crawler has found yet, marked
 * {@code external}. A later crawl of their warehouse that finds them turns them into ordinary
 * crawled assets (same identifier, same node, edges kept); one that does not find them leaves
 * them alone, since the crawler never claimed them.
 */
final class ExternalAssets {
    private ExternalAssets() {}

    static void ensure(
            TransactionContext tx, JobLineage lineage, List<DatasetSketch> sketches, Instant now, List<ChangeLogWriter.Pending> events) {
        Map<AssetId, DatasetSketch> sketchOf = new HashMap<>();
        sketches.forEach(sketch -> sketchOf.put(sketch.id(), sketch));
        Set<AssetId> datasets = new TreeSet<>();
        datasets.addAll(lineage.inputs());
        datasets.addAll(lineage.outputs());
        datasets.addAll(sketchOf.keySet());
        Map<AssetId, Map<String, Object>> columns = new TreeMap<>();
        for (ColumnEdge edge : lineage.columns()) {
            columns.putIfAbsent(edge.source(), new HashMap<>());
            columns.putIfAbsent(edge.target(), new HashMap<>());
        }
        for (DatasetSketch sketch : sketches) {
            int position = 1;
            for (DatasetSketch.SketchColumn column : sketch.columns()) {
                Map<String, Object> fields = new HashMap<>();
                fields.put("dataType", column.dataType());
                fields.put("sourceDescription", column.description());
                fields.put("position", position++);
                columns.put(sketch.id().child(AssetType.COLUMN, column.name()), fields);
            }
        }
        // a column's dataset: the one the lineage names with that path, else a table
        Map<String, AssetId> datasetByPath = new HashMap<>();
        datasets.forEach(id -> datasetByPath.put(id.qualifiedName(), id));
        Set<String> wanted = new HashSet<>();
        datasets.forEach(id -> wanted.add(id.toString()));
        columns.keySet().forEach(id -> wanted.add(id.toString()));
        Map<String, String> existingByPath = new HashMap<>();
        Set<String> existing = new HashSet<>();
        tx.run(
                        "UNWIND $ids AS id MATCH (a:Asset {id: id}) RETURN a.id AS id",
                        Map.of("ids", List.copyOf(wanted)))
                .list()
                .forEach(record -> existing.add(record.get("id").asString()));
        // a dataset named as a table may exist as a view of the same path (and the reverse)
        List<String> paths = new ArrayList<>();
        columns.keySet().forEach(column -> paths.add(parentPath(column)));
        tx.run(
                        "UNWIND $paths AS path MATCH (d:Asset {qualifiedName: path}) WHERE d.type IN ['table', 'view'] "
                                + "RETURN d.qualifiedName AS path, d.id AS id",
                        Map.of("paths", paths))
                .list()
                .forEach(record -> existingByPath.put(record.get("path").asString(), record.get("id").asString()));

        Map<AssetId, Map<String, Object>> created = new LinkedHashMap<>();
        for (AssetId dataset : datasets) {
            if (existing.contains(dataset.toString()) || existingByPath.containsKey(dataset.qualifiedName())) {
                continue;
            }
            DatasetSketch sketch = sketchOf.get(dataset);
            Map<String, Object> fields = new HashMap<>();
            fields.put("sourceDescription", sketch == null ? null : sketch.description());
            created.put(dataset, fields);
            existingByPath.put(dataset.qualifiedName(), dataset.toString());
        }
        for (Map.Entry<AssetId, Map<String, Object>> column : columns.entrySet()) {
            if (existing.contains(column.getKey().toString())) {
                continue;
            }
            String parentPath = parentPath(column.getKey());
            if (!existingByPath.containsKey(parentPath)) {
                AssetId table = datasetByPath.getOrDefault(
                        parentPath, AssetId.of(AssetType.TABLE, AssetId.parseQualifiedName(parentPath).toArray(String[]::new)));
                created.put(table, new HashMap<>());
                existingByPath.put(parentPath, table.toString());
            }
            created.put(column.getKey(), column.getValue());
        }
        if (created.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<AssetId, Map<String, Object>> entry : created.entrySet()) {
            AssetId id = entry.getKey();
            List<String> path = id.path();
            String warehouse = path.get(0);
            String schemaId = AssetId.of(AssetType.SCHEMA, warehouse, path.get(1)).toString();
            String parentId = id.type() == AssetType.COLUMN
                    ? existingByPath.get(parentPath(id))
                    : schemaId;
            Map<String, Object> props = new HashMap<>();
            entry.getValue().forEach((key, value) -> {
                if (value != null) {
                    props.put(key, value);
                }
            });
            Map<String, Object> row = new HashMap<>();
            row.put("id", id.toString());
            row.put("type", id.type().value());
            row.put("label", id.type() == AssetType.COLUMN ? "Column" : id.type() == AssetType.VIEW ? "View" : "Table");
            row.put("name", id.name());
            row.put("qualifiedName", id.qualifiedName());
            row.put("warehouse", warehouse);
            row.put("warehouseId", AssetId.of(AssetType.WAREHOUSE, warehouse).toString());
            row.put("schema", path.get(1));
            row.put("schemaId", schemaId);
            row.put("schemaPath", warehouse + "." + path.get(1));
            row.put("parentId", parentId);
            row.put("props", props);
            rows.add(row);
            Map<String, Object> fields = new TreeMap<>(props);
            fields.put("external", true);
            events.add(new ChangeLogWriter.Pending(id, 1, ChangeKind.CREATED, FieldDiff.diff(Map.of(), fields), false));
        }
        // parents first: datasets before columns (the map keeps creation order per kind)
        rows.sort((a, b) -> Boolean.compare("column".equals(a.get("type")), "column".equals(b.get("type"))));
        long millis = now.toEpochMilli();
        for (Map<String, Object> row : rows) {
            tx.run(
                            "MERGE (w:Asset {id: $row.warehouseId}) ON CREATE SET w:Warehouse, w.type = 'warehouse', "
                                    + "w.name = $row.warehouse, w.qualifiedName = $row.warehouse, w.warehouse = $row.warehouse, "
                                    + "w.version = 1, w.deleted = false, w.external = true, w.createdAt = $now, w.updatedAt = $now "
                                    + "MERGE (s:Asset {id: $row.schemaId}) ON CREATE SET s:Schema, s.type = 'schema', "
                                    + "s.name = $row.schema, s.qualifiedName = $row.schemaPath, s.warehouse = $row.warehouse, "
                                    + "s.parentId = $row.warehouseId, s.version = 1, s.deleted = false, s.external = true, "
                                    + "s.createdAt = $now, s.updatedAt = $now "
                                    + "MERGE (w)-[:CONTAINS]->(s) "
                                    + "WITH $row AS row MATCH (p:Asset {id: row.parentId}) "
                                    + "CREATE (a:Asset {id: row.id, type: row.type, name: row.name, qualifiedName: row.qualifiedName, "
                                    + "warehouse: row.warehouse, parentId: row.parentId, version: 1, deleted: false, external: true, "
                                    + "createdAt: $now, updatedAt: $now}) SET a += row.props "
                                    + "CREATE (p)-[:CONTAINS]->(a) "
                                    + "FOREACH (x IN CASE WHEN row.label = 'Column' THEN [1] ELSE [] END | SET a:Column) "
                                    + "FOREACH (x IN CASE WHEN row.label = 'Table' THEN [1] ELSE [] END | SET a:Table) "
                                    + "FOREACH (x IN CASE WHEN row.label = 'View' THEN [1] ELSE [] END | SET a:View)",
                            Map.of("row", row, "now", millis))
                    .consume();
        }
    }

    private static String parentPath(AssetId column) {
        List<String> path = column.path();
        return AssetId.of(AssetType.TABLE, path.subList(0, path.size() - 1).toArray(String[]::new)).qualifiedName();
    }
}
