package io.zhongtai.nl.lexicon;

import java.util.List;
import java.util.Map;

/**
 * Values of dimensions that the definitions do not list (cities, stores, products, brands), read
 * from the warehouse by whoever wires the parser, so that a question can name them.
 */
@FunctionalInterface
public interface DimensionValueSource {
    /** Known values by dimension name; a dimension missing from the map has none beyond its definition's. */
    Map<String, List<String>> values();

    static DimensionValueSource none() {
        return Map::of;
    }
}
