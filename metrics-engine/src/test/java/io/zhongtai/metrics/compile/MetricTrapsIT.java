package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.query.TimeRange;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.ResultAssert;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The places where metric SQL usually goes wrong, each checked against numbers computed by hand on the demo. */
class MetricTrapsIT {
    private static final MetricCompiler COMPILER = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
    private static final String PAID_ITEMS = "retail.order_items oi JOIN retail.orders o ON oi.order_id = o.order_id"
            + " WHERE o.status = 'paid'";
    private static final String GMV = "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))";
    private static MetricExecutor executor;

    @BeforeAll
    static void start() {
        executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static QueryResult run(MetricQuery query) {
        return executor.execute(COMPILER.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB)));
    }

    private static double scalar(String sql) {
        return ResultAssert.number(DemoDuckDb.query(sql).get(0).get(0));
    }

    private static double sumOfColumn(QueryResult result, String column) {
        int index = result.columnIndex(column);
        return result.rows().stream().mapToDouble(r -> ResultAssert.number(r.get(index))).sum();
    }

    @Test
    void orderCountByCategoryCountsEachOrderOncePerCategoryAndGmvNeverTwice() {
        QueryResult byCategory = run(MetricQuery.builder().metrics("order_count", "gmv").dimensions("category").build());
        double totalOrders = scalar("SELECT COUNT(*) FROM retail.orders WHERE status = 'paid'");
        double totalGmv = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS);
        // an order with a Beauty and a Toys item is under both: more than the orders there are
        assertThat(sumOfColumn(byCategory, "order_count")).isGreaterThan(totalOrders);
        double multiCategoryOrders = scalar("SELECT SUM(n) FROM (SELECT COUNT(DISTINCT p.category) AS n FROM"
                + " retail.orders o JOIN retail.order_items oi ON oi.order_id = o.order_id JOIN retail.products p"
                + " ON p.product_id = oi.product_id WHERE o.status = 'paid' GROUP BY o.order_id)");
        assertThat(sumOfColumn(byCategory, "order_count")).isEqualTo(multiCategoryOrders);
        // the items' amounts are each under one category: they add up to the total exactly
        assertThat(sumOfColumn(byCategory, "gmv")).isCloseTo(totalGmv, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void ratingByProductIsRefusedNamingMetricDimensionAndWhatItReaches() {
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv", "avg_rating").dimensions("category").build()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREACHABLE_DIMENSION);
                    assertThat(e.getMessage()).contains("metric 'avg_rating' cannot be grouped by 'category'")
                            .contains("one-to-many").contains("It can reach: channel, city, created_at")
                            .contains("customer_segment").contains("region").doesNotContain("brand,");
                });
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("inventory_on_hand").filters("channel = 'online'").build()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNREACHABLE_DIMENSION);
                    assertThat(e.getMessage()).startsWith("filters[0]: metric 'inventory_on_hand' cannot be filtered by 'channel'");
                });
    }

    @Test
    void inventoryIsTheLastSnapshotOfEachPeriodNeverASum() {
        QueryResult byQuarter = run(MetricQuery.builder().metrics("inventory_on_hand").dimensions("metric_time")
                .grain(TimeGrain.QUARTER).timeRange("2025-01-01", "2025-06-30").build());
        assertThat(byQuarter.rows()).extracting(r -> r.get(0))
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1));
        // the last Sundays of the quarters: 2025-03-30 and 2025-06-29
        assertThat(ResultAssert.number(byQuarter.rows().get(0).get(1))).isEqualTo(scalar(
                "SELECT SUM(on_hand_qty) FROM retail.inventory_snapshots WHERE snapshot_date = DATE '2025-03-30'"));
        assertThat(ResultAssert.number(byQuarter.rows().get(1).get(1))).isEqualTo(scalar(
                "SELECT SUM(on_hand_qty) FROM retail.inventory_snapshots WHERE snapshot_date = DATE '2025-06-29'"));
        assertThat(ResultAssert.number(byQuarter.rows().get(0).get(1))).isLessThan(scalar(
                "SELECT SUM(on_hand_qty) FROM retail.inventory_snapshots WHERE snapshot_date BETWEEN DATE '2025-01-01'"
                        + " AND DATE '2025-03-31'") / 5);
        // a point in time: a Wednesday reads the Sunday before it
        QueryResult pointInTime = run(MetricQuery.builder().metrics("inventory_on_hand").dimensions("region")
                .timeRange(new TimeRange(null, LocalDate.of(2025, 3, 5))).build());
        assertThat(sumOfColumn(pointInTime, "inventory_on_hand")).isEqualTo(scalar(
                "SELECT SUM(on_hand_qty) FROM retail.inventory_snapshots WHERE snapshot_date = DATE '2025-03-02'"));
    }

    @Test
    void refundRateDividesRefundedByAllOrdersNotByPaidOnes() {
        QueryResult result = run(MetricQuery.builder().metrics("refund_rate").timeRange("2024-01-01", "2024-12-31").build());
        double refunded = scalar("SELECT COUNT(*) FROM retail.orders WHERE status = 'refunded' AND order_date"
                + " BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'");
        double all = scalar("SELECT COUNT(*) FROM retail.orders WHERE order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'");
        double paid = scalar("SELECT COUNT(*) FROM retail.orders WHERE status = 'paid' AND order_date"
                + " BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'");
        double rate = ResultAssert.number(result.rows().get(0).get(0));
        assertThat(rate).isCloseTo(refunded / all, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rate).isNotCloseTo(refunded / paid, org.assertj.core.data.Offset.offset(1e-6));
        // a ratio is a fraction with all its digits, not an integer division nor 4 decimals
        assertThat(rate).isBetween(0.0, 1.0).isNotEqualTo(Math.round(rate * 10_000) / 10_000.0);
    }

    @Test
    void yearOverYearAtMonthGrainReadsTheYearBeforeAcrossTheBoundary() {
        QueryResult result = run(MetricQuery.builder().metrics("gmv", "gmv_yoy").dimensions("metric_time")
                .grain(TimeGrain.MONTH).timeRange("2025-01-01", "2025-02-28")
                .comparisons(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR).build());
        assertThat(result.columns()).extracting(c -> c.name()).containsExactly("metric_time", "gmv", "gmv_yoy",
                "gmv__previous_period", "gmv__previous_period_diff", "gmv__previous_period_growth",
                "gmv__same_period_last_year", "gmv__same_period_last_year_diff", "gmv__same_period_last_year_growth",
                "gmv_yoy__previous_period", "gmv_yoy__previous_period_diff", "gmv_yoy__previous_period_growth",
                "gmv_yoy__same_period_last_year", "gmv_yoy__same_period_last_year_diff",
                "gmv_yoy__same_period_last_year_growth");
        assertThat(result.rows()).extracting(r -> r.get(0))
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
        List<Object> january = result.rows().get(0);
        double jan2025 = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-01-31'");
        double jan2024 = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'");
        double dec2024 = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2024-12-01' AND DATE '2024-12-31'");
        assertThat(ResultAssert.number(january.get(1))).isCloseTo(jan2025, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ResultAssert.number(january.get(2))).isCloseTo((jan2025 - jan2024) / jan2024,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ResultAssert.number(january.get(3))).isCloseTo(dec2024, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ResultAssert.number(january.get(4))).isCloseTo(jan2025 - dec2024, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ResultAssert.number(january.get(5))).isCloseTo((jan2025 - dec2024) / dec2024,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ResultAssert.number(january.get(6))).isCloseTo(jan2024, org.assertj.core.data.Offset.offset(1e-6));
        // gmv_yoy a year earlier reads 2023, which has no data: null, not zero and not an error
        assertThat(january.get(12)).isNull();
        assertThat(january.get(14)).isNull();
    }

    @Test
    void comparisonWithoutGrainTakesTheWholePreviousMonthOrTheSameNumberOfDays() {
        QueryResult month = run(MetricQuery.builder().metrics("gmv").timeRange("2025-03-01", "2025-03-31")
                .comparisons(Comparison.PREVIOUS_PERIOD).build());
        double february = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2025-02-01' AND DATE '2025-02-28'");
        assertThat(ResultAssert.number(month.rows().get(0).get(1))).isCloseTo(february, org.assertj.core.data.Offset.offset(1e-6));
        QueryResult tenDays = run(MetricQuery.builder().metrics("gmv").timeRange("2025-03-11", "2025-03-20")
                .comparisons(Comparison.PREVIOUS_PERIOD).build());
        double before = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2025-03-01' AND DATE '2025-03-10'");
        assertThat(ResultAssert.number(tenDays.rows().get(0).get(1))).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRangeStartingInsideAWeekLabelsTheBucketByItsMondayAndCountsOnlyDaysInside() {
        QueryResult result = run(MetricQuery.builder().metrics("gmv").dimensions("metric_time").grain(TimeGrain.WEEK)
                .timeRange("2025-01-01", "2025-01-12").build());
        assertThat(result.rows()).extracting(r -> r.get(0))
                .containsExactly(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 6));
        double firstDays = scalar("SELECT " + GMV + " FROM " + PAID_ITEMS + " AND o.order_date BETWEEN DATE '2025-01-01' AND DATE '2025-01-05'");
        assertThat(ResultAssert.number(result.rows().get(0).get(1))).isCloseTo(firstDays, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void emptyPeriodsHaveNoRow() {
        QueryResult future = run(MetricQuery.builder().metrics("gmv").dimensions("metric_time").grain(TimeGrain.MONTH)
                .timeRange("2030-01-01", "2030-12-31").build());
        assertThat(future.rows()).isEmpty();
        // one store's online orders of one product: many days have none
        String product = DemoDuckDb.query("SELECT product_name FROM retail.products ORDER BY product_id LIMIT 1")
                .get(0).get(0).toString();
        QueryResult sparse = run(MetricQuery.builder().metrics("order_count").dimensions("metric_time").grain(TimeGrain.DAY)
                .filters("product = '" + product.replace("'", "''") + "'").timeRange("2024-01-01", "2024-12-31").build());
        double days = scalar("SELECT COUNT(DISTINCT o.order_date) FROM retail.orders o JOIN retail.order_items oi ON"
                + " oi.order_id = o.order_id JOIN retail.products p ON p.product_id = oi.product_id WHERE o.status = 'paid'"
                + " AND p.product_name = '" + product.replace("'", "''") + "' AND o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'");
        assertThat(sparse.rows()).hasSize((int) days).hasSizeLessThan(366);
        assertThat(sparse.rows()).allSatisfy(r -> assertThat(ResultAssert.number(r.get(1))).isPositive());
    }

    @Test
    void limitTruncatesAndSaysSo() {
        QueryResult result = run(MetricQuery.builder().metrics("gmv").dimensions("region")
                .orderBy(OrderBy.desc("gmv")).limit(3).build());
        assertThat(result.rows()).hasSize(3);
        assertThat(result.truncated()).isTrue();
        assertThat(ResultAssert.number(result.rows().get(0).get(1)))
                .isGreaterThanOrEqualTo(ResultAssert.number(result.rows().get(1).get(1)));
        QueryResult all = run(MetricQuery.builder().metrics("gmv").dimensions("region").limit(6).build());
        assertThat(all.rows()).hasSize(6);
        assertThat(all.truncated()).isFalse();
    }

    @Test
    void badInputIsRefusedWithWhereAndWhat() {
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmw").build()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
                    assertThat(e.getMessage()).isEqualTo("metrics[0]: unknown metric 'gmw'; did you mean gmv?");
                });
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv").filters("regon = 'East'").build()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
                    assertThat(e.position()).isEqualTo(new TextPosition(1, 1));
                    assertThat(e.getMessage()).contains("unknown dimension 'regon' at line 1, column 1; did you mean region?");
                });
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv").filters("region = 'East' AND").build()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.position()).isEqualTo(new TextPosition(1, 20));
                    assertThat(e.getMessage()).startsWith("filters[0]: unexpected end of expression at line 1, column 20");
                });
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv").grain(TimeGrain.MONTH).build()))
                .hasMessageContaining("a grain applies to a time dimension");
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv_yoy").build()))
                .hasMessageContaining("need a time range or a time dimension with a grain");
        assertThatThrownBy(() -> run(MetricQuery.builder().metrics("gmv").orderBy(OrderBy.desc("revenue")).build()))
                .hasMessageContaining("'revenue' is not a result column; columns: gmv");
    }

    @Test
    void valuesFromFiltersAreBoundNotPastedIntoSql() {
        var compiled = COMPILER.compile(MetricQuery.builder().metrics("gmv").filters("region = 'East'' OR 1=1 --'").build(),
                Caller.system(), new Target("demo", Dialect.DUCKDB));
        assertThat(compiled.parameterizedSql()).doesNotContain("OR 1=1").contains("\"regions\".\"region_name\" = ?");
        assertThat(compiled.parameters()).contains("East' OR 1=1 --");
        assertThat(compiled.sql()).contains("'East'' OR 1=1 --'");
        assertThat(executor.execute(compiled).rows().get(0).get(0)).isNull();
    }
}
