package io.zhongtai.graph.neo4j;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.LineageDirection;
import io.zhongtai.core.lineage.LineageGraph;
import io.zhongtai.core.lineage.LineageLevel;
import io.zhongtai.core.lineage.LineageQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.driver.Record;

/**
 * Lineage walks on a generated graph of column-level edges. Columns sit in layers (each table's
 * columns feed columns of tables in the next layer, as ETL stages do); one hub column in the
 * middle layer has thousands of neighbours each way. Measures 5-hop upstream and downstream walks
 * from the hub through the store, and the same per-hop Cypher sent bare through the driver, and
 * prints a block for BENCHMARKS.md. Not a test: see BENCHMARKS.md for the command.
 */
public final class LineageQueryBenchmark {
    private static final int LAYERS = 6;
    private static final int COLUMNS_PER_TABLE = 10;

    public static void main(String[] args) throws Exception {
        long edges = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int hubDegree = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int perColumn = 4;
        int columnsPerLayer = (int) (edges / perColumn / (LAYERS - 1));
        Path directory = Files.createTempDirectory("zhongtai-lineage-bench");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "bench-password", 1024);
                Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "bench-password", "neo4j")) {
            Neo4jSchema.migrate(graph);
            long started = System.nanoTime();
            long written = generate(graph, columnsPerLayer, perColumn, hubDegree);
            long loadMs = (System.nanoTime() - started) / 1_000_000;
            Neo4jLineageStore store = new Neo4jLineageStore(graph, Clock.systemUTC());
            AssetId hub = column(LAYERS / 2, 0);
            LineageQuery up = LineageQuery.of(hub, LineageDirection.UPSTREAM, 5, LineageLevel.COLUMN);
            LineageQuery down = LineageQuery.of(hub, LineageDirection.DOWNSTREAM, 5, LineageLevel.COLUMN);
            for (int i = 0; i < 50; i++) {
                store.lineage(up);
                store.lineage(down);
                bare(graph, hub.toString(), false);
                bare(graph, hub.toString(), true);
            }
            long[] storeUp = new long[iterations];
            long[] storeDown = new long[iterations];
            long[] bareUp = new long[iterations];
            long[] bareDown = new long[iterations];
            int upNodes = 0;
            int downNodes = 0;
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                LineageGraph a = store.lineage(up);
                long t1 = System.nanoTime();
                LineageGraph b = store.lineage(down);
                long t2 = System.nanoTime();
                bare(graph, hub.toString(), false);
                long t3 = System.nanoTime();
                bare(graph, hub.toString(), true);
                long t4 = System.nanoTime();
                storeUp[i] = t1 - t0;
                storeDown[i] = t2 - t1;
                bareUp[i] = t3 - t2;
                bareDown[i] = t4 - t3;
                upNodes = a.nodes().size();
                downNodes = b.nodes().size();
            }
            System.out.printf("graph: %,d column-level edges (%d layers x %,d columns), hub with %,d neighbours each way; "
                            + "loaded in %,d ms%n",
                    written, LAYERS, columnsPerLayer, hubDegree, loadMs);
            System.out.printf("5-hop upstream from the hub (%d nodes returned): store p50 %.1f ms p95 %.1f ms; bare Cypher p50 %.1f ms "
                            + "p95 %.1f ms; ratio p95 %.2f%n",
                    upNodes, ms(storeUp, 50), ms(storeUp, 95), ms(bareUp, 50), ms(bareUp, 95), ms(storeUp, 95) / ms(bareUp, 95));
            System.out.printf("5-hop downstream from the hub (%d nodes returned): store p50 %.1f ms p95 %.1f ms; bare Cypher p50 %.1f ms "
                            + "p95 %.1f ms; ratio p95 %.2f%n",
                    downNodes, ms(storeDown, 50), ms(storeDown, 95), ms(bareDown, 50), ms(bareDown, 95),
                    ms(storeDown, 95) / ms(bareDown, 95));
        }
    }

    private static AssetId column(int layer, int index) {
        return AssetId.of(
                io.zhongtai.core.asset.AssetType.COLUMN, "bench", "l" + layer, "t" + index / COLUMNS_PER_TABLE, "c" + index % COLUMNS_PER_TABLE);
    }

    /** Writes the columns and edges; returns the number of edges. */
    private static long generate(Neo4jGraph graph, int columnsPerLayer, int perColumn, int hubDegree) {
        for (int layer = 0; layer < LAYERS; layer++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < columnsPerLayer; i++) {
                AssetId id = column(layer, i);
                rows.add(Map.of("id", id.toString(), "name", id.name(), "qn", id.qualifiedName()));
                if (rows.size() == 20_000 || i == columnsPerLayer - 1) {
                    List<Map<String, Object>> batch = List.copyOf(rows);
                    graph.writeVoid(tx -> tx.run(
                                    "UNWIND $rows AS row CREATE (c:Asset:Column {id: row.id, type: 'column', name: row.name, "
                                            + "qualifiedName: row.qn, warehouse: 'bench', deleted: false, version: 1})",
                                    Map.of("rows", batch))
                            .consume());
                    rows.clear();
                }
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        long count = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int layer = 1; layer < LAYERS; layer++) {
            for (int i = 0; i < columnsPerLayer; i++) {
                String target = column(layer, i).toString();
                for (int k = 0; k < perColumn; k++) {
                    rows.add(edge(column(layer - 1, random.nextInt(columnsPerLayer)).toString(), target, layer, i));
                }
                count += perColumn;
                if (rows.size() >= 20_000) {
                    flush(graph, rows);
                }
            }
        }
        String hub = column(LAYERS / 2, 0).toString();
        for (int k = 0; k < hubDegree; k++) {
            rows.add(edge(column(LAYERS / 2 - 1, random.nextInt(columnsPerLayer)).toString(), hub, LAYERS / 2, 0));
            rows.add(edge(hub, column(LAYERS / 2 + 1, random.nextInt(columnsPerLayer)).toString(), LAYERS / 2 + 1, k));
            count += 2;
        }
        flush(graph, rows);
        return count;
    }

    private static Map<String, Object> edge(String from, String to, int layer, int index) {
        return Map.of("from", from, "to", to, "via", "job:bench.load_l" + layer + "_t" + index / COLUMNS_PER_TABLE);
    }

    private static void flush(Neo4jGraph graph, List<Map<String, Object>> rows) {
        List<Map<String, Object>> batch = List.copyOf(rows);
        rows.clear();
        graph.writeVoid(tx -> tx.run(
                        "UNWIND $rows AS row MATCH (f:Asset {id: row.from}) MATCH (t:Asset {id: row.to}) "
                                + "CREATE (f)-[:FEEDS {level: 'column', via: row.via}]->(t)",
                        Map.of("rows", batch))
                .consume());
    }

    /** The walk's per-hop Cypher, sent bare: same queries, same frontier, no mapping or details. */
    private static void bare(Neo4jGraph graph, String start, boolean down) {
        String pattern = down ? "(n)-[r:FEEDS]->(m)" : "(n)<-[r:FEEDS]-(m)";
        String query = "UNWIND $frontier AS fid MATCH (n:Asset {id: fid}) "
                + "CALL (n) { MATCH " + pattern + " WHERE r.level = $level "
                + "WITH m, collect(DISTINCT r.via) AS vias ORDER BY m.id "
                + "WITH collect({id: m.id, vias: vias}) AS neighbours "
                + "RETURN size(neighbours) AS total, neighbours[$skip..($skip + $fanOut)] AS shown } "
                + "RETURN fid, total, shown";
        graph.read(tx -> {
            Map<String, Boolean> seen = new HashMap<>();
            seen.put(start, true);
            List<String> frontier = List.of(start);
            for (int hop = 1; hop <= 5 && !frontier.isEmpty(); hop++) {
                List<String> next = new ArrayList<>();
                for (Record record : tx.run(query, Map.of("frontier", frontier, "level", "column", "skip", 0, "fanOut", 100)).list()) {
                    for (var neighbour : record.get("shown").asList(value -> value.get("id").asString())) {
                        if (seen.size() < LineageWalk.WALK_CAP && seen.putIfAbsent(neighbour, true) == null) {
                            next.add(neighbour);
                        }
                    }
                }
                frontier = next;
            }
            return null;
        });
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
