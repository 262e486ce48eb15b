package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Makes a measure semi-additive: it is never summed across this time dimension. For a period (a
 * whole range or one bucket) only the rows at the last ({@link WindowChoice#MAX}) or first
 * snapshot date inside it count, that date being taken over the whole table before filters, or
 * per value of {@code groupings} when some are given.
 */
public record NonAdditiveDimension(String dimension, WindowChoice window, List<String> groupings) {
    public NonAdditiveDimension {
        requireNonNull(dimension, "dimension is null");
        window = window == null ? WindowChoice.MAX : window;
        groupings = List.copyOf(groupings == null ? List.of() : groupings);
    }
}
