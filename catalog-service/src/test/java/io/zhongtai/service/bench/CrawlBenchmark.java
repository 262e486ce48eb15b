package io.zhongtai.service.bench;

import io.zhongtai.core.Actor;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.crawlers.Harvesters;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.graph.neo4j.EmbeddedNeo4j;
import io.zhongtai.graph.neo4j.Neo4jCatalogStore;
import io.zhongtai.graph.neo4j.Neo4jGraph;
import io.zhongtai.graph.neo4j.Neo4jSchema;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

/**
 * The crawler benchmark of BENCHMARKS.md: a generated PostgreSQL catalog (by default 10,000
 * tables of 20 columns in 10 schemas) crawled into a fresh embedded Neo4j, then crawled again
 * with nothing changed. Prints the harvest and write times of both crawls and the peak memory.
 * Not a test; see BENCHMARKS.md for the command.
 */
public final class CrawlBenchmark {
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int schemas = 10;
        TestDatabase database = TestingPostgres.instance().createDatabase("crawlbench");
        long generateStart = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            StringBuilder columnList = new StringBuilder("c0 bigint PRIMARY KEY");
            for (int c = 1; c < columns; c++) {
                columnList.append(", c").append(c).append(c % 3 == 0 ? " numeric(12,2)" : " varchar(100)");
            }
            for (int s = 0; s < schemas; s++) {
                statement.execute("CREATE SCHEMA s" + s);
                statement.execute("DO $$ BEGIN FOR i IN 0.." + (tables / schemas - 1) + " LOOP "
                        + "EXECUTE format('CREATE TABLE s" + s + ".t_%s (" + columnList + ")', i); "
                        + "EXECUTE format('COMMENT ON TABLE s" + s + ".t_%s IS %L', i, 'Generated table ' || i); "
                        + "END LOOP; END $$");
            }
        }
        System.out.printf("generated %d tables x %d columns in PostgreSQL in %d s%n",
                tables, columns, (System.nanoTime() - generateStart) / 1_000_000_000);

        Warehouse warehouse = new Warehouse("bench", database.jdbcUrl(), database.user(), null, Dialect.POSTGRES,
                CrawlSettings.DEFAULT, null, null, null);
        Path graphDirectory = Files.createTempDirectory("zhongtai-crawl-bench");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(graphDirectory, "bench-password", 512);
                Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "bench-password", "neo4j");
                JdbcWarehouseConnections connections = new JdbcWarehouseConnections()) {
            Neo4jSchema.migrate(graph);
            Neo4jCatalogStore store = new Neo4jCatalogStore(graph, Clock.systemUTC());
            for (String run : new String[] {"first crawl", "no-change crawl"}) {
                long start = System.nanoTime();
                HarvestBatch batch;
                try (Connection connection = connections.open(warehouse, database.password())) {
                    batch = Harvesters.builtIn().forDialect(Dialect.POSTGRES).harvest(warehouse, connection, progress -> {});
                }
                long harvested = System.nanoTime();
                HarvestResult result = store.applyHarvest(batch, new Actor("bench"), HarvestPolicy.DEFAULT);
                long written = System.nanoTime();
                System.out.printf("%s: %d ms total (harvest %d ms, graph write %d ms) %s%n",
                        run, (written - start) / 1_000_000, (harvested - start) / 1_000_000, (written - harvested) / 1_000_000, result);
            }
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        String peakResident = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM"))
                .findFirst()
                .orElse("VmHWM: unknown");
        System.out.printf("peak heap used %d MiB, peak resident %s%n", peakHeap / (1024 * 1024), peakResident.replaceAll("\\s+", " "));
        System.exit(0);
    }
}
