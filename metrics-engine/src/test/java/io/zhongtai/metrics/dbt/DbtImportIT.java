package io.zhongtai.metrics.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.MetricType;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.ResultAssert;
import io.zhongtai.metrics.validate.ManifestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dbt semantic manifest over the demo tables (written by hand in dbt's documented format:
 * dbt cannot run here) imported, validated, and queried with MetricFlow names on DuckDB against
 * hand-written SQL: filters from templates, ratios, derived metrics with an offset window,
 * cumulative (month-to-date, trailing 7 days) and conversion metrics.
 */
class DbtImportIT {
    private static SemanticManifest manifest;
    private static MetricCompiler compiler;
    private static MetricExecutor executor;

    @BeforeAll
    static void load() throws IOException {
        manifest = DbtSemanticManifest.read(resource("/dbt/semantic_manifest.json"), "demo", null);
        new ManifestValidator().validate(manifest);
        compiler = new MetricCompiler(new SemanticIndex(manifest));
        executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DbtImportIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static QueryResult run(MetricQuery query) {
        return executor.execute(compiler.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB)));
    }

    @Test
    void readsModelsMetricsAndTemplates() {
        assertThat(manifest.models()).extracting(m -> m.name()).containsExactly("orders", "order_items", "customers", "feedback");
        assertThat(manifest.model("orders").orElseThrow().relation().toString()).isEqualTo("retail.orders");
        assertThat(manifest.metric("order_count").orElseThrow().type()).isEqualTo(MetricType.SIMPLE);
        assertThat(((MetricSpec.Simple) manifest.metric("paid_revenue").orElseThrow().spec()).filter())
                .isEqualTo("order__status = 'paid'");
        assertThat(((MetricSpec.Simple) manifest.metric("online_paid_revenue").orElseThrow().spec()).filter())
                .isEqualTo("(order__status = 'paid') AND (order__channel = 'online')");
        assertThat(manifest.metric("paid_revenue").orElseThrow().owner()).isEqualTo("data-team");
        MetricSpec.Derived yoy = (MetricSpec.Derived) manifest.metric("paid_revenue_yoy").orElseThrow().spec();
        assertThat(yoy.inputs().get(1).offsetWindow().toString()).isEqualTo("1 year");
        assertThat(((MetricSpec.Cumulative) manifest.metric("revenue_mtd").orElseThrow().spec()).grainToDate())
                .isEqualTo(TimeGrain.MONTH);
    }

    @Test
    void theProjectYamlReadsLikeTheManifest() throws IOException {
        SemanticManifest yaml = DbtSemanticManifest.read(resource("/dbt/models/orders.yml"), "demo", "retail");
        assertThat(yaml.model("orders").orElseThrow()).isEqualTo(manifest.model("orders").orElseThrow());
        assertThat(((MetricSpec.Simple) yaml.metric("online_orders").orElseThrow().spec()).filter())
                .isEqualTo("order__channel = 'online'");
    }

    @Test
    void metricFlowNamesGroupAndFilter() {
        QueryResult result = run(MetricQuery.builder().metrics("paid_revenue")
                .dimensions("customer__segment", "metric_time__quarter").timeRange("2025-01-01", "2025-12-31").build());
        assertThat(result.columns()).extracting(c -> c.name())
                .containsExactly("customer__segment", "metric_time__quarter", "paid_revenue");
        ResultAssert.assertSameRows("paid_revenue", result, DemoDuckDb.query("SELECT c.segment, make_date(year(o.order_date),"
                + " (quarter(o.order_date) - 1) * 3 + 1, 1), SUM(oi.quantity * oi.unit_price * (1 - oi.discount))"
                + " FROM retail.order_items oi JOIN retail.orders o ON o.order_id = oi.order_id JOIN retail.customers c"
                + " ON c.customer_id = o.customer_id WHERE o.status = 'paid' AND o.order_date BETWEEN DATE '2025-01-01'"
                + " AND DATE '2025-12-31' GROUP BY 1, 2"));
    }

    @Test
    void ratioOfMetricsWithTheirOwnFilters() {
        QueryResult result = run(MetricQuery.builder().metrics("revenue_per_buyer").dimensions("order__channel").build());
        ResultAssert.assertSameRows("revenue_per_buyer", result, DemoDuckDb.query("SELECT r.channel, r.v / b.v FROM"
                + " (SELECT o.channel, CAST(SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) AS DOUBLE) v FROM"
                + " retail.order_items oi JOIN retail.orders o ON o.order_id = oi.order_id WHERE o.status = 'paid' GROUP BY 1) r"
                + " JOIN (SELECT channel, COUNT(DISTINCT customer_id) v FROM retail.orders WHERE status = 'paid' GROUP BY 1) b"
                + " ON b.channel = r.channel"));
    }

    @Test
    void derivedMetricWithAnOffsetWindowComparesWithTheYearBefore() {
        QueryResult result = run(MetricQuery.builder().metrics("paid_revenue_yoy").dimensions("metric_time")
                .grain(TimeGrain.MONTH).timeRange("2025-01-01", "2025-06-30").build());
        ResultAssert.assertSameRows("paid_revenue_yoy", result, DemoDuckDb.query("WITH m AS (SELECT make_date(year(o.order_date),"
                + " month(o.order_date), 1) b, SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) v FROM retail.order_items oi"
                + " JOIN retail.orders o ON o.order_id = oi.order_id WHERE o.status = 'paid' GROUP BY 1)"
                + " SELECT cur.b, CAST(cur.v - prev.v AS DOUBLE) / prev.v FROM m cur JOIN m prev ON prev.b = cur.b - INTERVAL 1 YEAR"
                + " WHERE cur.b BETWEEN DATE '2025-01-01' AND DATE '2025-06-30'"));
    }

    @Test
    void monthToDateRunsFromTheFirstOfEachMonth() {
        QueryResult result = run(MetricQuery.builder().metrics("revenue_mtd").dimensions("metric_time").grain(TimeGrain.DAY)
                .timeRange("2024-02-20", "2024-03-10").build());
        ResultAssert.assertSameRows("revenue_mtd", result, DemoDuckDb.query("WITH d AS (SELECT o.order_date d0,"
                + " SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) v FROM retail.order_items oi JOIN retail.orders o"
                + " ON o.order_id = oi.order_id WHERE o.status = 'paid' GROUP BY 1)"
                + " SELECT a.d0, SUM(b.v) FROM d a JOIN d b ON b.d0 <= a.d0 AND b.d0 >= make_date(year(a.d0), month(a.d0), 1)"
                + " WHERE a.d0 BETWEEN DATE '2024-02-20' AND DATE '2024-03-10' GROUP BY a.d0"));
    }

    @Test
    void trailingSevenDaysAtMonthGrainEndsAtEachMonthsLastDayOrTheRangeEnd() {
        QueryResult result = run(MetricQuery.builder().metrics("revenue_7d").dimensions("metric_time").grain(TimeGrain.MONTH)
                .timeRange("2024-01-01", "2024-03-15").build());
        String sum = "SELECT SUM(oi.quantity * oi.unit_price * (1 - oi.discount)) FROM retail.order_items oi JOIN retail.orders o"
                + " ON o.order_id = oi.order_id WHERE o.status = 'paid' AND o.order_date BETWEEN ";
        ResultAssert.assertSameRows("revenue_7d", result, DemoDuckDb.query(
                "SELECT DATE '2024-01-01', (" + sum + "DATE '2024-01-25' AND DATE '2024-01-31')"
                        + " UNION ALL SELECT DATE '2024-02-01', (" + sum + "DATE '2024-02-23' AND DATE '2024-02-29')"
                        + " UNION ALL SELECT DATE '2024-03-01', (" + sum + "DATE '2024-03-09' AND DATE '2024-03-15')"));
    }

    @Test
    void conversionRateIsTheShareOfOrdersFollowedByFeedbackWithinAWeek() {
        QueryResult result = run(MetricQuery.builder().metrics("feedback_within_week").dimensions("customer__segment")
                .timeRange("2025-01-01", "2025-03-31").build());
        ResultAssert.assertSameRows("feedback_within_week", result, DemoDuckDb.query("SELECT c.segment,"
                + " CAST(COUNT(CASE WHEN EXISTS (SELECT 1 FROM retail.customer_feedback f WHERE f.customer_id = o.customer_id"
                + " AND f.created_at >= o.order_date AND f.created_at <= o.order_date + INTERVAL 7 DAY) THEN 1 END) AS DOUBLE)"
                + " / COUNT(*) FROM retail.orders o JOIN retail.customers c ON c.customer_id = o.customer_id"
                + " WHERE o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31' GROUP BY 1"));
        assertThat(result.rows()).allSatisfy(r -> assertThat(ResultAssert.number(r.get(1))).isBetween(0.01, 0.99));
    }
}
