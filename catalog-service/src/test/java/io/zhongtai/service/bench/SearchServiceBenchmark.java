package io.zhongtai.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zhongtai.core.Actor;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.service.config.StoreFactory;
import io.zhongtai.service.search.RebuildRun;
import io.zhongtai.service.search.SearchProjection;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The search benchmark of BENCHMARKS.md on a generated catalog in the graph (by default
 * 1,000,000 assets). Not a test; run it through {@code bench/search/run.sh}. Steps, each on the
 * same home so that they can be run one by one:
 * <ul>
 *   <li>{@code generate <home> <assets>}: writes the catalog into the embedded Neo4j of the home
 *       through the catalog store (harvests of ten warehouses, groups, glossary terms) and sets
 *       owners on three tables in four;
 *   <li>{@code rebuild <home>}: reads the catalog once without indexing (the graph's share), then
 *       rebuilds the Lucene index from it through the service's projection, and prints both rates;
 *   <li>{@code query <home> <seconds>}: the query mix straight on the Lucene index (no service),
 *       then through the running service over HTTP, each with 1 and with 8 concurrent clients,
 *       and the ratio the service adds.
 * </ul>
 */
public final class SearchServiceBenchmark {
    static final String PASSWORD = "bench-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {
        "order", "customer", "product", "sales", "inventory", "store", "region", "payment", "shipment", "refund",
        "invoice", "campaign", "session", "click", "account", "ledger", "supplier", "price", "discount", "return",
        "loyalty", "coupon", "basket", "delivery", "stock", "category", "brand", "review", "rating", "visit"};
    private static final String[] CHINESE = {"订单", "客户", "商品", "销售", "库存", "门店", "地区", "支付", "退款", "评价"};
    private static final String[] SUFFIXES = {"id", "date", "amount", "count", "status", "name", "code", "type", "at", "qty"};
    private static final String[] SCHEMAS = {"raw", "staging", "core", "mart", "finance", "crm", "ops", "marketing", "risk", "web"};
    private static final int WAREHOUSES = 10;
    private static final int COLUMNS = 19;

    /** The query mix: what people type, with filters, typos, Chinese, phrases and a prefix. */
    static final List<String> QUERIES = List.of(
            "order",
            "customer payment",
            "ordrs",
            "订单",
            "payment tag:pii",
            "type:table refund",
            "\"order amount\"",
            "inventory snapshot",
            "supplier_id",
            "deliv");

    private SearchServiceBenchmark() {}

    public static void main(String[] args) throws Exception {
        String step = args.length > 0 ? args[0] : "help";
        switch (step) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "rebuild" -> rebuild(Path.of(args[1]));
            case "query" -> query(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 30);
            default -> System.out.println("usage: generate <home> <assets> | rebuild <home> | query <home> [seconds]");
        }
        System.exit(0);
    }

    private static Map<String, Object> properties(Path home) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("zhongtai.home", home.toString());
        properties.put("zhongtai.demo.enabled", false);
        properties.put("zhongtai.admin-password", PASSWORD);
        properties.put("zhongtai.neo4j.page-cache-mb", 1024);
        properties.put("zhongtai.search.ram-buffer-mb", 256);
        return properties;
    }

    // --- generate

    private static void generate(Path home, int assets) {
        Random random = new Random(42);
        int tablesPerWarehouse = Math.max(1, assets / WAREHOUSES / (COLUMNS + 1));
        try (ApplicationContext context = ApplicationContext.builder().properties(properties(home)).start()) {
            CatalogStore store = context.getBean(CatalogStore.class);
            WarehouseStore warehouses = context.getBean(WarehouseStore.class);
            IdentityStore identities = context.getBean(IdentityStore.class);
            Actor actor = new Actor("bench");
            for (int g = 0; g < 12; g++) {
                identities.createGroup(new Group("team-" + g, "Team " + g, "Generated team " + g, null, List.of(), Instant.now()), actor);
            }
            for (int t = 0; t < 500; t++) {
                String first = WORDS[random.nextInt(WORDS.length)];
                String second = WORDS[random.nextInt(WORDS.length)];
                store.createClassification(new Classification(
                        AssetId.of(AssetType.TERM, "Term " + t + " " + first + " " + second),
                        "A business term about " + first + " " + second,
                        List.of(first + " " + second, CHINESE[random.nextInt(CHINESE.length)] + "指标" + t),
                        List.of(), 0, null, 0), actor);
            }
            long total = 0;
            long start = System.nanoTime();
            for (int w = 0; w < WAREHOUSES; w++) {
                String name = "bench" + w;
                warehouses.create(new Warehouse(name, "jdbc:postgresql://bench-" + w + ":5432/shop", "reader", null,
                        Dialect.POSTGRES, CrawlSettings.DEFAULT, null, null, null), actor);
                long began = System.nanoTime();
                HarvestResult result = store.applyHarvest(harvest(name, tablesPerWarehouse, random), actor, HarvestPolicy.DEFAULT);
                total += result.added();
                System.out.printf(Locale.ROOT, "warehouse %s: %,d assets written in %.1f s%n", name, result.added(), seconds(began));
            }
            long owned = context.getBean(StoreFactory.GraphConnection.class).graph().write(tx -> tx.run(
                            "MATCH (t:Table) WHERE t.warehouse STARTS WITH 'bench' AND rand() < 0.75 "
                                    + "WITH t, 'group:team-' + toString(toInteger(rand() * 12)) AS owner "
                                    + "MATCH (g:Asset {id: owner}) MERGE (t)-[:OWNED_BY]->(g) RETURN count(*) AS n")
                    .single()
                    .get("n")
                    .asLong());
            System.out.printf(Locale.ROOT, "generated %,d assets (+ 12 groups, 500 terms, %,d tables with an owner) in %.0f s; "
                    + "change log at %,d%n", total, owned, seconds(start), store.lastChangeSequence());
        }
    }

    /** One warehouse: ten schemas of tables with descriptions and {@value #COLUMNS} described columns each. */
    private static HarvestBatch harvest(String warehouse, int tables, Random random) {
        List<List<HarvestedTable>> bySchema = new ArrayList<>();
        for (int s = 0; s < SCHEMAS.length; s++) {
            bySchema.add(new ArrayList<>());
        }
        for (int t = 0; t < tables; t++) {
            String schema = SCHEMAS[t % SCHEMAS.length];
            String first = WORDS[random.nextInt(WORDS.length)];
            String second = WORDS[random.nextInt(WORDS.length)];
            List<HarvestedColumn> columns = new ArrayList<>(COLUMNS);
            for (int c = 0; c < COLUMNS; c++) {
                String column = c == 3 && random.nextInt(10) == 0
                        ? "customer_email"
                        : WORDS[random.nextInt(WORDS.length)] + "_" + SUFFIXES[random.nextInt(SUFFIXES.length)] + "_" + c;
                columns.add(new HarvestedColumn(column, c == 0 ? "bigint" : "varchar(100)", c != 0, c + 1, null,
                        "The " + column.replace('_', ' ') + " of each " + first));
            }
            bySchema.get(t % SCHEMAS.length).add(new HarvestedTable(
                    first + "_" + second + "_" + t,
                    TableKind.TABLE,
                    "One row per " + first + " and " + second + ", loaded nightly from " + schema + ". "
                            + CHINESE[random.nextInt(CHINESE.length)] + CHINESE[random.nextInt(CHINESE.length)] + "明细表。",
                    null,
                    1000L + t,
                    null,
                    columns,
                    List.of(columns.get(0).name()),
                    List.of()));
        }
        List<HarvestedSchema> schemas = new ArrayList<>();
        for (int s = 0; s < SCHEMAS.length; s++) {
            schemas.add(new HarvestedSchema(SCHEMAS[s], "Generated schema " + SCHEMAS[s], bySchema.get(s)));
        }
        return new HarvestBatch(warehouse, schemas);
    }

    // --- rebuild

    private static void rebuild(Path home) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties(home)).start()) {
            CatalogStore store = context.getBean(CatalogStore.class);
            long start = System.nanoTime();
            long read = 0;
            AssetId after = null;
            for (List<AssetDetail> page = store.assetsAfter(null, 2000); !page.isEmpty(); page = store.assetsAfter(after, 2000)) {
                read += page.size();
                after = page.get(page.size() - 1).asset().id();
            }
            double readSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "graph read alone: %,d assets in %.1f s = %,.0f assets/s%n", read, readSeconds, read / readSeconds);
            RebuildRun run = context.getBean(SearchProjection.class).rebuild(new Actor("bench"));
            System.out.printf(Locale.ROOT, "rebuild from the graph: %,d documents in %.1f s = %,.0f documents/s (%s)%n",
                    run.documents(), run.seconds(), run.documentsPerSecond(), run.status().value());
            System.out.printf(Locale.ROOT, "load average %.1f, peak heap %,d MiB%n", loadAverage(), peakHeapMib());
        }
    }

    // --- queries

    /**
     * Runs the service and measures, in the same JVM on the same index, the mix straight on the
     * index (the search port, as the controller calls it: no HTTP, JSON or security) and through
     * HTTP, alternating the two in rounds so that a change in the machine's load hits both alike.
     */
    private static void query(Path home, int seconds) throws Exception {
        Map<String, Object> properties = properties(home);
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            SearchIndex index = server.getApplicationContext().getBean(SearchIndex.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + server.getPort();
            awaitHealthy(http, base);
            String token = login(http, base);
            System.out.printf(Locale.ROOT, "index: %,d documents at change %d%n", index.documentCount(), index.appliedSequence());
            run(seconds, 1, () -> search(index, null)); // warm-up, both paths
            run(seconds, 1, () -> get(http, base, token, null));
            System.out.println();
            System.out.println("| query | hits | straight to the index, 1 client: p50 / p99 |");
            System.out.println("| --- | --- | --- |");
            for (String query : QUERIES) {
                Latencies alone = run(0, 1, 20, () -> search(index, query));
                System.out.printf(Locale.ROOT, "| `%s` | %,d | %.1f / %.1f ms |%n", query, search(index, query), alone.p(50), alone.p(99));
            }
            Map<String, List<Double>> direct = new LinkedHashMap<>();
            Map<String, List<Double>> service = new LinkedHashMap<>();
            for (int round = 0; round < 2; round++) {
                for (int clients : new int[] {1, 8}) {
                    direct.computeIfAbsent("" + clients, key -> new ArrayList<>())
                            .addAll(run(seconds, clients, () -> search(index, null)).list());
                    service.computeIfAbsent("" + clients, key -> new ArrayList<>())
                            .addAll(run(seconds, clients, () -> get(http, base, token, null)).list());
                }
            }
            System.out.println();
            System.out.println("| clients | straight to the index p50 / p95 / p99 | through the service p50 / p95 / p99 | service / straight (p50, p99) | queries |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (int clients : new int[] {1, 8}) {
                Latencies d = Latencies.of(direct.get("" + clients));
                Latencies s = Latencies.of(service.get("" + clients));
                System.out.printf(Locale.ROOT, "| %d | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %.2f, %.2f | %,d straight, %,d service |%n",
                        clients, d.p(50), d.p(95), d.p(99), s.p(50), s.p(95), s.p(99), s.p(50) / d.p(50), s.p(99) / d.p(99),
                        d.count(), s.count());
            }
        }
        System.out.printf(Locale.ROOT, "load average %.1f at the end; each cell 2 x %d s of the mix of %d queries, the two paths alternating%n",
                loadAverage(), seconds, QUERIES.size());
    }

    private static final ThreadLocal<Integer> NEXT = ThreadLocal.withInitial(() -> 0);

    /** The next query of the mix for this client, so that every client cycles through all of them. */
    private static String next(String fixed) {
        if (fixed != null) {
            return fixed;
        }
        int i = NEXT.get();
        NEXT.set(i + 1);
        return QUERIES.get(i % QUERIES.size());
    }

    private static long search(SearchIndex index, String fixed) {
        return index.search(SearchQuery.fromRequest(next(fixed), null, null, null, null, false)).total();
    }

    private static long get(HttpClient http, String base, String token, String fixed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q="
                        + URLEncoder.encode(next(fixed), StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().length();
    }

    /** Runs the work on {@code clients} threads for a while; each call's latency is recorded. */
    private static Latencies run(int seconds, int clients, Callable<Long> work) throws Exception {
        return run(seconds, clients, 0, work);
    }

    /** As above, for {@code seconds} or, when that is 0, for {@code calls} calls per client. */
    private static Latencies run(int seconds, int clients, int calls, Callable<Long> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                while (System.nanoTime() < deadline && (calls == 0 || millis.size() < calls)) {
                    long begin = System.nanoTime();
                    work.call();
                    millis.add((System.nanoTime() - begin) / 1e6);
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /** Sorted latencies in milliseconds. */
    private record Latencies(double[] sorted) {
        static Latencies of(List<Double> millis) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return new Latencies(sorted);
        }

        List<Double> list() {
            return Arrays.stream(sorted).boxed().toList();
        }

        double p(int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        int count() {
            return sorted.length;
        }
    }

    private static void awaitHealthy(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become healthy");
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", "admin", "password", PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asText();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long peakHeapMib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}
