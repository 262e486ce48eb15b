package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

/** One value of a facet and how many hits carry it. */
public record FacetCount(String value, long count) {
    public FacetCount {
        requireNonNull(value, "value is null");
        if (count < 1) {
            throw new IllegalArgumentException("a facet value is listed only when hits carry it: " + value + "=" + count);
        }
    }
}
