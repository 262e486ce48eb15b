package io.zhongtai.nl.parse;

import java.util.List;

/** Writes filter-language expressions from a dimension name and known values; nothing else. */
public final class Filters {
    private Filters() {}

    /** {@code dim = 'v'}, {@code dim IN ('a', 'b')} and their negations, quotes in values doubled. */
    public static String equality(String dimension, List<String> values, boolean negated) {
        if (!dimension.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a dimension name: " + dimension);
        }
        List<String> quoted = values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList();
        if (quoted.size() == 1) {
            return dimension + (negated ? " <> " : " = ") + quoted.get(0);
        }
        return dimension + (negated ? " NOT IN (" : " IN (") + String.join(", ", quoted) + ")";
    }
}
