package io.zhongtai.metrics.bench;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.demo.DemoRetail;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Run time of the compiled SQL against SQL a person would write for the same question, on the
 * demo warehouse in DuckDB (default scale 10). Each pair runs alternately after a warm-up run of
 * each; medians are compared. Prints a table for BENCHMARKS.md. Run by bench/metrics/runtime.sh.
 */
public final class RunTimeBenchmark {
    private static final String PAID_ITEMS = "retail.order_items oi JOIN retail.orders o ON o.order_id = oi.order_id";
    private static final String GMV = "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))";

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("metrics-runtime").resolve("demo.duckdb");
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        if (Files.exists(file)) {
            System.out.printf("demo at scale %s reused from %s%n", scale, file);
        } else {
            generate(file, scale, properties);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties)) {
            MetricCompiler compiler = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
            Target target = new Target("demo", Dialect.DUCKDB);
            System.out.println("load average at start: " + loadAverage());
            System.out.println("| question | generated (median ms) | hand-written (median ms) | ratio | ratio of the fastest runs | runs |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            List<Double> ratios = new ArrayList<>();
            List<Double> fastestRatios = new ArrayList<>();
            for (Map.Entry<MetricQuery, String[]> question : questions().entrySet()) {
                String generated = compiler.compile(question.getKey(), Caller.system(), target).sql();
                String handWritten = question.getValue()[1];
                double[] times = compare(connection, generated, handWritten, runs);
                double ratio = times[0] / times[1];
                ratios.add(ratio);
                fastestRatios.add(times[2] / times[3]);
                System.out.printf("| %s | %.1f | %.1f | %.2f | %.2f | %d |%n", question.getValue()[0], times[0], times[1],
                        ratio, times[2] / times[3], (int) times[4]);
            }
            double geometric = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(0));
            System.out.printf("geometric mean of the ratios: %.2f; worst: %.2f%n", geometric,
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.out.printf("geometric mean of the ratios of the fastest runs: %.2f; worst: %.2f%n",
                    Math.exp(fastestRatios.stream().mapToDouble(Math::log).average().orElse(0)),
                    fastestRatios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.out.println("load average at end: " + loadAverage());
        }
    }

    /** Generates the demo into a file beside {@code file}, then moves it there, so a half-written file is never reused. */
    private static void generate(Path file, double scale, Properties properties) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + partial, properties)) {
            long started = System.nanoTime();
            var summary = DemoRetail.generate(connection, DemoRetail.DEFAULT_SEED, scale);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
            System.out.printf("demo at scale %s generated in %d s: %s%n", scale, (System.nanoTime() - started) / 1_000_000_000L,
                    summary.rowCounts());
        }
        Files.move(partial, file);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Median and fastest milliseconds of each and the number of runs, run alternately: at least
     * {@code runs} times each, and more
     * (up to 41) until each side has taken two seconds, so that short queries on a busy machine
     * are not judged on five samples.
     */
    private static double[] compare(Connection connection, String generated, String handWritten, int runs) throws SQLException {
        run(connection, generated);
        run(connection, handWritten);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        double spentA = 0;
        double spentB = 0;
        while (a.size() < runs || (Math.min(spentA, spentB) < 2000 && a.size() < 41)) {
            double x = run(connection, generated);
            double y = run(connection, handWritten);
            a.add(x);
            b.add(y);
            spentA += x;
            spentB += y;
        }
        return new double[] {median(a), median(b), a.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                b.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), a.size()};
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double run(Connection connection, String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    static Map<MetricQuery, String[]> questions() {
        Map<MetricQuery, String[]> out = new LinkedHashMap<>();
        out.put(MetricQuery.builder().metrics("gmv").dimensions("region", "metric_time").grain(TimeGrain.MONTH)
                .timeRange("2024-01-01", "2024-12-31").build(), new String[] {"GMV by region, monthly, 2024",
                "SELECT r.region_name, CAST(date_trunc('month', o.order_date) AS DATE) m, " + GMV + " FROM " + PAID_ITEMS
                        + " JOIN retail.stores s ON s.store_id = o.store_id JOIN retail.regions r ON r.region_id = s.region_id"
                        + " WHERE o.status = 'paid' AND o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'"
                        + " GROUP BY 1, 2 ORDER BY 1, 2"});
        out.put(MetricQuery.builder().metrics("order_count").dimensions("category").build(), new String[] {
                "orders by category (an order under each category it holds)",
                "SELECT p.category, COUNT(DISTINCT o.order_id) FROM retail.orders o JOIN retail.order_items oi ON"
                        + " oi.order_id = o.order_id JOIN retail.products p ON p.product_id = oi.product_id"
                        + " WHERE o.status = 'paid' GROUP BY 1 ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("avg_order_value").dimensions("channel").build(), new String[] {
                "average order value by channel",
                "SELECT o.channel, " + GMV + " / COUNT(DISTINCT o.order_id) FROM " + PAID_ITEMS
                        + " WHERE o.status = 'paid' GROUP BY 1 ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("refund_rate").dimensions("metric_time").grain(TimeGrain.MONTH).build(),
                new String[] {"refund rate by month",
                        "SELECT CAST(date_trunc('month', order_date) AS DATE), CAST(COUNT(DISTINCT CASE WHEN status ="
                                + " 'refunded' THEN order_id END) AS DOUBLE) / COUNT(DISTINCT order_id) FROM retail.orders"
                                + " GROUP BY 1 ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("gross_margin").dimensions("category").build(), new String[] {
                "gross margin by category",
                "SELECT p.category, SUM(oi.quantity * (oi.unit_price * (1 - oi.discount) - p.unit_cost)) / " + GMV
                        + " FROM " + PAID_ITEMS + " JOIN retail.products p ON p.product_id = oi.product_id"
                        + " WHERE o.status = 'paid' GROUP BY 1 ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("inventory_on_hand").dimensions("region", "metric_time")
                .grain(TimeGrain.MONTH).timeRange("2025-01-01", "2025-12-31").build(), new String[] {
                "inventory by region, monthly, 2025 (last snapshot of each month)",
                "WITH last AS (SELECT CAST(date_trunc('month', snapshot_date) AS DATE) m, MAX(snapshot_date) d FROM"
                        + " retail.inventory_snapshots WHERE snapshot_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'"
                        + " GROUP BY 1) SELECT r.region_name, last.m, SUM(i.on_hand_qty) FROM retail.inventory_snapshots i"
                        + " JOIN last ON i.snapshot_date = last.d JOIN retail.stores s ON s.store_id = i.store_id"
                        + " JOIN retail.regions r ON r.region_id = s.region_id GROUP BY 1, 2 ORDER BY 1, 2"});
        out.put(MetricQuery.builder().metrics("gmv_yoy").dimensions("metric_time").grain(TimeGrain.QUARTER).build(),
                new String[] {"GMV year over year by quarter",
                        "WITH q AS (SELECT CAST(date_trunc('quarter', o.order_date) AS DATE) b, " + GMV + " v FROM "
                                + PAID_ITEMS + " WHERE o.status = 'paid' GROUP BY 1) SELECT cur.b, (cur.v - prev.v) / prev.v"
                                + " FROM q cur LEFT JOIN q prev ON prev.b = cur.b - INTERVAL 1 YEAR ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("avg_rating").dimensions("customer_segment").build(), new String[] {
                "average rating by customer segment",
                "SELECT c.segment, AVG(f.rating) FROM retail.customer_feedback f JOIN retail.customers c ON"
                        + " c.customer_id = f.customer_id GROUP BY 1 ORDER BY 1"});
        out.put(MetricQuery.builder().metrics("gmv").dimensions("metric_time").grain(TimeGrain.DAY)
                .filters("region = 'East'", "channel = 'online'").timeRange("2025-01-01", "2025-03-31").build(),
                new String[] {"GMV by day, East online, 2025 Q1",
                        "SELECT o.order_date, " + GMV + " FROM " + PAID_ITEMS + " JOIN retail.stores s ON s.store_id ="
                                + " o.store_id JOIN retail.regions r ON r.region_id = s.region_id WHERE o.status = 'paid'"
                                + " AND r.region_name = 'East' AND o.channel = 'online' AND o.order_date BETWEEN"
                                + " DATE '2025-01-01' AND DATE '2025-03-31' GROUP BY 1 ORDER BY 1"});
        return out;
    }
}
