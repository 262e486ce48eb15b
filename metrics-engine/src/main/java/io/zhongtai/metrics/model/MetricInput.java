package io.zhongtai.metrics.model;

/**
 * One input of a ratio or derived metric: another metric, or a measure used directly, with its
 * own optional filter, an alias to refer to it in a derived expression, and an optional time
 * offset (the input read {@code offsetWindow} earlier, or at the start of the {@code
 * offsetToGrain} period).
 *
 * <p>Exactly one of {@code metric} and {@code measure} is set.
 */
public record MetricInput(
        String metric, String measure, String filter, String alias, Window offsetWindow, TimeGrain offsetToGrain) {
    public MetricInput {
        if ((metric == null) == (measure == null)) {
            throw new IllegalArgumentException("a metric input names exactly one metric or one measure");
        }
    }

    public static MetricInput ofMetric(String metric) {
        return new MetricInput(metric, null, null, null, null, null);
    }

    public static MetricInput ofMeasure(String measure, String filter) {
        return new MetricInput(null, measure, filter, null, null, null);
    }

    /** The name a derived expression uses for this input. */
    public String referenceName() {
        return alias != null ? alias : metric != null ? metric : measure;
    }
}
