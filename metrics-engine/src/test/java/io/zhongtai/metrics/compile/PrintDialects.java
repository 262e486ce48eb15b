package io.zhongtai.metrics.compile;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.semantic.SemanticIndex;

public class PrintDialects {
    public static void main(String[] args) {
        MetricCompiler compiler = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
        MetricQuery query = MetricQuery.builder().metrics("gmv", "refund_rate").dimensions("region", "metric_time")
                .grain(TimeGrain.WEEK).filters("channel = 'online'", "category IN ('Beauty', 'Apparel')")
                .timeRange("2024-01-01", "2024-12-31").comparisons(Comparison.SAME_PERIOD_LAST_YEAR)
                .orderBy(OrderBy.desc("gmv")).limit(10).build();
        for (Dialect dialect : Dialect.values()) {
            System.out.println("==== " + dialect.value());
            System.out.println(compiler.compile(query, Caller.system(), new Target("demo", dialect)).sql());
        }
    }
}
