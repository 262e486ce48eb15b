package io.zhongtai.graph.neo4j;

import io.zhongtai.core.Actor;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated harvest of {@code tables} tables with {@code columns} columns each into a
 * fresh embedded Neo4j, then the same harvest again (no change), and prints both times. Not a
 * test: run it by hand (see BENCHMARKS.md for the command).
 */
public final class HarvestWriteBenchmark {
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        HarvestBatch batch = generate(tables, columns);
        Path directory = Files.createTempDirectory("zhongtai-harvest-bench");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "bench-password", 512);
                Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "bench-password", "neo4j")) {
            Neo4jSchema.migrate(graph);
            Neo4jCatalogStore store = new Neo4jCatalogStore(graph, Clock.systemUTC());
            long start = System.nanoTime();
            HarvestResult first = store.applyHarvest(batch, new Actor("bench"), HarvestPolicy.DEFAULT);
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HarvestResult second = store.applyHarvest(batch, new Actor("bench"), HarvestPolicy.DEFAULT);
            long secondMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d tables x %d columns: first write %d ms %s, unchanged rewrite %d ms %s, peak heap %d MiB%n",
                    tables, columns, firstMs, first, secondMs, second, peakHeapMib());
        }
    }

    static HarvestBatch generate(int tables, int columns) {
        List<HarvestedTable> generated = new ArrayList<>(tables);
        for (int t = 0; t < tables; t++) {
            List<HarvestedColumn> cols = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                cols.add(new HarvestedColumn("col_" + c, c == 0 ? "bigint" : "character varying(100)", c != 0, c + 1, null,
                        "Column " + c + " of table " + t));
            }
            generated.add(new HarvestedTable("table_" + t, TableKind.TABLE, "Table " + t, null, 1000L + t, 8192L,
                    cols, List.of("col_0"), List.of()));
        }
        return new HarvestBatch("bench", List.of(new HarvestedSchema("public", "Generated", generated)));
    }

    static long peakHeapMib() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}
