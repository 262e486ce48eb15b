package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.ImpactReport;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageGraph;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageQuery;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.lineage.LineageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Lineage in the graph. A job is an asset under its warehouse (or external namespace), linked
 * {@code (job)-[:READS]->(dataset)} and {@code (job)-[:WRITES]->(dataset)}; the flows themselves
 * are {@code FEEDS} relationships from upstream to downstream asset, with {@code level} table or
 * column and {@code via} the job that carries them. Metrics join the same walk as the downstream
 * end of {@code FEEDS}.
 */
public final class Neo4jLineageStore implements LineageStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Neo4jGraph graph;
    private final Clock clock;

    public Neo4jLineageStore(Neo4jGraph graph, Clock clock) {
        this.graph = requireNonNull(graph, "graph is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public long putJob(JobLineage lineage, List<DatasetSketch> sketches, Actor actor) {
        Instant now = clock.instant();
        return graph.write(tx -> {
            List<ChangeLogWriter.Pending> events = new ArrayList<>();
            ExternalAssets.ensure(tx, lineage, sketches, now, events);
            Optional<StoredJob> before = readJob(tx, lineage.job());
            Map<String, Object> fields = jobFields(lineage);
            Map<String, Object> beforeFields = before.filter(job -> !job.deleted()).map(StoredJob::fields).orElse(Map.of());
            List<Change> changes = FieldDiff.diff(beforeFields, fields);
            if (before.isPresent() && !before.get().deleted() && changes.isEmpty()) {
                ChangeLogWriter.append(tx, events, now, actor.name());
                return before.get().version();
            }
            long version = before.map(job -> job.version() + 1).orElse(1L);
            ChangeKind kind = before.isEmpty() ? ChangeKind.CREATED : before.get().deleted() ? ChangeKind.RESTORED : ChangeKind.UPDATED;
            Set<String> touched = new HashSet<>(before.map(StoredJob::targetColumns).orElse(Set.of()));
            lineage.columns().forEach(edge -> touched.add(edge.target().toString()));
            writeJob(tx, lineage, version, now);
            events.add(new ChangeLogWriter.Pending(lineage.job(), version, kind, changes, false));
            ChangeLogWriter.append(tx, events, now, actor.name());
            TagPropagation.recompute(tx, touched, now, actor.name());
            return version;
        });
    }

    /** The versioned fields of a job: what it says and the edges it carries. */
    private static Map<String, Object> jobFields(JobLineage lineage) {
        Map<String, Object> fields = new TreeMap<>(lineage.properties());
        fields.put("origin", lineage.origin().value());
        fields.put("description", lineage.description());
        fields.put("inputs", lineage.inputs().stream().map(AssetId::toString).toList());
        fields.put("outputs", lineage.outputs().stream().map(AssetId::toString).toList());
        fields.put("columnEdges", lineage.columns().stream()
                .map(edge -> edge.source() + " -> " + edge.target())
                .toList());
        return fields;
    }

    private static void writeJob(TransactionContext tx, JobLineage lineage, long version, Instant now) {
        AssetId job = lineage.job();
        AssetId parent = AssetId.of(AssetType.WAREHOUSE, job.warehouse());
        Map<String, Object> params = new HashMap<>();
        params.put("id", job.toString());
        params.put("name", job.name());
        params.put("qualifiedName", job.qualifiedName());
        params.put("warehouse", job.warehouse());
        params.put("parentId", parent.toString());
        params.put("version", version);
        params.put("now", now.toEpochMilli());
        params.put("origin", lineage.origin().value());
        params.put("description", lineage.description());
        params.put("sql", lineage.properties().get("sql"));
        params.put("properties", toJson(lineage.properties()));
        tx.run(
                        "MERGE (w:Asset {id: $parentId}) ON CREATE SET w:Warehouse, w.type = 'warehouse', "
                                + "w.name = $warehouse, w.qualifiedName = $warehouse, w.warehouse = $warehouse, w.version = 1, "
                                + "w.deleted = false, w.external = true, w.createdAt = $now, w.updatedAt = $now "
                                + "MERGE (j:Asset {id: $id}) ON CREATE SET j:Job, j.type = 'job', j.name = $name, "
                                + "j.qualifiedName = $qualifiedName, j.warehouse = $warehouse, j.parentId = $parentId, "
                                + "j.createdAt = $now "
                                + "SET j.version = $version, j.deleted = false, j.updatedAt = $now, j.origin = $origin, "
                                + "j.sourceDescription = $description, j.sql = $sql, j.jobProperties = $properties "
                                + "MERGE (w)-[:CONTAINS]->(j) "
                                + "WITH j OPTIONAL MATCH (j)-[r:READS|WRITES]->() DELETE r",
                        params)
                .consume();
        tx.run("MATCH ()-[r:FEEDS {via: $id}]->() DELETE r", Map.of("id", job.toString())).consume();
        tx.run(
                        "MATCH (j:Job {id: $id}) "
                                + "UNWIND $inputs AS input MATCH (d:Asset {id: input}) MERGE (j)-[:READS]->(d)",
                        Map.of("id", job.toString(), "inputs", ids(lineage.inputs())))
                .consume();
        tx.run(
                        "MATCH (j:Job {id: $id}) "
                                + "UNWIND $outputs AS output MATCH (d:Asset {id: output}) MERGE (j)-[:WRITES]->(d)",
                        Map.of("id", job.toString(), "outputs", ids(lineage.outputs())))
                .consume();
        List<Map<String, Object>> tableEdges = new ArrayList<>();
        for (AssetId input : lineage.inputs()) {
            for (AssetId output : lineage.outputs()) {
                if (!input.equals(output)) {
                    tableEdges.add(Map.of("from", input.toString(), "to", output.toString()));
                }
            }
        }
        List<Map<String, Object>> columnEdges = new ArrayList<>();
        for (ColumnEdge edge : lineage.columns()) {
            columnEdges.add(Map.of("from", edge.source().toString(), "to", edge.target().toString()));
        }
        writeFeeds(tx, tableEdges, "table", job.toString());
        writeFeeds(tx, columnEdges, "column", job.toString());
    }

    private static void writeFeeds(TransactionContext tx, List<Map<String, Object>> edges, String level, String via) {
        HarvestWriter.inBatches(edges, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (f:Asset {id: row.from}) MATCH (t:Asset {id: row.to}) "
                                + "CREATE (f)-[:FEEDS {level: $level, via: $via}]->(t)",
                        Map.of("rows", batch, "level", level, "via", via))
                .consume());
    }

    @Override
    public Optional<JobLineage> findJob(AssetId job) {
        return graph.read(tx -> readJob(tx, job))
                .filter(stored -> !stored.deleted())
                .map(StoredJob::lineage);
    }

    @Override
    public void deleteJob(AssetId job, Actor actor) {
        Instant now = clock.instant();
        graph.writeVoid(tx -> {
            StoredJob stored = readJob(tx, job)
                    .filter(found -> !found.deleted())
                    .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No job " + job));
            long version = stored.version() + 1;
            tx.run(
                            "MATCH (j:Job {id: $id}) SET j.deleted = true, j.version = $version, j.updatedAt = $now "
                                    + "WITH j OPTIONAL MATCH (j)-[r:READS|WRITES]->() DELETE r",
                            Map.of("id", job.toString(), "version", version, "now", now.toEpochMilli()))
                    .consume();
            tx.run("MATCH ()-[r:FEEDS {via: $id}]->() DELETE r", Map.of("id", job.toString())).consume();
            ChangeLogWriter.append(
                    tx,
                    List.of(new ChangeLogWriter.Pending(
                            job, version, ChangeKind.REMOVED, FieldDiff.diff(stored.fields(), Map.of()), true)),
                    now,
                    actor.name());
            TagPropagation.recompute(tx, stored.targetColumns(), now, actor.name());
        });
    }

    /** A job as stored: its node's fields and the edges it carries. */
    private record StoredJob(JobLineage lineage, long version, boolean deleted, Map<String, Object> fields) {
        Set<String> targetColumns() {
            Set<String> targets = new HashSet<>();
            lineage.columns().forEach(edge -> targets.add(edge.target().toString()));
            return targets;
        }
    }

    private static Optional<StoredJob> readJob(TransactionContext tx, AssetId job) {
        List<Record> found = tx.run(
                        "MATCH (j:Job {id: $id}) RETURN j.version AS version, j.deleted AS deleted, j.origin AS origin, "
                                + "j.sourceDescription AS description, j.jobProperties AS properties, "
                                + "[(j)-[:READS]->(d) | d.id] AS inputs, [(j)-[:WRITES]->(d) | d.id] AS outputs, "
                                + "[(f)-[r:FEEDS {via: $id, level: 'column'}]->(t) | [f.id, t.id]] AS columns",
                        Map.of("id", job.toString()))
                .list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record record = found.get(0);
        List<ColumnEdge> columns = record.get("columns").asList(value -> new ColumnEdge(
                AssetId.parse(value.get(0).asString()), AssetId.parse(value.get(1).asString())));
        String properties = AssetRows.nullableString(record.get("properties"));
        JobLineage lineage = new JobLineage(
                job,
                LineageOrigin.fromValue(record.get("origin").asString()),
                AssetRows.nullableString(record.get("description")),
                properties == null ? Map.of() : fromJson(properties),
                record.get("inputs").asList(value -> AssetId.parse(value.asString())),
                record.get("outputs").asList(value -> AssetId.parse(value.asString())),
                columns);
        return Optional.of(new StoredJob(
                lineage, record.get("version").asLong(1), record.get("deleted").asBoolean(false), jobFields(lineage)));
    }

    @Override
    public LineageGraph lineage(LineageQuery query) {
        return graph.read(tx -> LineageWalk.walk(tx, query));
    }

    @Override
    public ImpactReport impact(AssetId start, int depth) {
        return graph.read(tx -> LineageWalk.impact(tx, start, depth));
    }

    @Override
    public void recordRun(LineageRun run) {
        graph.writeVoid(tx -> {
            Map<String, Object> params = new HashMap<>();
            params.put("job", run.job().toString());
            params.put("runId", run.runId());
            params.put("state", run.state());
            params.put("at", run.at().toEpochMilli());
            params.put("raw", run.raw());
            params.put("outputs", ids(run.outputs()));
            params.put("received", clock.instant().toEpochMilli());
            tx.run(
                            "CREATE (e:LineageEvent {job: $job, runId: $runId, state: $state, at: $at, raw: $raw, "
                                    + "receivedAt: $received}) "
                                    + "WITH e OPTIONAL MATCH (j:Job {id: $job}) "
                                    + "FOREACH (x IN CASE WHEN j IS NULL OR coalesce(j.lastRunAt, 0) > $at THEN [] ELSE [1] END | "
                                    + "SET j.lastRunState = $state, j.lastRunAt = $at, j.lastRunId = $runId)",
                            params)
                    .consume();
            if (run.state().equals("COMPLETE")) {
                tx.run(
                                "UNWIND $outputs AS output MATCH (d:Asset {id: output}) "
                                        + "WHERE coalesce(d.lastLoadedAt, 0) < $at SET d.lastLoadedAt = $at",
                                params)
                        .consume();
            }
        });
    }

    @Override
    public List<LineageRun> runs(AssetId job, int limit) {
        return graph.read(tx -> tx.run(
                        "MATCH (e:LineageEvent {job: $job}) RETURN e ORDER BY e.at DESC, e.receivedAt DESC LIMIT $limit",
                        Map.of("job", job.toString(), "limit", limit))
                .list(record -> {
                    var node = record.get("e").asNode();
                    return new LineageRun(
                            job,
                            node.get("runId").asString(),
                            node.get("state").asString(),
                            Instant.ofEpochMilli(node.get("at").asLong()),
                            List.of(),
                            node.get("raw").asString());
                }));
    }

    @Override
    public void recordUsage(List<DatasetUsage> usage) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (DatasetUsage entry : usage) {
            String key = entry.dataset() + "|" + entry.day();
            Map<String, Object> row = merged.computeIfAbsent(key, k -> {
                Map<String, Object> fresh = new HashMap<>();
                fresh.put("key", k);
                fresh.put("asset", entry.dataset().toString());
                fresh.put("day", entry.day().toString());
                fresh.put("reads", 0L);
                return fresh;
            });
            row.put("reads", (Long) row.get("reads") + entry.reads());
        }
        List<Map<String, Object>> rows = List.copyOf(merged.values());
        graph.writeVoid(tx -> HarvestWriter.inBatches(rows, batch -> tx.run(
                        "UNWIND $rows AS row MATCH (d:Asset {id: row.asset}) "
                                + "MERGE (u:DailyUsage {key: row.key}) ON CREATE SET u.assetId = row.asset, u.day = row.day, u.reads = 0 "
                                + "SET u.reads = u.reads + row.reads "
                                + "WITH d, row WHERE row.reads > 0 AND coalesce(d.lastReadOn, '') < row.day SET d.lastReadOn = row.day",
                        Map.of("rows", batch))
                .consume()));
    }

    @Override
    public List<DatasetUsage> usage(AssetId dataset, LocalDate from, LocalDate to) {
        return graph.read(tx -> tx.run(
                        "MATCH (u:DailyUsage {assetId: $asset}) WHERE u.day >= $from AND u.day <= $to "
                                + "RETURN u.day AS day, u.reads AS reads ORDER BY day",
                        Map.of("asset", dataset.toString(), "from", from.toString(), "to", to.toString()))
                .list(record -> new DatasetUsage(
                        dataset, LocalDate.parse(record.get("day").asString()), record.get("reads").asLong())));
    }

    @Override
    public Map<AssetId, Long> readsSince(LocalDate from) {
        return graph.read(tx -> {
            Map<AssetId, Long> reads = new HashMap<>();
            tx.run(
                            "MATCH (u:DailyUsage) WHERE u.day >= $from RETURN u.assetId AS asset, sum(u.reads) AS reads",
                            Map.of("from", from.toString()))
                    .list()
                    .forEach(record -> reads.put(AssetId.parse(record.get("asset").asString()), record.get("reads").asLong()));
            return reads;
        });
    }

    @Override
    public Map<String, Long> queryLogCounters(String warehouse) {
        String json = graph.read(tx -> AssetRows.nullableString(tx.run(
                        "OPTIONAL MATCH (c:QueryLogCursor {warehouse: $warehouse}) RETURN c.counters AS counters",
                        Map.of("warehouse", warehouse))
                .single()
                .get("counters")));
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Long>>() {});
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Stored query-log counters are not valid JSON", e);
        }
    }

    @Override
    public void saveQueryLogCounters(String warehouse, Map<String, Long> counters) {
        String json = toJson(new TreeMap<>(counters));
        graph.writeVoid(tx -> tx.run(
                        "MERGE (c:QueryLogCursor {warehouse: $warehouse}) SET c.counters = $counters",
                        Map.of("warehouse", warehouse, "counters", json))
                .consume());
    }

    private static List<String> ids(List<AssetId> ids) {
        return ids.stream().map(AssetId::toString).toList();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Could not encode job properties", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Stored job properties are not valid JSON", e);
        }
    }
}
