package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;

/**
 * A walk over lineage from one asset.
 *
 * @param start a table, view, column, job or metric
 * @param direction which way
 * @param depth hops to walk, 1 to {@value #MAX_DEPTH}
 * @param level datasets or columns; from a table at column level the walk starts at its columns
 * @param offset skips this many of the start's neighbours in the first hop (paging a busy node)
 * @param fanOut the most neighbours taken from any one node per hop; the rest are counted in
 *     {@link LineageGraph#truncated()} so a client can page them with {@code offset}
 */
public record LineageQuery(
        AssetId start, LineageDirection direction, int depth, LineageLevel level, int offset, int fanOut) {
    public static final int DEFAULT_DEPTH = 3;
    public static final int MAX_DEPTH = 10;
    public static final int DEFAULT_FAN_OUT = 100;
    public static final int MAX_FAN_OUT = 1_000;

    public LineageQuery {
        requireNonNull(start, "start is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(level, "level is null");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw CatalogException.invalid("depth", "is 1 to " + MAX_DEPTH + ", was " + depth);
        }
        if (offset < 0) {
            throw CatalogException.invalid("offset", "must not be negative, was " + offset);
        }
        if (fanOut < 1 || fanOut > MAX_FAN_OUT) {
            throw CatalogException.invalid("fanOut", "is 1 to " + MAX_FAN_OUT + ", was " + fanOut);
        }
    }

    public static LineageQuery of(AssetId start, LineageDirection direction, int depth, LineageLevel level) {
        return new LineageQuery(start, direction, depth, level, 0, DEFAULT_FAN_OUT);
    }
}
