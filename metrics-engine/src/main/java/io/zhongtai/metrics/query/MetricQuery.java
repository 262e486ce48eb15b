package io.zhongtai.metrics.query;

import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import java.util.List;

/**
 * A metric query, the body of {@code POST /api/v1/metrics/query} (API.md, "Metrics"):
 * <pre>
 * {"metrics": ["gmv"], "dimensions": ["region", "metric_time"], "grain": "month",
 *  "filters": ["channel = 'online'"], "timeRange": {"start": "2024-01-01", "end": "2024-12-31"},
 *  "comparisons": ["previous_period"], "orderBy": [{"field": "gmv", "direction": "desc"}],
 *  "limit": 10, "warehouse": "demo"}
 * </pre>
 * Natural-language questions become one of these; nothing in it is ever pasted into SQL.
 *
 * @param metrics metric names, at least one
 * @param dimensions dimension names as the result columns will be named: {@code region},
 *     {@code metric_time}, {@code order_date}, {@code metric_time__month}, {@code customer__segment}
 * @param grain the grain of the time dimension, or null (day, unless the name carries one)
 * @param filters filter-language expressions that must all hold
 * @param timeRange inclusive dates on each metric's own time dimension, or null
 * @param comparisons earlier periods to add per metric, as {@code <metric>__<comparison>},
 *     {@code ..._diff} and {@code ..._growth} columns
 * @param orderBy sort keys over result column names
 * @param limit at most this many rows (default {@value #DEFAULT_LIMIT}); {@code truncated} tells
 *     when more existed
 * @param warehouse the warehouse to run on, or null for the one the metrics' models are bound to
 */
public record MetricQuery(
        List<String> metrics,
        List<String> dimensions,
        TimeGrain grain,
        List<String> filters,
        TimeRange timeRange,
        List<Comparison> comparisons,
        List<OrderBy> orderBy,
        Integer limit,
        String warehouse) {
    public static final int DEFAULT_LIMIT = 10_000;

    public MetricQuery {
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
        filters = List.copyOf(filters == null ? List.of() : filters);
        comparisons = List.copyOf(comparisons == null ? List.of() : comparisons);
        orderBy = List.copyOf(orderBy == null ? List.of() : orderBy);
    }

    /** The limit that applies: the one asked, or the default. */
    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a query step by step; convenient for tests and for the natural-language parser. */
    public static final class Builder {
        private List<String> metrics = List.of();
        private List<String> dimensions = List.of();
        private TimeGrain grain;
        private List<String> filters = List.of();
        private TimeRange timeRange;
        private List<Comparison> comparisons = List.of();
        private List<OrderBy> orderBy = List.of();
        private Integer limit;
        private String warehouse;

        public Builder metrics(String... names) {
            this.metrics = List.of(names);
            return this;
        }

        public Builder dimensions(String... names) {
            this.dimensions = List.of(names);
            return this;
        }

        public Builder grain(TimeGrain grain) {
            this.grain = grain;
            return this;
        }

        public Builder filters(String... expressions) {
            this.filters = List.of(expressions);
            return this;
        }

        public Builder timeRange(String start, String end) {
            this.timeRange = TimeRange.of(start, end);
            return this;
        }

        public Builder timeRange(TimeRange range) {
            this.timeRange = range;
            return this;
        }

        public Builder comparisons(Comparison... kinds) {
            this.comparisons = List.of(kinds);
            return this;
        }

        public Builder orderBy(OrderBy... keys) {
            this.orderBy = List.of(keys);
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder warehouse(String warehouse) {
            this.warehouse = warehouse;
            return this;
        }

        public MetricQuery build() {
            return new MetricQuery(metrics, dimensions, grain, filters, timeRange, comparisons, orderBy, limit, warehouse);
        }
    }
}
