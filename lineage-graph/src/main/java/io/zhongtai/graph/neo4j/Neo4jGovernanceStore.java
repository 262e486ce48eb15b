package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.governance.AssetFilter;
import io.zhongtai.core.governance.BuiltInKpis;
import io.zhongtai.core.governance.GovernanceStore;
import io.zhongtai.core.governance.KpiBreakdown;
import io.zhongtai.core.governance.KpiCondition;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiGap;
import io.zhongtai.core.governance.KpiMeasure;
import io.zhongtai.core.governance.KpiSnapshot;
import io.zhongtai.core.governance.KpiUnit;
import io.zhongtai.core.governance.KpiWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** KPIs computed by Cypher where the catalog lives; definitions and snapshots as nodes beside it. */
public final class Neo4jGovernanceStore implements GovernanceStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Neo4jGraph graph;
    private final Clock clock;

    public Neo4jGovernanceStore(Neo4jGraph graph, Clock clock) {
        this.graph = requireNonNull(graph, "graph is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * One read transaction per KPI, as many at a time as the machine has cores: each KPI is one
     * scan that Neo4j runs on one thread, so a report over a large catalog takes about the time
     * of its slowest scans instead of their sum.
     */
    @Override
    public List<KpiMeasure> measureAll(List<KpiDefinition> kpis, KpiWindow window) {
        int threads = Math.max(1, Math.min(kpis.size(), Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            return GovernanceStore.super.measureAll(kpis, window);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kpi-measure");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<KpiMeasure>> pending = new ArrayList<>();
            for (KpiDefinition kpi : kpis) {
                pending.add(pool.submit(() -> measure(kpi, window)));
            }
            List<KpiMeasure> measures = new ArrayList<>();
            for (Future<KpiMeasure> future : pending) {
                measures.add(result(future));
            }
            return measures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static KpiMeasure result(Future<KpiMeasure> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Interrupted while computing KPIs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CatalogException(ErrorCode.STORE_UNAVAILABLE, "Computing a KPI failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public KpiMeasure measure(KpiDefinition kpi, KpiWindow window) {
        KpiQueries.Fragment fragment = KpiQueries.of(kpi, window);
        boolean unused = kpi.name().equals(BuiltInKpis.UNUSED_ASSETS) && kpi.builtIn();
        // sizes are read only where they are reported: over a million columns each read costs
        String query = fragment.cypher()
                + "RETURN count(*) AS total, sum(CASE WHEN ok THEN 1 ELSE 0 END) AS ok"
                + (unused
                        ? ", sum(CASE WHEN ok THEN 0 ELSE coalesce(a.rowCount, 0) END) AS rows, "
                                + "sum(CASE WHEN ok THEN 0 ELSE coalesce(a.sizeBytes, 0) END) AS bytes, "
                                + "sum(coalesce(a.sizeBytes, 0)) AS allBytes"
                        : "");
        Record record = graph.read(tx -> tx.run(query, fragment.params()).single());
        long total = record.get("total").asLong();
        long ok = record.get("ok").asLong();
        Map<String, Object> extra = new LinkedHashMap<>();
        if (unused) {
            long bytes = record.get("bytes").asLong();
            long allBytes = record.get("allBytes").asLong();
            extra.put("rows", record.get("rows").asLong());
            extra.put("bytes", bytes);
            extra.put("storageShare", allBytes == 0 ? null : (double) bytes / allBytes);
        }
        if (kpi.name().equals(BuiltInKpis.CERTIFIED_METRICS) && kpi.builtIn()) {
            extra.put("certifiedOnLiveAssets", graph.read(tx -> tx.run(
                            "MATCH (a:Asset {type: 'metric'}) WHERE NOT coalesce(a.deleted, false) "
                                    + "AND coalesce(a.status, a.lifecycle, '') = 'certified' "
                                    + "AND NOT EXISTS { MATCH (u:Asset)-[:FEEDS]->(a) WHERE coalesce(u.deleted, false) "
                                    + "OR coalesce(u.status, '') = 'deprecated' OR EXISTS { (u)-[:TAGGED]->(:Tag {name: 'deprecated'}) } } "
                                    + "RETURN count(a) AS n")
                    .single()
                    .get("n")
                    .asLong()));
        }
        return new KpiMeasure(kpi.lowerIsBetter() ? total - ok : ok, total, extra);
    }

    @Override
    public List<KpiBreakdown> breakdown(KpiDefinition kpi, KpiWindow window, String by) {
        if (!BREAKDOWNS.contains(by)) {
            throw CatalogException.invalid("by", "is one of " + String.join(", ", BREAKDOWNS) + ", not '" + by + "'");
        }
        KpiQueries.Fragment fragment = KpiQueries.of(kpi, window);
        String query = fragment.scoped()
                + "WITH a, ok, " + KpiQueries.key(by) + " AS keys "
                + "UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key "
                + "RETURN key, count(*) AS total, sum(CASE WHEN ok THEN 1 ELSE 0 END) AS ok ORDER BY key";
        return graph.read(tx -> tx.run(query, fragment.params()).list(record -> {
            long total = record.get("total").asLong();
            long ok = record.get("ok").asLong();
            return new KpiBreakdown(AssetRows.nullableString(record.get("key")), kpi.lowerIsBetter() ? total - ok : ok, total);
        }));
    }

    @Override
    public Page<KpiGap> gaps(KpiDefinition kpi, KpiWindow window, String warehouse, PageRequest page) {
        KpiQueries.Fragment fragment = KpiQueries.of(kpi, window);
        Map<String, Object> params = new HashMap<>(fragment.params());
        params.put("gapWarehouse", warehouse);
        params.put("skip", (long) page.page() * page.size());
        params.put("limit", page.size());
        String gaps = fragment.cypher() + "WITH a, ok, reason WHERE NOT ok AND ($gapWarehouse IS NULL OR a.warehouse = $gapWarehouse) ";
        return graph.read(tx -> {
            long total = tx.run(gaps + "RETURN count(*) AS n", params).single().get("n").asLong();
            List<KpiGap> items = tx.run(
                            gaps + "WITH a, ok, reason ORDER BY a.id, reason SKIP $skip LIMIT $limit " + fragment.scope()
                                    + "RETURN a.id AS id, a.name AS name, [(scope)-[:OWNED_BY]->(o) | o.id] AS owners, reason",
                            params)
                    .list(record -> new KpiGap(
                            AssetId.parse(record.get("id").asString()),
                            record.get("name").asString(),
                            record.get("owners").asList(Value::asString).stream().sorted().toList(),
                            record.get("reason").asString()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public List<KpiDefinition> definitions() {
        return graph.read(tx -> tx.run("MATCH (k:KpiDefinition) RETURN k.json AS json ORDER BY k.name")
                .list(record -> fromJson(record.get("json").asString())));
    }

    @Override
    public Optional<KpiDefinition> findDefinition(String name) {
        return graph.read(tx -> tx.run("MATCH (k:KpiDefinition {name: $name}) RETURN k.json AS json", Map.of("name", name))
                        .list(record -> fromJson(record.get("json").asString())))
                .stream()
                .findFirst();
    }

    @Override
    public void saveDefinition(KpiDefinition kpi, Actor actor) {
        String json = toJson(kpi);
        graph.writeVoid(tx -> tx.run(
                        "MERGE (k:KpiDefinition {name: $name}) ON CREATE SET k.createdAt = $now, k.createdBy = $by "
                                + "SET k.json = $json, k.updatedAt = $now, k.updatedBy = $by",
                        Map.of("name", kpi.name(), "json", json, "now", clock.millis(), "by", actor.name()))
                .consume());
    }

    @Override
    public void deleteDefinition(String name, Actor actor) {
        boolean deleted = graph.write(tx -> tx.run(
                                "MATCH (k:KpiDefinition {name: $name}) DETACH DELETE k RETURN count(*) AS n", Map.of("name", name))
                        .single()
                        .get("n")
                        .asLong()
                > 0);
        if (!deleted) {
            throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No user-defined KPI '" + name + "'");
        }
    }

    @Override
    public void saveSnapshots(List<KpiSnapshot> snapshots) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KpiSnapshot snapshot : snapshots) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", snapshot.name() + "|" + snapshot.date());
            row.put("name", snapshot.name());
            row.put("date", snapshot.date().toString());
            row.put("value", snapshot.value());
            row.put("count", snapshot.count());
            row.put("total", snapshot.total());
            rows.add(row);
        }
        graph.writeVoid(tx -> tx.run(
                        "UNWIND $rows AS row MERGE (s:KpiSnapshot {key: row.key}) "
                                + "SET s.name = row.name, s.date = row.date, s.value = row.value, s.count = row.count, "
                                + "s.total = row.total, s.takenAt = $now",
                        Map.of("rows", rows, "now", clock.millis()))
                .consume());
    }

    @Override
    public List<KpiSnapshot> snapshots(String name, LocalDate from, LocalDate to) {
        return graph.read(tx -> tx.run(
                        "MATCH (s:KpiSnapshot {name: $name}) WHERE s.date >= $from AND s.date <= $to "
                                + "RETURN s ORDER BY s.date",
                        Map.of("name", name, "from", from.toString(), "to", to.toString()))
                .list(record -> {
                    var node = record.get("s").asNode();
                    return new KpiSnapshot(
                            name,
                            LocalDate.parse(node.get("date").asString()),
                            node.get("value").isNull() ? null : node.get("value").asDouble(),
                            node.get("count").asLong(),
                            node.get("total").asLong());
                }));
    }

    @Override
    public void setExpectedInterval(AssetId dataset, Integer hours, Actor actor) {
        if (!dataset.type().isDataset()) {
            throw CatalogException.invalid("id", "an expected update interval belongs to a table or view, not " + dataset);
        }
        if (hours != null && (hours < 1 || hours > 24 * 366)) {
            throw CatalogException.invalid("expectedIntervalHours", "is 1 to 8784 hours, was " + hours);
        }
        Instant now = clock.instant();
        graph.writeVoid(tx -> {
            List<Record> found = tx.run(
                            "MATCH (a:Asset {id: $id}) RETURN a.version AS version, a.deleted AS deleted, "
                                    + "a.expectedIntervalHours AS hours",
                            Map.of("id", dataset.toString()))
                    .list();
            if (found.isEmpty()) {
                throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No asset " + dataset);
            }
            Record record = found.get(0);
            if (record.get("deleted").asBoolean(false)) {
                throw new CatalogException(ErrorCode.ASSET_REMOVED, dataset + " was removed from its source");
            }
            Long before = record.get("hours").isNull() ? null : record.get("hours").asLong();
            Long after = hours == null ? null : hours.longValue();
            if (java.util.Objects.equals(before, after)) {
                return;
            }
            long version = record.get("version").asLong(1) + 1;
            Map<String, Object> params = new HashMap<>();
            params.put("id", dataset.toString());
            params.put("hours", after);
            params.put("version", version);
            params.put("now", now.toEpochMilli());
            tx.run("MATCH (a:Asset {id: $id}) SET a.expectedIntervalHours = $hours, a.version = $version, a.updatedAt = $now", params)
                    .consume();
            ChangeLogWriter.append(
                    tx,
                    List.of(new ChangeLogWriter.Pending(
                            dataset, version, ChangeKind.UPDATED, List.of(new Change("expectedIntervalHours", before, after)), false)),
                    now,
                    actor.name());
        });
    }

    private static String toJson(KpiDefinition kpi) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", kpi.name());
        json.put("label", kpi.label());
        json.put("description", kpi.description());
        json.put("builtIn", kpi.builtIn());
        json.put("unit", kpi.unit().name());
        json.put("lowerIsBetter", kpi.lowerIsBetter());
        if (kpi.filter() != null) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("types", kpi.filter().types().stream().map(AssetType::value).toList());
            filter.put("warehouse", kpi.filter().warehouse());
            filter.put("schema", kpi.filter().schema());
            filter.put("domain", kpi.filter().domain());
            filter.put("tag", kpi.filter().tag());
            filter.put("owner", kpi.filter().owner());
            json.put("filter", filter);
        }
        json.put("condition", kpi.condition() == null ? null : kpi.condition().toString());
        json.put("target", kpi.target());
        json.put("deadline", kpi.deadline() == null ? null : kpi.deadline().toString());
        json.put("createdBy", kpi.createdBy());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Could not encode KPI " + kpi.name(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static KpiDefinition fromJson(String text) {
        try {
            Map<String, Object> json = JSON.readValue(text, Map.class);
            Map<String, Object> filter = (Map<String, Object>) json.get("filter");
            AssetFilter assetFilter = filter == null
                    ? null
                    : new AssetFilter(
                            ((List<String>) filter.get("types")).stream().map(AssetType::fromValue).toList(),
                            (String) filter.get("warehouse"),
                            (String) filter.get("schema"),
                            (String) filter.get("domain"),
                            (String) filter.get("tag"),
                            (String) filter.get("owner"));
            String condition = (String) json.get("condition");
            Number target = (Number) json.get("target");
            String deadline = (String) json.get("deadline");
            return new KpiDefinition(
                    (String) json.get("name"),
                    (String) json.get("label"),
                    (String) json.get("description"),
                    Boolean.TRUE.equals(json.get("builtIn")),
                    KpiUnit.valueOf((String) json.get("unit")),
                    Boolean.TRUE.equals(json.get("lowerIsBetter")),
                    assetFilter,
                    condition == null ? null : KpiCondition.parse(condition),
                    target == null ? null : target.doubleValue(),
                    deadline == null ? null : LocalDate.parse(deadline),
                    (String) json.get("createdBy"));
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A stored KPI definition is not valid JSON", e);
        }
    }
}
