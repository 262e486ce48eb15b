package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A KPI: a built-in one ({@link BuiltInKpis}) or a user-defined filter and condition, with an
 * optional target and deadline.
 *
 * @param lowerIsBetter true for counts of problems (breaking changes, unused assets)
 * @param filter the assets counted; null for built-ins, which define their own populations
 * @param condition what a counted asset must satisfy; null for built-ins
 * @param target the value to reach (0 to 100 for percentages), or null
 * @param deadline when the target should be reached, or null
 */
public record KpiDefinition(
        String name,
        String label,
        String description,
        boolean builtIn,
        KpiUnit unit,
        boolean lowerIsBetter,
        AssetFilter filter,
        KpiCondition condition,
        Double target,
        LocalDate deadline,
        String createdBy) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    public KpiDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        if (!NAME.matcher(name).matches()) {
            throw CatalogException.invalid("name", "is 2 to 64 lower-case letters, digits or '_', starting with a letter; was '" + name + "'");
        }
        if (label == null || label.isBlank()) {
            label = name;
        }
        if (!builtIn && (filter == null || condition == null)) {
            throw CatalogException.invalid("condition", "a user-defined KPI needs a filter and a condition");
        }
        if (target != null && (target.isNaN() || target < 0 || (unit == KpiUnit.PERCENT && target > 100))) {
            throw CatalogException.invalid("target", unit == KpiUnit.PERCENT ? "is a percentage from 0 to 100" : "must not be negative");
        }
        if (deadline != null && target == null) {
            throw CatalogException.invalid("deadline", "needs a target");
        }
    }

    /** The same KPI with another target and deadline. */
    public KpiDefinition withTarget(Double newTarget, LocalDate newDeadline) {
        return new KpiDefinition(
                name, label, description, builtIn, unit, lowerIsBetter, filter, condition, newTarget, newDeadline, createdBy);
    }
}
