package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.ResultAssert;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparisons whose periods share one aggregation (aggregated once over all periods, earlier
 * buckets relabelled onto the ones they are compared with) answer what each period read on its
 * own answers: checked against values computed by hand on the demo in DuckDB.
 */
class SharedPeriodsIT {
    private static final MetricCompiler COMPILER = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
    private static final String GMV = "SUM(oi.quantity * oi.unit_price * (1 - oi.discount))";
    private static final String PAID_ITEMS = "retail.order_items oi JOIN retail.orders o ON oi.order_id = o.order_id"
            + " JOIN retail.stores s ON s.store_id = o.store_id JOIN retail.regions r ON r.region_id = s.region_id"
            + " WHERE o.status = 'paid'";
    private static final Offset<Double> CLOSE = Offset.offset(1e-6);
    private static MetricExecutor executor;

    @BeforeAll
    static void start() {
        executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    private static CompiledQuery compile(MetricQuery query) {
        return COMPILER.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB));
    }

    private static int scans(CompiledQuery compiled, String table) {
        return compiled.sql().split("\"retail\".\"" + table + "\"", -1).length - 1;
    }

    /** GMV per bucket (and region), computed by hand. */
    private static Map<String, Double> gmvBy(String grain, boolean byRegion) {
        String group = "CAST(date_trunc('" + grain + "', o.order_date) AS DATE)" + (byRegion ? ", r.region_name" : "");
        Map<String, Double> out = new HashMap<>();
        for (List<Object> row : DemoDuckDb.query("SELECT " + group + ", " + GMV + " FROM " + PAID_ITEMS + " GROUP BY "
                + group)) {
            out.put(row.get(0) + (byRegion ? "|" + row.get(1) : ""), ResultAssert.number(row.get(byRegion ? 2 : 1)));
        }
        return out;
    }

    private static Double number(Object value) {
        return value == null ? null : ResultAssert.number(value);
    }

    private static void assertValue(Object actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(number(actual)).as(what).isNotNull().isCloseTo(expected, CLOSE);
        }
    }

    private static Double growth(Double current, Double earlier) {
        return current == null || earlier == null || earlier == 0 ? null : (current - earlier) / earlier;
    }

    @Test
    void quarterlyComparisonsReadTheTableOnceAndMatchHandComputedValues() {
        MetricQuery query = MetricQuery.builder().metrics("gmv", "gmv_yoy").dimensions("metric_time")
                .grain(TimeGrain.QUARTER).timeRange("2024-04-01", "2025-12-31")
                .comparisons(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR).build();
        CompiledQuery compiled = compile(query);
        assertThat(scans(compiled, "order_items")).as(compiled.sql()).isEqualTo(1);
        QueryResult result = executor.execute(compiled);
        Map<String, Double> gmv = gmvBy("quarter", false);
        assertThat(result.rows()).extracting(r -> r.get(0)).containsExactly(LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 7, 1), LocalDate.of(2024, 10, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1));
        for (List<Object> row : result.rows()) {
            LocalDate quarter = (LocalDate) row.get(0);
            Double current = gmv.get(quarter.toString());
            Double previous = gmv.get(quarter.minusMonths(3).toString());
            Double lastYear = gmv.get(quarter.minusYears(1).toString());
            Double twoYears = gmv.get(quarter.minusYears(2).toString());
            Double previousLastYear = gmv.get(quarter.minusMonths(3).minusYears(1).toString());
            assertValue(row.get(result.columnIndex("gmv")), current, "gmv " + quarter);
            assertValue(row.get(result.columnIndex("gmv_yoy")), growth(current, lastYear), "gmv_yoy " + quarter);
            assertValue(row.get(result.columnIndex("gmv__previous_period")), previous, "previous " + quarter);
            assertValue(row.get(result.columnIndex("gmv__previous_period_diff")),
                    previous == null ? null : current - previous, "previous diff " + quarter);
            assertValue(row.get(result.columnIndex("gmv__previous_period_growth")), growth(current, previous),
                    "previous growth " + quarter);
            assertValue(row.get(result.columnIndex("gmv__same_period_last_year")), lastYear, "last year " + quarter);
            assertValue(row.get(result.columnIndex("gmv__same_period_last_year_growth")), growth(current, lastYear),
                    "last year growth " + quarter);
            assertValue(row.get(result.columnIndex("gmv_yoy__previous_period")),
                    growth(previous, previousLastYear), "gmv_yoy previous " + quarter);
            assertValue(row.get(result.columnIndex("gmv_yoy__same_period_last_year")), growth(lastYear, twoYears),
                    "gmv_yoy last year " + quarter);
        }
        // 2024 Q2's previous quarter and 2025 Q1's year-back quarter hold data; 2024's year back does not
        assertThat(result.rows().get(0).get(result.columnIndex("gmv__previous_period"))).isNotNull();
        assertThat(result.rows().get(3).get(result.columnIndex("gmv__same_period_last_year"))).isNotNull();
        assertThat(result.rows().get(0).get(result.columnIndex("gmv__same_period_last_year"))).isNull();
    }

    @Test
    void monthlyComparisonsByRegionAcrossAYearBoundaryMatchHandComputedValues() {
        MetricQuery query = MetricQuery.builder().metrics("gmv").dimensions("region", "metric_time")
                .grain(TimeGrain.MONTH).timeRange("2025-01-01", "2025-03-31").filters("channel = 'online'")
                .comparisons(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR).build();
        CompiledQuery compiled = compile(query);
        assertThat(scans(compiled, "order_items")).as(compiled.sql()).isEqualTo(1);
        assertThat(compiled.parameterizedSql()).doesNotContain("online");
        QueryResult result = executor.execute(compiled);
        Map<String, Double> gmv = new HashMap<>();
        String group = "CAST(date_trunc('month', o.order_date) AS DATE), r.region_name";
        for (List<Object> row : DemoDuckDb.query("SELECT " + group + ", " + GMV + " FROM " + PAID_ITEMS
                + " AND o.channel = 'online' GROUP BY " + group)) {
            gmv.put(row.get(0) + "|" + row.get(1), ResultAssert.number(row.get(2)));
        }
        long expectedRows = gmv.keySet().stream().filter(k -> k.startsWith("2025-01") || k.startsWith("2025-02")
                || k.startsWith("2025-03")).count();
        assertThat(result.rows()).hasSize((int) expectedRows).isNotEmpty();
        for (List<Object> row : result.rows()) {
            String region = (String) row.get(0);
            LocalDate month = (LocalDate) row.get(1);
            assertValue(row.get(2), gmv.get(month + "|" + region), "gmv " + region + " " + month);
            assertValue(row.get(result.columnIndex("gmv__previous_period")), gmv.get(month.minusMonths(1) + "|" + region),
                    "previous " + region + " " + month);
            assertValue(row.get(result.columnIndex("gmv__same_period_last_year")),
                    gmv.get(month.minusYears(1) + "|" + region), "last year " + region + " " + month);
        }
        // January 2025 is compared with December 2024: across the year boundary
        assertThat(result.rows().stream().filter(r -> r.get(1).equals(LocalDate.of(2025, 1, 1)))
                .map(r -> r.get(result.columnIndex("gmv__previous_period")))).isNotEmpty().doesNotContainNull();
    }

    @Test
    void aRangeStartingInsideAMonthKeepsOneScanPerPeriodAndComparesWithTheWholePreviousMonth() {
        MetricQuery query = MetricQuery.builder().metrics("gmv").dimensions("metric_time").grain(TimeGrain.MONTH)
                .timeRange("2025-03-15", "2025-04-30").comparisons(Comparison.PREVIOUS_PERIOD).build();
        CompiledQuery compiled = compile(query);
        assertThat(scans(compiled, "order_items")).as(compiled.sql()).isEqualTo(2);
        QueryResult result = executor.execute(compiled);
        Map<String, Double> gmv = gmvBy("month", false);
        double lateMarch = ResultAssert.number(DemoDuckDb.query("SELECT " + GMV + " FROM " + PAID_ITEMS
                + " AND o.order_date BETWEEN DATE '2025-03-15' AND DATE '2025-03-31'").get(0).get(0));
        assertThat(result.rows()).hasSize(2);
        assertValue(result.rows().get(0).get(1), lateMarch, "March from the 15th");
        assertValue(result.rows().get(0).get(2), gmv.get("2025-02-01"), "all of February");
        assertValue(result.rows().get(1).get(2), gmv.get("2025-03-01"), "all of March");
    }

    @Test
    void dayGrainYearOverYearKeepsMatchingDays() {
        MetricQuery query = MetricQuery.builder().metrics("gmv").dimensions("metric_time").grain(TimeGrain.DAY)
                .timeRange("2025-02-27", "2025-03-01").comparisons(Comparison.SAME_PERIOD_LAST_YEAR).build();
        QueryResult result = executor.execute(compile(query));
        Map<String, Double> gmv = gmvBy("day", false);
        assertThat(result.rows()).extracting(r -> r.get(0)).containsExactly(LocalDate.of(2025, 2, 27),
                LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1));
        assertValue(result.rows().get(1).get(2), gmv.get("2024-02-28"), "28 February 2025 reads 28 February 2024");
        assertValue(result.rows().get(2).get(2), gmv.get("2024-03-01"), "1 March reads 1 March");
    }
}
