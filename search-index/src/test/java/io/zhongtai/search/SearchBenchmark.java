package io.zhongtai.search;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchFilter;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.core.search.SearchResult;
import io.zhongtai.search.lucene.LuceneSearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndexConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Indexing rate, query latency (with facets, as every search computes them, at 1 and at 8
 * concurrent clients) and rebuild rate of the Lucene index on a generated catalog, with no
 * service around it. Not a test: run {@code bench/search/index.sh}, and paste the block it prints
 * into BENCHMARKS.md. Arguments: number of documents (default 1,000,000), index folder (default: a
 * temporary one, removed afterwards).
 */
public final class SearchBenchmark {
    private static final String[] WORDS = {
        "order", "customer", "product", "sales", "inventory", "store", "region", "payment", "shipment", "refund",
        "invoice", "campaign", "session", "click", "account", "ledger", "supplier", "price", "discount", "return",
        "loyalty", "coupon", "basket", "delivery", "stock", "category", "brand", "review", "rating", "visit"};
    private static final String[] CHINESE = {"订单", "客户", "商品", "销售", "库存", "门店", "地区", "支付", "退款", "评价"};
    private static final String[] SUFFIXES = {"id", "date", "amount", "count", "status", "name", "code", "type", "at", "qty"};
    private static final String[] SCHEMAS = {"raw", "staging", "core", "mart", "finance", "crm", "ops", "marketing"};
    private static final String[] DOMAINS = {"Sales", "Customer", "Supply Chain", "Finance", "Marketing"};
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final int WARM_UP = 100;
    private static final int RUNS = 300;

    private SearchBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000_000;
        Path folder = arguments.length > 1 ? Path.of(arguments[1]) : Files.createTempDirectory("zhongtai-search-bench-");
        List<SearchDocument> documents = generate(count, new Random(42));
        Map<String, String> results = new LinkedHashMap<>();
        warmUp(documents.subList(0, Math.min(documents.size(), 20_000)));
        try (LuceneSearchIndex index = new LuceneSearchIndex(new LuceneSearchIndexConfig(folder, 256))) {
            // incremental indexing as the projection does it: batches through the port, one thread
            int single = Math.min(count, 200_000);
            long start = System.nanoTime();
            for (int from = 0; from < single; from += 1_000) {
                index.upsert(documents.subList(from, Math.min(single, from + 1_000)));
            }
            index.commit(1);
            double singleSeconds = seconds(start);
            results.put("indexing through the port, batches of 1,000 on one thread, one commit", String.format(Locale.ROOT,
                    "%,d documents in %.1f s = **%,.0f documents/s**", single, singleSeconds, single / singleSeconds));

            // bulk indexing: a rebuild, analysis and indexing on every core, then the switch
            start = System.nanoTime();
            index.rebuild(documents.stream(), 2);
            double rebuildSeconds = seconds(start);
            results.put("bulk indexing (rebuild: every core, one commit, then the switch)", String.format(Locale.ROOT,
                    "%,d documents in %.1f s = **%,.0f documents/s**", count, rebuildSeconds, count / rebuildSeconds));
            results.put("index size on disk", String.format(Locale.ROOT, "%.0f MiB", size(folder) / 1024.0 / 1024.0));

            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            queries.put("`order`", () -> index.search(SearchQuery.of("order")));
            queries.put("`customer payment`", () -> index.search(SearchQuery.of("customer payment")));
            queries.put("`ordrs` (typo)", () -> index.search(SearchQuery.of("ordrs")));
            queries.put("`订单`", () -> index.search(SearchQuery.of("订单")));
            queries.put("`payment` + `tag:pii`", () -> index.search(SearchQuery.of("payment").withFilters(List.of(SearchFilter.parse("tag:pii")))));
            queries.put("`\"order amount\"` (phrase)", () -> index.search(SearchQuery.of("\"order amount\"")));
            queries.put("browse, `type:table`, page 3", () -> index.search(SearchQuery.of("").withTypes(Set.of(AssetType.TABLE)).withPage(3, 50)));
            queries.put("suggest `ord`", () -> index.suggest("ord", 10));
            for (int i = 0; i < WARM_UP; i++) {
                queries.values().forEach(Supplier::get);
            }
            for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
                double[] millis = new double[RUNS];
                Object last = null;
                for (int i = 0; i < RUNS; i++) {
                    long begin = System.nanoTime();
                    last = query.getValue().get();
                    millis[i] = (System.nanoTime() - begin) / 1e6;
                }
                Arrays.sort(millis);
                String hits = last instanceof SearchResult result ? String.format(Locale.ROOT, "%,d hits", result.total()) : "10 suggestions";
                results.put("query " + query.getKey() + ", 1 client", String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%s)",
                        percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), hits));
            }
            List<Supplier<Object>> mix = List.copyOf(queries.values());
            for (int clients : new int[] {1, 8}) {
                double[] millis = concurrently(clients, 20, mix);
                results.put("the mix above, " + clients + " concurrent client" + (clients == 1 ? "" : "s"), String.format(Locale.ROOT,
                        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%,d queries in 20 s)",
                        percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.length));
            }
        } finally {
            if (arguments.length <= 1) {
                delete(folder);
            }
        }
        print(count, results);
    }

    /** Each client runs the mix in turn for the given time; all latencies, sorted. */
    private static double[] concurrently(int clients, int seconds, List<Supplier<Object>> mix) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    long begin = System.nanoTime();
                    mix.get(i % mix.size()).get();
                    millis.add((System.nanoTime() - begin) / 1e6);
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (java.util.concurrent.Future<List<Double>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Indexes and searches a part once, unmeasured, so that the figures are of compiled code, as in a running service. */
    private static void warmUp(List<SearchDocument> documents) throws IOException {
        Path folder = Files.createTempDirectory("zhongtai-search-warm-up-");
        try (LuceneSearchIndex index = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder))) {
            index.upsert(documents);
            index.commit(1);
            index.rebuild(documents.stream(), 2);
            index.search(SearchQuery.of("order"));
        } finally {
            delete(folder);
        }
    }

    /** A catalog in the proportions of a warehouse: a quarter tables, the rest their columns, some terms. */
    static List<SearchDocument> generate(int count, Random random) {
        List<SearchDocument> documents = new ArrayList<>(count);
        List<OwnerRef> owners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            owners.add(new OwnerRef(AssetId.of(AssetType.GROUP, "team-" + i), "Team " + i));
        }
        int table = 0;
        while (documents.size() < count) {
            String schema = SCHEMAS[random.nextInt(SCHEMAS.length)];
            String first = WORDS[random.nextInt(WORDS.length)];
            String second = WORDS[random.nextInt(WORDS.length)];
            String name = first + "_" + second + "_" + table++;
            AssetId id = AssetId.of(AssetType.TABLE, "bench", schema, name);
            int columnCount = 3 + random.nextInt(5);
            List<SearchDocument.Column> columns = new ArrayList<>();
            for (int c = 0; c < columnCount; c++) {
                String column = WORDS[random.nextInt(WORDS.length)] + "_" + SUFFIXES[random.nextInt(SUFFIXES.length)] + "_" + c;
                columns.add(new SearchDocument.Column(column, "The " + column.replace('_', ' ') + " of each " + first));
            }
            boolean pii = random.nextInt(10) == 0;
            documents.add(SearchDocument.builder(id)
                    .description("One row per " + first + " and " + second + ", loaded nightly from " + schema + ". "
                            + CHINESE[random.nextInt(CHINESE.length)] + CHINESE[random.nextInt(CHINESE.length)] + "明细表。")
                    .columns(columns)
                    .tags(pii ? List.of("pii") : List.of())
                    .owners(random.nextInt(4) == 0 ? List.of() : List.of(owners.get(random.nextInt(owners.size()))))
                    .domain(DOMAINS[random.nextInt(DOMAINS.length)])
                    .platform("duckdb")
                    .certified(random.nextInt(50) == 0)
                    .reads(random.nextInt(5) == 0 ? random.nextInt(10_000) : 0)
                    .updatedAt(AT)
                    .build());
            for (SearchDocument.Column column : columns) {
                if (documents.size() >= count) {
                    break;
                }
                documents.add(SearchDocument.builder(id.child(AssetType.COLUMN, column.name()))
                        .description(column.description())
                        .tags(pii && column.name().startsWith("customer") ? List.of("pii") : List.of())
                        .platform("duckdb")
                        .updatedAt(AT)
                        .build());
            }
            if (table % 100 == 0 && documents.size() < count) {
                documents.add(SearchDocument.builder(AssetId.of(AssetType.TERM, "Term " + table))
                        .description("A business term about " + first + " " + second)
                        .labels(List.of(first + " " + second, CHINESE[random.nextInt(CHINESE.length)]))
                        .updatedAt(AT)
                        .build());
            }
        }
        return documents;
    }

    private static void print(int count, Map<String, String> results) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println();
        System.out.println("### The Lucene index alone, " + String.format(Locale.ROOT, "%,d", count) + " generated assets");
        System.out.println();
        System.out.println("Command (from the repository root; builds, then runs: " + WARM_UP + " warm-up rounds, " + RUNS
                + " timed runs per query, facets counted on every search):");
        System.out.println();
        System.out.println("```");
        System.out.println("bench/search/index.sh " + count);
        System.out.println("```");
        System.out.println();
        System.out.println("| what | result |");
        System.out.println("| --- | --- |");
        results.forEach((what, result) -> System.out.println("| " + what + " | " + result + " |"));
        System.out.println();
        System.out.printf(Locale.ROOT,
                "JVM: %s %s, %d processors, max heap %d MiB; after a warm-up of 20,000 documents; system load average %.1f"
                        + " at the end (other work on the machine slows every figure). Measured %s.%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), runtime.availableProcessors(),
                runtime.maxMemory() / 1024 / 1024,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                java.time.LocalDate.now());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
