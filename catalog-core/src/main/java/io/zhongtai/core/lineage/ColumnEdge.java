package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;

/**
 * A value flow from one column into another.
 *
 * @param source the column read
 * @param target the column written
 */
public record ColumnEdge(AssetId source, AssetId target) implements Comparable<ColumnEdge> {
    public ColumnEdge {
        requireNonNull(source, "source is null");
        requireNonNull(target, "target is null");
        if (source.type() != AssetType.COLUMN || target.type() != AssetType.COLUMN) {
            throw new IllegalArgumentException("a column edge joins two columns: " + source + " -> " + target);
        }
    }

    @Override
    public int compareTo(ColumnEdge other) {
        int bySource = source.compareTo(other.source);
        return bySource != 0 ? bySource : target.compareTo(other.target);
    }
}
