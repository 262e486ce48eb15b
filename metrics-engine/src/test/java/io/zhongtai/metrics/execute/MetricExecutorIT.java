package io.zhongtai.metrics.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.ColumnType;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.query.ResultColumn;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executor on the demo in DuckDB: typed values, the cache and its invalidation, timeouts and cancellation. */
class MetricExecutorIT {
    private static final MetricCompiler COMPILER = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));

    /** A query that runs for many seconds: every pair of order lines. */
    private static CompiledQuery slow() {
        String sql = "SELECT COUNT(*) AS n FROM retail.order_items a, retail.order_items b, retail.order_items c"
                + " WHERE a.quantity + b.quantity + c.quantity > 0";
        return new CompiledQuery("demo", Dialect.DUCKDB, sql, sql, List.of(),
                List.of(new ResultColumn("n", ColumnType.INTEGER)), 10, Set.of("retail.order_items"));
    }

    private static CompiledQuery compile(MetricQuery query) {
        return COMPILER.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB));
    }

    @Test
    void valuesKeepTheirTypes() {
        try (MetricExecutor executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults())) {
            QueryResult result = executor.execute(compile(MetricQuery.builder()
                    .metrics("order_count", "units_sold", "gmv", "avg_rating").dimensions("metric_time__year", "channel").build()));
            assertThat(result.columns()).extracting(ResultColumn::type).containsExactly(ColumnType.DATE, ColumnType.STRING,
                    ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DECIMAL);
            List<Object> row = result.rows().get(0);
            assertThat(row.get(0)).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(row.get(2)).isInstanceOf(Long.class);
            assertThat(row.get(3)).isInstanceOf(Long.class);
            assertThat(row.get(4)).isInstanceOf(java.math.BigDecimal.class);
            assertThat(row.get(5)).isInstanceOf(Double.class);
        }
    }

    @Test
    void resultsAreCachedUntilATableTheyReadChanges() {
        try (MetricExecutor executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults())) {
            CompiledQuery gmv = compile(MetricQuery.builder().metrics("gmv").dimensions("region").build());
            assertThat(gmv.tables()).containsExactlyInAnyOrder("retail.order_items", "retail.orders", "retail.stores",
                    "retail.regions");
            QueryResult first = executor.execute(gmv);
            QueryResult second = executor.execute(gmv);
            assertThat(second).isSameAs(first);
            assertThat(executor.cacheHits()).isEqualTo(1);
            assertThat(executor.invalidate("demo", Set.of("retail.customers"))).isZero();
            assertThat(executor.execute(gmv)).isSameAs(first);
            assertThat(executor.invalidate("demo", Set.of("RETAIL.REGIONS"))).isEqualTo(1);
            assertThat(executor.execute(gmv)).isNotSameAs(first).isEqualTo(first);
            assertThat(executor.cacheMisses()).isEqualTo(2);
        }
    }

    @Test
    void aQueryRunningPastTheTimeoutIsCancelled() {
        ExecutorSettings settings = new ExecutorSettings(Duration.ofSeconds(1), 2, 0, Duration.ZERO);
        try (MetricExecutor executor = new MetricExecutor(DemoDuckDb.connector(), settings)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> executor.execute(slow())).isInstanceOfSatisfying(CatalogException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            // the pool still answers
            assertThat(executor.execute(compile(MetricQuery.builder().metrics("order_count").build())).rows()).hasSize(1);
        }
    }

    @Test
    void aRunningQueryCanBeCancelled() throws Exception {
        try (MetricExecutor executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults())) {
            QueryHandle handle = new QueryHandle();
            CompletableFuture<QueryResult> running = CompletableFuture.supplyAsync(() -> executor.execute(slow(), handle));
            Thread.sleep(500);
            handle.cancel();
            assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CatalogException.class)
                    .cause().satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(ErrorCode.QUERY_CANCELLED));
        }
    }
}
