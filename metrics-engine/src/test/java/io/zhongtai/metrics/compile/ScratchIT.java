package io.zhongtai.metrics.compile;

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
import org.junit.jupiter.api.Test;

class ScratchIT {
    @Test
    void scratch() {
        MetricCompiler compiler = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
        MetricExecutor executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults());
        MetricQuery[] queries = {
            MetricQuery.builder().metrics("gmv").dimensions("region", "metric_time").grain(TimeGrain.MONTH)
                    .filters("channel = 'online'").timeRange("2024-01-01", "2024-03-31").limit(5).build(),
            MetricQuery.builder().metrics("avg_order_value", "refund_rate", "gross_margin").dimensions("category").build(),
            MetricQuery.builder().metrics("gmv", "gmv_yoy").dimensions("metric_time").grain(TimeGrain.QUARTER)
                    .comparisons(Comparison.PREVIOUS_PERIOD).build(),
            MetricQuery.builder().metrics("inventory_on_hand").dimensions("region", "metric_time").grain(TimeGrain.MONTH)
                    .timeRange("2025-01-01", "2025-02-28").build(),
        };
        for (MetricQuery query : queries) {
            CompiledQuery compiled = compiler.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB));
            System.err.println(compiled.sql());
            QueryResult result = executor.execute(compiled);
            System.err.println(result.columns());
            result.rows().stream().limit(8).forEach(r -> System.err.println(r));
        }
    }
}
