package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.semantic.MeasureRef;
import java.util.List;

/**
 * One aggregation the SQL computes: a measure, under the filters that apply to it, read for a
 * possibly shifted period, possibly cumulatively, possibly only over the base events that
 * {@code converted} (a conversion metric's numerator). Equal leaves are computed once.
 */
record Leaf(MeasureRef measure, List<ParsedFilter> filters, List<Shift> shifts, MetricSpec.Cumulative cumulative,
        MetricSpec.Conversion converted) {
    Leaf {
        filters = List.copyOf(filters);
        shifts = List.copyOf(shifts);
    }
}
