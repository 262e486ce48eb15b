package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

/**
 * A column as a harvester read it from the source. {@code position} starts at 1.
 *
 * @param profile a sample's statistics when the crawl profiles columns, else null
 */
public record HarvestedColumn(
        String name,
        String dataType,
        boolean nullable,
        int position,
        String defaultValue,
        String description,
        ColumnProfile profile) {
    public HarvestedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1, was " + position);
        }
    }

    public HarvestedColumn(String name, String dataType, boolean nullable, int position, String defaultValue, String description) {
        this(name, dataType, nullable, position, defaultValue, description, null);
    }

    public HarvestedColumn withProfile(ColumnProfile newProfile) {
        return new HarvestedColumn(name, dataType, nullable, position, defaultValue, description, newProfile);
    }
}
