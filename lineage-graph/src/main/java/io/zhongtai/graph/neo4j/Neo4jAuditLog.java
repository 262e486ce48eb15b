package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.audit.AuditEntry;
import io.zhongtai.core.audit.AuditLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.Node;

/** The audit log as {@code AuditEntry} nodes, append-only. */
public final class Neo4jAuditLog implements AuditLog {
    private final Neo4jGraph graph;

    public Neo4jAuditLog(Neo4jGraph graph) {
        this.graph = requireNonNull(graph, "graph is null");
    }

    @Override
    public void record(AuditEntry entry) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", entry.id());
        props.put("at", entry.at().toEpochMilli());
        props.put("user", entry.user());
        props.put("action", entry.action());
        props.put("target", entry.target());
        props.put("status", entry.status());
        props.put("detail", entry.detail());
        graph.writeVoid(tx -> tx.run("CREATE (e:AuditEntry) SET e = $props", Map.of("props", props)).consume());
    }

    @Override
    public Page<AuditEntry> list(String user, Instant since, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("since", since == null ? null : since.toEpochMilli());
        params.put("skip", page.offset());
        params.put("limit", page.size());
        String match = "MATCH (e:AuditEntry) WHERE ($user IS NULL OR e.user = $user) AND ($since IS NULL OR e.at >= $since) ";
        return graph.read(tx -> {
            long total = tx.run(match + "RETURN count(e) AS n", params).single().get("n").asLong();
            List<AuditEntry> items = tx.run(match + "RETURN e ORDER BY e.at DESC, e.id SKIP $skip LIMIT $limit", params)
                    .list(record -> toEntry(record.get("e").asNode()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static AuditEntry toEntry(Node node) {
        return new AuditEntry(
                node.get("id").asString(),
                Instant.ofEpochMilli(node.get("at").asLong()),
                node.get("user").asString(),
                node.get("action").asString(),
                AssetRows.nullableString(node.get("target")),
                node.get("status").asInt(0),
                AssetRows.nullableString(node.get("detail")));
    }
}
