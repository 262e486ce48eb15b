package io.zhongtai.nl;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.query.MetricQuery;

/** One runnable reading offered to the person asking, with a short description in their language. */
public record Option(String label, MetricQuery query) {
    public Option {
        requireNonNull(label, "label is null");
        requireNonNull(query, "query is null");
    }
}
