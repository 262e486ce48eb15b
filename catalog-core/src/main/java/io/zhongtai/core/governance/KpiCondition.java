package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an asset must satisfy to count as covered by a user-defined KPI, written
 * {@code has_description}, {@code has_tag:pii}, {@code read_within_days:30}.
 */
public record KpiCondition(Kind kind, String argument) {
    /** The conditions a KPI can test; each maps to a fixed query in the store. */
    public enum Kind {
        HAS_DESCRIPTION(false),
        HAS_OWNER(false),
        HAS_TAG(true),
        HAS_TERM(false),
        HAS_DOMAIN(false),
        HAS_LINEAGE(false),
        CERTIFIED(false),
        READ_WITHIN_DAYS(true);

        private final boolean needsArgument;

        Kind(boolean needsArgument) {
            this.needsArgument = needsArgument;
        }

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KpiCondition {
        requireNonNull(kind, "kind is null");
        if (kind.needsArgument && (argument == null || argument.isBlank())) {
            throw CatalogException.invalid("condition", kind.value() + " needs an argument: " + kind.value() + ":<value>");
        }
        if (!kind.needsArgument && argument != null) {
            throw CatalogException.invalid("condition", kind.value() + " takes no argument");
        }
        if (kind == Kind.READ_WITHIN_DAYS) {
            try {
                int days = Integer.parseInt(argument);
                if (days < 1 || days > 3660) {
                    throw CatalogException.invalid("condition", "read_within_days is 1 to 3660 days, was " + days);
                }
            } catch (NumberFormatException e) {
                throw CatalogException.invalid("condition", "read_within_days takes a number of days, not '" + argument + "'");
            }
        }
    }

    public static KpiCondition parse(String text) {
        if (text == null || text.isBlank()) {
            throw CatalogException.invalid("condition", "is required, e.g. has_description or has_tag:pii");
        }
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String argument = colon < 0 ? null : text.substring(colon + 1).strip();
        for (Kind kind : Kind.values()) {
            if (kind.value().equals(name)) {
                return new KpiCondition(kind, argument);
            }
        }
        throw CatalogException.invalid("condition", "unknown condition '" + name + "'; known: "
                + Arrays.stream(Kind.values()).map(Kind::value).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return argument == null ? kind.value() : kind.value() + ":" + argument;
    }
}
