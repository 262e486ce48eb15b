package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.catalog.ManifestCatalog;
import io.zhongtai.metrics.catalog.MetricCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.HandWrittenSql;
import io.zhongtai.metrics.testing.ResultAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo metric, ungrouped, by each dimension it reaches, and by metric_time at each grain,
 * compiled for DuckDB and run on the demo (scale 0.05), against hand-written SQL on the same data.
 */
class DemoMetricsDuckDbIT {
    private static final SemanticIndex INDEX = new SemanticIndex(DemoMetrics.manifest());
    private static final MetricCompiler COMPILER = new MetricCompiler(INDEX);
    private static final HandWrittenSql ORACLE = new HandWrittenSql(HandWrittenSql.DUCKDB, "retail");
    private static MetricExecutor executor;

    @BeforeAll
    static void start() {
        executor = new MetricExecutor(DemoDuckDb.connector(), ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    static Stream<Arguments> cases() {
        MetricCatalog catalog = new ManifestCatalog(INDEX);
        List<Arguments> cases = new ArrayList<>();
        for (MetricInfo metric : catalog.metrics()) {
            if (!metric.name().equals("gmv_yoy")) {
                cases.add(Arguments.of(metric.name(), null));
                for (String dimension : metric.dimensions()) {
                    cases.add(Arguments.of(metric.name(), dimension));
                }
            }
            for (TimeGrain grain : TimeGrain.values()) {
                cases.add(Arguments.of(metric.name(), "metric_time__" + grain.value()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void compiledSqlAnswersAsHandWrittenSql(String metric, String dimension) {
        MetricQuery query = MetricQuery.builder().metrics(metric)
                .dimensions(dimension == null ? new String[0] : new String[] {dimension}).build();
        QueryResult result = executor.execute(COMPILER.compile(query, Caller.system(), new Target("demo", Dialect.DUCKDB)));
        assertThat(result.truncated()).isFalse();
        List<List<Object>> expected = DemoDuckDb.query(ORACLE.sql(metric, dimension));
        ResultAssert.assertSameRows(metric + " by " + dimension, result, expected);
    }
}
