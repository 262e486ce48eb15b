package io.zhongtai.metrics.model;

import io.zhongtai.core.CatalogException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Helpers for enums written in lower case with underscores in JSON and YAML ({@code count_distinct}). */
final class NamedValue {
    private NamedValue() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equals(wanted)) {
                    return constant;
                }
            }
        }
        throw CatalogException.invalid(
                field,
                "unknown value '" + value + "'; known: "
                        + Arrays.stream(type.getEnumConstants()).map(NamedValue::of).collect(Collectors.joining(", ")));
    }
}
