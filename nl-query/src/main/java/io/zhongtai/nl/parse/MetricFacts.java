package io.zhongtai.nl.parse;

import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.SemanticManifest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the parser needs to know of metric definitions beyond names: which metrics are
 * period-over-period versions of which, and which dimension values a metric's own filter fixes
 * (order_count counts paid orders only), so that a question asking for cancelled orders gets a
 * truthful answer instead of a silent zero.
 */
public final class MetricFacts {
    /** A period-over-period metric: its base metric and comparison. */
    public record PeriodOverPeriod(String metric, String base, Comparison comparison) {}

    private static final Pattern FIXED = Pattern.compile("(\\w+)\\s*=\\s*'([^']*)'");

    private final Map<String, PeriodOverPeriod> periodOverPeriod = new HashMap<>();
    private final Map<String, Map<String, String>> fixedValues = new HashMap<>();

    public MetricFacts(SemanticManifest manifest) {
        if (manifest == null) {
            return;
        }
        for (Metric metric : manifest.metrics()) {
            if (metric.spec() instanceof MetricSpec.PeriodOverPeriod pop) {
                periodOverPeriod.put(metric.name(), new PeriodOverPeriod(metric.name(), pop.metric(), pop.comparison()));
            }
        }
        for (Metric metric : manifest.metrics()) {
            Map<String, String> fixed = new HashMap<>();
            collect(manifest, metric, fixed, 0);
            if (!fixed.isEmpty()) {
                fixedValues.put(metric.name(), fixed);
            }
        }
    }

    public static MetricFacts none() {
        return new MetricFacts(null);
    }

    private static void collect(SemanticManifest manifest, Metric metric, Map<String, String> fixed, int depth) {
        if (depth > 5) {
            return;
        }
        MetricSpec spec = metric.spec();
        if (spec instanceof MetricSpec.Simple simple) {
            read(simple.filter(), fixed);
        } else if (spec instanceof MetricSpec.Cumulative cumulative) {
            read(cumulative.filter(), fixed);
        } else if (spec instanceof MetricSpec.Ratio ratio) {
            // a ratio's filters differ between its parts (refund_rate): only what both fix counts
            Map<String, String> numerator = new HashMap<>();
            Map<String, String> denominator = new HashMap<>();
            input(manifest, ratio.numerator(), numerator, depth);
            input(manifest, ratio.denominator(), denominator, depth);
            numerator.forEach((dimension, value) -> {
                if (value.equals(denominator.get(dimension))) {
                    fixed.put(dimension, value);
                }
            });
        } else if (spec instanceof MetricSpec.PeriodOverPeriod pop) {
            manifest.metric(pop.metric()).ifPresent(m -> collect(manifest, m, fixed, depth + 1));
        }
    }

    private static void input(SemanticManifest manifest, MetricInput input, Map<String, String> fixed, int depth) {
        read(input.filter(), fixed);
        if (input.metric() != null) {
            manifest.metric(input.metric()).ifPresent(m -> collect(manifest, m, fixed, depth + 1));
        }
    }

    private static void read(String filter, Map<String, String> fixed) {
        if (filter == null) {
            return;
        }
        Matcher matcher = FIXED.matcher(filter);
        while (matcher.find()) {
            fixed.put(matcher.group(1), matcher.group(2));
        }
    }

    public Optional<PeriodOverPeriod> periodOverPeriod(String metric) {
        return Optional.ofNullable(periodOverPeriod.get(metric));
    }

    /** The dimension values a metric's own definition fixes ({@code order_status: paid}). */
    public Map<String, String> fixedValues(String metric) {
        return fixedValues.getOrDefault(metric, Map.of());
    }
}
