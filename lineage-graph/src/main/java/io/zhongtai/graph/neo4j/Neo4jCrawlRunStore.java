package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.warehouse.CrawlRun;
import io.zhongtai.core.warehouse.CrawlRunStore;
import io.zhongtai.core.warehouse.CrawlStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Crawl runs as {@code CrawlRun} nodes. */
public final class Neo4jCrawlRunStore implements CrawlRunStore {
    private final Neo4jGraph graph;

    public Neo4jCrawlRunStore(Neo4jGraph graph) {
        this.graph = requireNonNull(graph, "graph is null");
    }

    @Override
    public void save(CrawlRun run) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", run.id());
        props.put("warehouse", run.warehouse());
        props.put("status", run.status().value());
        props.put("progress", run.progress());
        props.put("added", run.added());
        props.put("changed", run.changed());
        props.put("removed", run.removed());
        props.put("error", run.error());
        props.put("startedBy", run.startedBy());
        props.put("startedAt", run.startedAt().toEpochMilli());
        props.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toEpochMilli());
        props.put("log", run.log());
        graph.writeVoid(tx -> tx.run("MERGE (r:CrawlRun {id: $id}) SET r = $props", Map.of("id", run.id(), "props", props))
                .consume());
    }

    @Override
    public Optional<CrawlRun> find(String id) {
        return graph.read(tx -> tx.run("MATCH (r:CrawlRun {id: $id}) RETURN r", Map.of("id", id)).list().stream()
                .findFirst()
                .map(record -> toRun(record.get("r").asNode())));
    }

    @Override
    public Page<CrawlRun> list(String warehouse, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("warehouse", warehouse);
        params.put("skip", page.offset());
        params.put("limit", page.size());
        String match = "MATCH (r:CrawlRun) WHERE $warehouse IS NULL OR r.warehouse = $warehouse ";
        return graph.read(tx -> {
            long total = tx.run(match + "RETURN count(r) AS n", params).single().get("n").asLong();
            List<CrawlRun> items = tx.run(match + "RETURN r ORDER BY r.startedAt DESC SKIP $skip LIMIT $limit", params)
                    .list(record -> toRun(record.get("r").asNode()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static CrawlRun toRun(Node node) {
        return new CrawlRun(
                node.get("id").asString(),
                node.get("warehouse").asString(),
                CrawlStatus.valueOf(node.get("status").asString().toUpperCase(Locale.ROOT)),
                node.get("progress").asDouble(),
                node.get("added").asInt(),
                node.get("changed").asInt(),
                node.get("removed").asInt(),
                AssetRows.nullableString(node.get("error")),
                AssetRows.nullableString(node.get("startedBy")),
                AssetRows.instant(node.get("startedAt")),
                AssetRows.instant(node.get("finishedAt")),
                node.get("log").isNull() ? List.of() : node.get("log").asList(Value::asString));
    }
}
