package io.zhongtai.graph.neo4j;

import io.zhongtai.core.PageRequest;
import io.zhongtai.core.governance.BuiltInKpis;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiMeasure;
import io.zhongtai.core.governance.KpiWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes every built-in KPI, an owner breakdown and a page of gaps over a generated catalog
 * (default 1,000,000 assets: 50,000 tables of 19 columns), the work behind one governance report.
 * Prints a block for BENCHMARKS.md. Not a test: see BENCHMARKS.md for the command.
 */
public final class GovernanceBenchmark {
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 19;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path directory = Files.createTempDirectory("zhongtai-governance-bench");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "bench-password", 2048);
                Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "bench-password", "neo4j")) {
            Neo4jSchema.migrate(graph);
            long started = System.nanoTime();
            generate(graph, tables, columns);
            long loadMs = (System.nanoTime() - started) / 1_000_000;
            Neo4jGovernanceStore store = new Neo4jGovernanceStore(graph, Clock.systemUTC());
            KpiWindow window = new KpiWindow(LocalDate.now(), 30);
            long best = Long.MAX_VALUE;
            StringBuilder detail = new StringBuilder();
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder();
                long roundStart = System.nanoTime();
                for (KpiDefinition kpi : BuiltInKpis.all()) {
                    long t0 = System.nanoTime();
                    KpiMeasure measure = store.measure(kpi, window);
                    line.append(String.format("  %-24s %,8d of %,9d  %,6d ms%n", kpi.name(), measure.count(), measure.total(),
                            (System.nanoTime() - t0) / 1_000_000));
                }
                long total = (System.nanoTime() - roundStart) / 1_000_000;
                if (total < best) {
                    best = total;
                    detail = line;
                }
            }
            long bestConcurrent = Long.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long roundStart = System.nanoTime();
                store.measureAll(BuiltInKpis.all(), window);
                bestConcurrent = Math.min(bestConcurrent, (System.nanoTime() - roundStart) / 1_000_000);
            }
            KpiDefinition description = BuiltInKpis.find(BuiltInKpis.DESCRIPTION_COVERAGE).orElseThrow();
            long t0 = System.nanoTime();
            int owners = store.breakdown(description, window, "owner").size();
            long breakdownMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            long gaps = store.gaps(description, window, null, new PageRequest(0, 50)).total();
            long gapsMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("catalog: %,d tables x %d columns = %,d assets, generated in %,d ms%n",
                    tables, columns, tables * (columns + 1L), loadMs);
            System.out.printf("all %d built-in KPIs one after another: best of %d rounds %,d ms%n%s", BuiltInKpis.all().size(), rounds, best, detail);
            System.out.printf("all %d built-in KPIs on %d threads (as the report API computes them): best of %d rounds %,d ms%n",
                    BuiltInKpis.all().size(), Runtime.getRuntime().availableProcessors(), rounds, bestConcurrent);
            System.out.printf("description_coverage by owner (%d owners): %,d ms; first page of %,d gaps: %,d ms%n",
                    owners, breakdownMs, gaps, gapsMs);
        }
    }

    /** Tables with 80% described, 60% owned, one in ten with a term, columns classified, some lineage. */
    private static void generate(Neo4jGraph graph, int tables, int columns) {
        graph.writeVoid(tx -> {
            tx.run("CREATE (:Asset:Warehouse {id: 'warehouse:bench', type: 'warehouse', name: 'bench', qualifiedName: 'bench', "
                            + "warehouse: 'bench', version: 1, deleted: false})").consume();
            tx.run("MATCH (w:Asset {id: 'warehouse:bench'}) CREATE (w)-[:CONTAINS]->(:Asset:Schema {id: 'schema:bench.public', "
                            + "type: 'schema', name: 'public', qualifiedName: 'bench.public', warehouse: 'bench', "
                            + "parentId: 'warehouse:bench', version: 1, deleted: false})").consume();
            for (int g = 0; g < 20; g++) {
                tx.run("CREATE (:Asset:Group {id: $id, type: 'group', name: $name, version: 1, deleted: false})",
                        Map.of("id", "group:team-" + g, "name", "team-" + g)).consume();
            }
            tx.run("CREATE (:Asset:Term {id: 'term:Revenue', type: 'term', name: 'Revenue', version: 1, deleted: false})").consume();
            tx.run("MERGE (:Asset:Tag {id: 'tag:pii', type: 'tag', name: 'pii', version: 1, deleted: false})").consume();
        });
        int batch = 1_000;
        for (int from = 0; from < tables; from += batch) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int t = from; t < Math.min(tables, from + batch); t++) {
                rows.add(Map.of("t", t));
            }
            graph.writeVoid(tx -> tx.run(
                            "UNWIND $rows AS row MATCH (s:Asset {id: 'schema:bench.public'}) "
                                    + "CREATE (s)-[:CONTAINS]->(a:Asset:Table {id: 'table:bench.public.t' + row.t, type: 'table', "
                                    + "name: 't' + row.t, qualifiedName: 'bench.public.t' + row.t, warehouse: 'bench', "
                                    + "parentId: 'schema:bench.public', version: 1, deleted: false, rowCount: row.t * 10, "
                                    + "sizeBytes: row.t * 100, updatedAt: timestamp(), "
                                    + "sourceDescription: CASE WHEN row.t % 5 = 0 THEN NULL ELSE 'Table ' + row.t END}) "
                                    + "WITH a, row UNWIND range(1, $columns) AS c "
                                    + "CREATE (a)-[:CONTAINS]->(col:Asset:Column {id: a.id + '.c' + c, type: 'column', name: 'c' + c, "
                                    + "qualifiedName: a.qualifiedName + '.c' + c, warehouse: 'bench', parentId: a.id, version: 1, "
                                    + "deleted: false, position: c, classification: CASE WHEN c = 3 THEN 'pii:email' ELSE 'none' END, "
                                    + "sourceDescription: CASE WHEN (row.t + c) % 37 = 0 THEN NULL ELSE 'Column ' + c END})",
                            Map.of("rows", rows, "columns", columns))
                    .consume());
        }
        graph.writeVoid(tx -> {
            tx.run("MATCH (a:Table) WHERE toInteger(substring(a.name, 1)) % 5 < 3 "
                            + "MATCH (g:Asset {id: 'group:team-' + toString(toInteger(substring(a.name, 1)) % 20)}) "
                            + "CREATE (a)-[:OWNED_BY]->(g)").consume();
            tx.run("MATCH (a:Table) WHERE toInteger(substring(a.name, 1)) % 10 = 0 MATCH (x:Term {id: 'term:Revenue'}) "
                            + "CREATE (a)-[:HAS_TERM]->(x)").consume();
        });
        graph.writeVoid(tx -> tx.run("MATCH (c:Column) WHERE c.classification = 'pii:email' AND toInteger(substring(c.parentId, 20)) % 2 = 0 "
                        + "MATCH (t:Tag {id: 'tag:pii'}) CREATE (c)-[:TAGGED {source: 'automatic', kind: 'email'}]->(t)")
                .consume());
        graph.writeVoid(tx -> tx.run("MATCH (a:Table) WHERE toInteger(substring(a.name, 1)) % 4 = 0 "
                        + "MATCH (b:Table {id: 'table:bench.public.t' + toString(toInteger(substring(a.name, 1)) + 1)}) "
                        + "CREATE (a)-[:FEEDS {level: 'table', via: 'job:bench.j'}]->(b)")
                .consume());
    }
}
