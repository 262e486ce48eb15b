package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a sample of a column's values looks like. Profiles are statistics: refreshed on every
 * profiled crawl without making a new version.
 *
 * @param sampledRows how many rows the sample held (at most the warehouse's sampling limit)
 * @param nullFraction share of sampled rows that are null, from 0 to 1
 * @param min and {@code max} as text, or null when the sample has no value or the type has no order
 * @param topValues the most frequent values, most frequent first
 */
public record ColumnProfile(
        long sampledRows, double nullFraction, long distinctCount, String min, String max, List<ValueCount> topValues) {
    public ColumnProfile {
        topValues = List.copyOf(requireNonNull(topValues, "topValues is null"));
        if (nullFraction < 0 || nullFraction > 1) {
            throw new IllegalArgumentException("nullFraction is between 0 and 1, was " + nullFraction);
        }
    }

    /** One value and how often it appears in the sample. */
    public record ValueCount(String value, long count) {}
}
