package io.zhongtai.metrics.query;

import static java.util.Objects.requireNonNull;

/**
 * One sort key: a result column's name (a metric, a dimension as asked, or a comparison column
 * such as {@code gmv__previous_period_growth}). Without a direction, ascending.
 */
public record OrderBy(String field, SortDirection direction) {
    public OrderBy {
        requireNonNull(field, "field is null");
        direction = direction == null ? SortDirection.ASC : direction;
    }

    public static OrderBy desc(String field) {
        return new OrderBy(field, SortDirection.DESC);
    }

    public static OrderBy asc(String field) {
        return new OrderBy(field, SortDirection.ASC);
    }
}
