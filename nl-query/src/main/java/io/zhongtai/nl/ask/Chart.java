package io.zhongtai.nl.ask;

import io.zhongtai.metrics.query.MetricQuery;
import java.util.List;

/**
 * How to draw an answer, chosen from its shape: {@code number} for a single value, {@code line}
 * for a trend over time, {@code bar} for a breakdown by one dimension, {@code table} otherwise.
 *
 * @param x the column along the axis (the time or the dimension), or null for a number
 * @param y the metric columns to draw
 * @param series a second dimension that splits a line or bar into series, or null
 */
public record Chart(String type, String x, List<String> y, String series) {
    public Chart {
        y = List.copyOf(y);
    }

    public static Chart of(MetricQuery query, int rows) {
        List<String> y = query.metrics();
        List<String> categorical = query.dimensions().stream().filter(d -> !d.startsWith("metric_time")).toList();
        String time = query.dimensions().stream().filter(d -> d.startsWith("metric_time")).findFirst().orElse(null);
        if (query.dimensions().isEmpty() && rows <= 1) {
            return new Chart("number", null, y, null);
        }
        if (time != null && categorical.size() <= 1 && rows > 1) {
            return new Chart("line", time, y, categorical.isEmpty() ? null : categorical.get(0));
        }
        if (time == null && categorical.size() == 1) {
            return new Chart("bar", categorical.get(0), y, null);
        }
        return new Chart("table", null, y, null);
    }
}
