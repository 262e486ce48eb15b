package io.zhongtai.graph.neo4j;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ImpactReport;
import io.zhongtai.core.lineage.LineageDirection;
import io.zhongtai.core.lineage.LineageGraph;
import io.zhongtai.core.lineage.LineageGraph.LineageEdge;
import io.zhongtai.core.lineage.LineageGraph.LineageNode;
import io.zhongtai.core.lineage.LineageGraph.Truncation;
import io.zhongtai.core.lineage.LineageLevel;
import io.zhongtai.core.lineage.LineageQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Walks {@code FEEDS} relationships breadth first, one query per hop for the whole frontier, so a
 * walk costs as many round trips as it has hops whatever the graph's size. Each node gives at most
 * the fan-out budget of neighbours per hop; the rest are counted, never silently dropped.
 */
final class LineageWalk {
    /** The most assets an impact analysis lists; beyond it the report says it was cut. */
    static final int IMPACT_CAP = 50_000;

    /** The most assets one walk returns, so that a busy neighbourhood cannot stall it or its client. */
    static final int WALK_CAP = 2_000;

    private LineageWalk() {}

    static LineageGraph walk(TransactionContext tx, LineageQuery query) {
        Start start = start(tx, query.start());
        LineageLevel level = start.id().type() == AssetType.COLUMN ? LineageLevel.COLUMN : query.level();
        Walked walked = new Walked();
        walked.hops.put(start.id().toString(), 0);
        if (query.direction() != LineageDirection.DOWNSTREAM) {
            walkFrom(tx, start, level, false, query, walked);
        }
        if (query.direction() != LineageDirection.UPSTREAM) {
            walkFrom(tx, start, level, true, query, walked);
        }
        return new LineageGraph(nodes(tx, walked.hops), List.copyOf(walked.edges), walked.truncated);
    }

    private static void walkFrom(TransactionContext tx, Start start, LineageLevel level, boolean down, LineageQuery query, Walked walked) {
        List<String> frontier = new ArrayList<>();
        int depth = query.depth();
        int skip = query.offset();
        String startId = start.id().toString();
        if (start.id().type() == AssetType.JOB) {
            // a job's first hop is what it reads or writes (tables) or the columns its flows touch
            frontier.addAll(jobEnds(tx, start.id(), level, down, walked));
            depth--;
            skip = 0;
        } else if (level == LineageLevel.COLUMN && start.id().type().isDataset()) {
            frontier.addAll(columnsOf(tx, start.id()));
            frontier.forEach(column -> walked.hops.putIfAbsent(column, 0));
        } else {
            frontier.add(startId);
        }
        bfs(tx, frontier, level, down, depth, skip, query.fanOut(), WALK_CAP, walked);
    }

    private static List<String> jobEnds(TransactionContext tx, AssetId job, LineageLevel level, boolean down, Walked walked) {
        String id = job.toString();
        List<String> ends = new ArrayList<>();
        if (level == LineageLevel.TABLE) {
            String rel = down ? "WRITES" : "READS";
            tx.run("MATCH (j:Job {id: $id})-[:" + rel + "]->(d) RETURN d.id AS id ORDER BY id", Map.of("id", id))
                    .list(record -> record.get("id").asString())
                    .forEach(end -> {
                        ends.add(end);
                        walked.hops.putIfAbsent(end, down ? 1 : -1);
                        walked.edges.add(down
                                ? new LineageEdge(job, AssetId.parse(end), job)
                                : new LineageEdge(AssetId.parse(end), job, job));
                    });
        } else {
            tx.run(
                            "MATCH (f)-[r:FEEDS {via: $id, level: 'column'}]->(t) RETURN f.id AS from, t.id AS to",
                            Map.of("id", id))
                    .list()
                    .forEach(record -> {
                        String from = record.get("from").asString();
                        String to = record.get("to").asString();
                        walked.edges.add(new LineageEdge(AssetId.parse(from), AssetId.parse(to), job));
                        walked.hops.putIfAbsent(from, -1);
                        walked.hops.putIfAbsent(to, 1);
                        ends.add(down ? to : from);
                    });
        }
        return new ArrayList<>(new TreeSet<>(ends));
    }

    /** The accumulating answer: hops per node in visiting order, edges, cut nodes. */
    static final class Walked {
        final Map<String, Integer> hops = new LinkedHashMap<>();
        final Set<LineageEdge> edges = new LinkedHashSet<>();
        final List<Truncation> truncated = new ArrayList<>();
    }

    /**
     * Breadth first from the frontier. {@code skip} pages the neighbours of the first hop only;
     * {@code cap} stops the walk once that many nodes are known.
     */
    static void bfs(
            TransactionContext tx,
            List<String> frontier,
            LineageLevel level,
            boolean down,
            int depth,
            int skip,
            int fanOut,
            int cap,
            Walked walked) {
        String pattern = down ? "(n)-[r:FEEDS]->(m)" : "(n)<-[r:FEEDS]-(m)";
        String query = "UNWIND $frontier AS fid MATCH (n:Asset {id: fid}) "
                + "CALL (n) { MATCH " + pattern + " WHERE r.level = $level "
                + "WITH m, collect(DISTINCT r.via) AS vias ORDER BY m.id "
                + "WITH collect({id: m.id, vias: vias}) AS neighbours "
                + "RETURN size(neighbours) AS total, neighbours[$skip..($skip + $fanOut)] AS shown } "
                + "RETURN fid, total, shown";
        List<String> current = frontier;
        for (int hop = 1; hop <= depth && !current.isEmpty(); hop++) {
            List<String> next = new ArrayList<>();
            for (Record record : tx.run(
                            query,
                            Map.of("frontier", current, "level", level.value(), "skip", hop == 1 ? skip : 0, "fanOut", fanOut))
                    .list()) {
                AssetId node = AssetId.parse(record.get("fid").asString());
                long total = record.get("total").asLong();
                List<Value> shown = record.get("shown").asList(value -> value);
                int taken = 0;
                for (Value neighbour : shown) {
                    String id = neighbour.get("id").asString();
                    if (!walked.hops.containsKey(id) && walked.hops.size() >= cap) {
                        break; // the walk is full: the rest of this node's neighbours are reported cut
                    }
                    taken++;
                    AssetId other = AssetId.parse(id);
                    // collect() leaves out nulls: an edge with no job (a metric's inputs) has no via
                    List<Value> vias = neighbour.get("vias").asList(value -> value);
                    if (vias.isEmpty()) {
                        walked.edges.add(down ? new LineageEdge(node, other, null) : new LineageEdge(other, node, null));
                    }
                    for (Value via : vias) {
                        AssetId job = AssetId.parse(via.asString());
                        walked.edges.add(down ? new LineageEdge(node, other, job) : new LineageEdge(other, node, job));
                    }
                    if (!walked.hops.containsKey(id)) {
                        walked.hops.put(id, down ? hop : -hop);
                        next.add(id);
                    }
                }
                if (total > taken) {
                    walked.truncated.add(new Truncation(
                            node, down ? LineageDirection.DOWNSTREAM : LineageDirection.UPSTREAM, total, taken));
                }
            }
            current = next;
        }
    }

    static ImpactReport impact(TransactionContext tx, AssetId id, int depth) {
        Start start = start(tx, id);
        Walked walked = new Walked();
        walked.hops.put(id.toString(), 0);
        List<String> datasets = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        switch (id.type()) {
            case COLUMN -> columns.add(id.toString());
            case JOB -> {
                datasets.addAll(jobEnds(tx, id, LineageLevel.TABLE, true, walked));
                Walked columnEnds = new Walked();
                columns.addAll(jobEnds(tx, id, LineageLevel.COLUMN, true, columnEnds));
                columns.forEach(column -> walked.hops.putIfAbsent(column, 1));
                walked.edges.addAll(columnEnds.edges.stream().filter(edge -> columns.contains(edge.to().toString())).toList());
            }
            default -> {
                datasets.add(id.toString());
                columns.addAll(columnsOf(tx, id));
            }
        }
        bfs(tx, datasets, LineageLevel.TABLE, true, depth, 0, IMPACT_CAP, IMPACT_CAP, walked);
        Map<String, Integer> columnStarts = new HashMap<>();
        columns.forEach(column -> columnStarts.put(column, walked.hops.getOrDefault(column, 0)));
        bfs(tx, columns, LineageLevel.COLUMN, true, depth, 0, IMPACT_CAP, IMPACT_CAP, walked);

        // the datasets holding affected columns are affected too
        List<String> reachedColumns = walked.hops.keySet().stream()
                .filter(node -> node.startsWith("column:") && !columnStarts.containsKey(node))
                .toList();
        for (Record record : tx.run(
                        "UNWIND $ids AS id MATCH (c:Column {id: id}) RETURN c.id AS id, c.parentId AS parent",
                        Map.of("ids", reachedColumns))
                .list()) {
            walked.hops.putIfAbsent(record.get("parent").asString(), walked.hops.get(record.get("id").asString()));
        }
        Map<String, List<AssetId>> viaOf = new HashMap<>();
        Set<AssetId> jobs = new TreeSet<>();
        for (LineageEdge edge : walked.edges) {
            if (edge.via() != null) {
                viaOf.computeIfAbsent(edge.to().toString(), k -> new ArrayList<>()).add(edge.via());
                jobs.add(edge.via());
            }
        }
        List<String> impacted = walked.hops.keySet().stream()
                .filter(node -> !node.equals(id.toString()) && !columnStarts.containsKey(node) && !node.startsWith("job:"))
                .toList();
        Map<String, Details> details = details(tx, impacted);
        List<ImpactReport.ImpactedAsset> assets = new ArrayList<>();
        for (String node : impacted) {
            Details detail = details.get(node);
            if (detail == null) {
                continue;
            }
            assets.add(new ImpactReport.ImpactedAsset(
                    AssetId.parse(node),
                    detail.name(),
                    Math.abs(walked.hops.get(node)),
                    detail.owners(),
                    viaOf.getOrDefault(node, List.of()).stream().distinct().sorted().toList()));
        }
        assets.sort(Comparator.comparingInt(ImpactReport.ImpactedAsset::hops).thenComparing(ImpactReport.ImpactedAsset::id));
        return new ImpactReport(start.id(), depth, assets, List.copyOf(jobs));
    }

    private record Start(AssetId id) {}

    private static Start start(TransactionContext tx, AssetId id) {
        boolean found = tx.run("MATCH (a:Asset {id: $id}) RETURN count(a) > 0 AS found", Map.of("id", id.toString()))
                .single()
                .get("found")
                .asBoolean();
        if (!found) {
            throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No asset " + id);
        }
        return new Start(id);
    }

    private static List<String> columnsOf(TransactionContext tx, AssetId dataset) {
        return tx.run(
                        "MATCH (:Asset {id: $id})-[:CONTAINS]->(c:Column) RETURN c.id AS id ORDER BY c.position, id",
                        Map.of("id", dataset.toString()))
                .list(record -> record.get("id").asString());
    }

    /** Name, description, owners and tags of each node; a column without owners shows its dataset's. */
    private record Details(String name, String description, boolean deleted, List<String> owners, List<String> tags) {}

    private static Map<String, Details> details(TransactionContext tx, List<String> ids) {
        Map<String, Details> details = new HashMap<>();
        HarvestWriter.inBatches(ids, batch -> tx.run(
                        "UNWIND $ids AS id MATCH (a:Asset {id: id}) "
                                + "OPTIONAL MATCH (p:Asset {id: a.parentId}) WHERE a.type = 'column' "
                                + "RETURN a.id AS id, a.name AS name, coalesce(a.description, a.sourceDescription) AS description, "
                                + "coalesce(a.deleted, false) AS deleted, "
                                + "[(a)-[:OWNED_BY]->(o) | o.id] AS owners, [(p)-[:OWNED_BY]->(o) | o.id] AS parentOwners, "
                                + "[(a)-[:TAGGED]->(t) | t.name] AS tags",
                        Map.of("ids", batch))
                .list()
                .forEach(record -> {
                    List<String> owners = record.get("owners").asList(Value::asString);
                    if (owners.isEmpty()) {
                        owners = record.get("parentOwners").asList(Value::asString);
                    }
                    details.put(record.get("id").asString(), new Details(
                            record.get("name").asString(),
                            AssetRows.nullableString(record.get("description")),
                            record.get("deleted").asBoolean(),
                            owners.stream().sorted().toList(),
                            record.get("tags").asList(Value::asString).stream().distinct().sorted().toList()));
                }));
        return details;
    }

    private static List<LineageNode> nodes(TransactionContext tx, Map<String, Integer> hops) {
        Map<String, Details> details = details(tx, List.copyOf(hops.keySet()));
        List<LineageNode> nodes = new ArrayList<>();
        hops.forEach((id, hop) -> {
            Details detail = details.get(id);
            if (detail != null) {
                nodes.add(new LineageNode(
                        AssetId.parse(id), detail.name(), detail.description(), hop, detail.owners(), detail.tags(), detail.deleted()));
            }
        });
        return nodes;
    }
}
