package io.zhongtai.core.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares two field maps of one asset; the result is sorted by field name. */
public final class FieldDiff {
    private FieldDiff() {}

    public static List<Change> diff(Map<String, ?> before, Map<String, ?> after) {
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            Object old = normalize(before.get(field));
            Object now = normalize(after.get(field));
            if (!Objects.equals(old, now)) {
                changes.add(new Change(field, old, now));
            }
        }
        return changes;
    }

    /** Integers of every width compare as longs, as the store gives them back. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
