package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

/** A column as a harvester read it from the source. {@code position} starts at 1. */
public record HarvestedColumn(
        String name, String dataType, boolean nullable, int position, String defaultValue, String description) {
    public HarvestedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1, was " + position);
        }
    }
}
