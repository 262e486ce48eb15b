package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.TimeGrain;

/**
 * A dimension of a query as asked: {@code region}, {@code metric_time}, {@code order_date},
 * {@code metric_time__month}, {@code customer__gender}.
 *
 * @param column the result column's name (the name as asked)
 * @param name the dimension's name, or null for {@code metric_time}
 * @param entity the entity a MetricFlow-style name puts in front ({@code customer}), or null
 * @param grain the bucket grain for a time dimension, else null
 */
record RequestedDimension(String column, String name, String entity, TimeGrain grain) {
    boolean metricTime() {
        return name == null;
    }

    boolean time() {
        return grain != null;
    }

    /** The name to look up among reachable dimensions and to show in messages. */
    String displayName() {
        return name == null ? "metric_time" : entity == null ? name : entity + "__" + name;
    }
}
