package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.TextPosition;
import java.util.List;
import java.util.TreeSet;

/**
 * The lineage of one statement of a script.
 *
 * @param number the statement's place in the script, counted from 1
 * @param start where the statement begins in the script (line and column from 1)
 * @param sql the statement's text without the separating {@code ;} and surrounding white space
 * @param inputs the tables read, distinct and sorted; common table expressions are never tables
 * @param outputs the tables written (inserted, updated, deleted, merged into, created)
 * @param columns one entry per written column, sorted by target, targets distinct
 * @param warnings what the lineage could not know for sure (an ambiguous column, a {@code *}
 *     over a table of unknown columns), in the order met; empty when the answer is exact
 */
public record StatementLineage(
        int number,
        TextPosition start,
        String sql,
        List<String> inputs,
        List<String> outputs,
        List<ColumnLineage> columns,
        List<String> warnings) {
    public StatementLineage {
        if (number < 1) {
            throw new IllegalArgumentException("statements are counted from 1, was " + number);
        }
        requireNonNull(start, "start is null");
        requireNonNull(sql, "sql is null");
        inputs = sortedNames("inputs", inputs);
        outputs = sortedNames("outputs", outputs);
        columns = sortedColumns(columns);
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    static List<String> sortedNames(String field, List<String> names) {
        requireNonNull(names, field + " is null");
        for (String name : names) {
            if (requireNonNull(name, "a name in " + field + " is null").isBlank()) {
                throw new IllegalArgumentException("a name in " + field + " is blank");
            }
        }
        return List.copyOf(new TreeSet<>(names));
    }

    static List<ColumnLineage> sortedColumns(List<ColumnLineage> columns) {
        requireNonNull(columns, "columns is null");
        TreeSet<ColumnLineage> sorted = new TreeSet<>();
        for (ColumnLineage column : columns) {
            if (!sorted.add(requireNonNull(column, "a column is null"))) {
                throw new IllegalArgumentException("target " + column.target() + " appears twice");
            }
        }
        return List.copyOf(sorted);
    }
}
