package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.semantic.SemanticIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact SQL each dialect renders for three demo queries (a filtered, compared weekly query;
 * the semi-additive inventory; ratios by a product dimension), pinned in
 * {@code pinned/<dialect>.sql}. Trino, ClickHouse, Snowflake, BigQuery, Hive and Spark are not
 * run here: these files are their check. To re-pin after a deliberate change, run with
 * {@code -Dpin.write=true} and review the diff.
 */
class PinnedDialectSqlTest {
    private static final MetricCompiler COMPILER = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));

    static final List<MetricQuery> QUERIES = List.of(
            MetricQuery.builder().metrics("gmv", "refund_rate").dimensions("region", "metric_time")
                    .grain(TimeGrain.WEEK).filters("channel = 'online'", "category IN ('Beauty', 'Apparel')")
                    .timeRange("2024-01-01", "2024-12-31").comparisons(Comparison.SAME_PERIOD_LAST_YEAR)
                    .orderBy(OrderBy.desc("gmv")).limit(10).build(),
            MetricQuery.builder().metrics("inventory_on_hand").dimensions("store_type", "metric_time__month")
                    .filters("region = '华东' OR city LIKE 'It''s \\%'").timeRange("2025-01-01", "2025-03-31").build(),
            MetricQuery.builder().metrics("avg_order_value", "gross_margin", "gmv_yoy").dimensions("category")
                    .timeRange("2025-01-01", "2025-12-31").build());

    static String render(Dialect dialect) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < QUERIES.size(); i++) {
            out.append("-- query ").append(i + 1).append('\n');
            out.append(COMPILER.compile(QUERIES.get(i), Caller.system(), new Target("demo", dialect)).sql()).append(";\n");
        }
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rendersThePinnedSql(Dialect dialect) throws IOException {
        String actual = render(dialect);
        String resource = "pinned/" + dialect.value() + ".sql";
        if (Boolean.getBoolean("pin.write")) {
            Path file = Path.of("src/test/resources/io/zhongtai/metrics/compile/" + resource);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = PinnedDialectSqlTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("pinned file %s", resource).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
