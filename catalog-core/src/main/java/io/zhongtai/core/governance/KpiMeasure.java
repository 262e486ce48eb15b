package io.zhongtai.core.governance;

import java.util.Map;

/**
 * A KPI computed over its population.
 *
 * @param count for a coverage KPI the assets that satisfy it; for a count KPI what is counted
 * @param total the population
 * @param extra further figures beside the value (unused assets' rows and bytes, ...)
 */
public record KpiMeasure(long count, long total, Map<String, Object> extra) {
    public KpiMeasure {
        // values may be null (a share of no storage), which Map.copyOf refuses
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** The value as reported: a percentage 0 to 100 (null when the population is empty), or the count. */
    public Double value(KpiUnit unit) {
        if (unit == KpiUnit.PERCENT) {
            return total == 0 ? null : Math.round(10_000.0 * count / total) / 100.0;
        }
        return (double) count;
    }
}
