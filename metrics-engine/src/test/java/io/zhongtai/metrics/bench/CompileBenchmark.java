package io.zhongtai.metrics.bench;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.catalog.ManifestCatalog;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.validate.ManifestValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Compile latency (metric query to SQL text, both the displayed and the parameterised form) on
 * the demo model and on a generated model of 200 semantic models and 1,000 metrics. Single
 * thread, after a warm-up; prints a block for BENCHMARKS.md. Run by bench/metrics/compile.sh.
 */
public final class CompileBenchmark {
    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Caller caller = Caller.system();
        Target target = new Target("demo", Dialect.DUCKDB);

        MetricCompiler demo = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
        List<MetricQuery> demoMix = demoMix();
        report("demo model (8 semantic models, 11 metrics), mix of " + demoMix.size() + " queries",
                measure(demo, demoMix, caller, target, warmupSeconds, samples));

        long built = System.nanoTime();
        SemanticManifest large = SyntheticModel.generate(200, 1000, 7);
        long validated = System.nanoTime();
        new ManifestValidator().validate(large);
        long validatedEnd = System.nanoTime();
        SemanticIndex index = new SemanticIndex(large);
        MetricCompiler compiler = new MetricCompiler(index);
        List<MetricQuery> largeMix = largeMix(index, 500, 11);
        System.out.printf("synthetic model: generated in %d ms, validated in %d ms%n", (validated - built) / 1_000_000,
                (validatedEnd - validated) / 1_000_000);
        report("synthetic model (200 semantic models, 1,000 metrics), mix of " + largeMix.size() + " queries",
                measure(compiler, largeMix, caller, target, warmupSeconds, samples));
    }

    static List<MetricQuery> demoMix() {
        return List.of(
                MetricQuery.builder().metrics("gmv").build(),
                MetricQuery.builder().metrics("gmv").dimensions("region", "metric_time").grain(TimeGrain.MONTH)
                        .filters("channel = 'online'", "category IN ('Beauty', 'Apparel')")
                        .timeRange("2024-01-01", "2024-12-31").orderBy(OrderBy.desc("gmv")).limit(10).build(),
                MetricQuery.builder().metrics("order_count", "active_customers").dimensions("category").build(),
                MetricQuery.builder().metrics("avg_order_value", "gross_margin").dimensions("store_type", "channel").build(),
                MetricQuery.builder().metrics("refund_rate").dimensions("metric_time").grain(TimeGrain.WEEK)
                        .timeRange("2025-01-01", "2025-03-31").build(),
                MetricQuery.builder().metrics("inventory_on_hand").dimensions("region", "metric_time__month")
                        .timeRange("2025-01-01", "2025-06-30").build(),
                MetricQuery.builder().metrics("gmv_yoy").dimensions("metric_time").grain(TimeGrain.QUARTER).build(),
                MetricQuery.builder().metrics("gmv", "units_sold").dimensions("metric_time", "city").grain(TimeGrain.MONTH)
                        .comparisons(Comparison.PREVIOUS_PERIOD, Comparison.SAME_PERIOD_LAST_YEAR)
                        .timeRange("2025-01-01", "2025-12-31").build(),
                MetricQuery.builder().metrics("avg_rating").dimensions("customer_segment", "gender").build(),
                MetricQuery.builder().metrics("gross_profit").dimensions("brand").filters("region = '华东'")
                        .timeRange("2025-01-01", "2025-01-31").comparisons(Comparison.PREVIOUS_PERIOD).build());
    }

    /** Random queries over the large model: 1 to 3 metrics of one fact, with reachable dimensions, a grain and a filter. */
    static List<MetricQuery> largeMix(SemanticIndex index, int count, long seed) {
        Random random = new Random(seed);
        ManifestCatalog catalog = new ManifestCatalog(index);
        List<MetricInfo> metrics = catalog.metrics();
        List<MetricQuery> out = new ArrayList<>();
        while (out.size() < count) {
            MetricInfo metric = metrics.get(random.nextInt(metrics.size()));
            if (metric.dimensions().size() < 2) {
                continue;
            }
            List<String> dims = new ArrayList<>();
            dims.add(metric.dimensions().get(random.nextInt(metric.dimensions().size())));
            if (random.nextBoolean()) {
                dims.add("metric_time");
            }
            String filterDim = metric.dimensions().get(random.nextInt(metric.dimensions().size()));
            MetricQuery query = MetricQuery.builder().metrics(metric.name()).dimensions(dims.toArray(new String[0]))
                    .grain(dims.contains("metric_time") ? TimeGrain.values()[random.nextInt(5)] : null)
                    .filters(filterDim + " IN ('a', 'b')")
                    .timeRange("2025-01-01", "2025-12-31").build();
            try {
                new MetricCompiler(index).compile(query, Caller.system(), new Target("bench", Dialect.DUCKDB));
                out.add(query);
            } catch (CatalogException skipped) {
                // a time dimension the chosen metric's model does not reach: pick another
            } catch (NullPointerException e) {
                throw new IllegalStateException("cannot compile " + query, e);
            }
        }
        return out;
    }

    static long[] measure(MetricCompiler compiler, List<MetricQuery> mix, Caller caller, Target target, int warmupSeconds,
            int samples) {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            compiler.compile(mix.get(i++ % mix.size()), caller, target);
        }
        long[] nanos = new long[samples];
        for (int s = 0; s < samples; s++) {
            MetricQuery query = mix.get(s % mix.size());
            long start = System.nanoTime();
            compiler.compile(query, caller, target);
            nanos[s] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void report(String what, long[] sorted) {
        System.out.printf("%s: %d compiles, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
