package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lineage of a statement or script (API.md, "Lineage"): the union over its statements, and
 * each statement's own answer.
 *
 * @param inputs the tables read by any statement, distinct and sorted
 * @param outputs the tables written by any statement, distinct and sorted
 * @param columns the written columns of all statements, merged by target (sources united), sorted
 *     by target
 * @param statements the statements in script order
 */
public record SqlLineage(
        List<String> inputs, List<String> outputs, List<ColumnLineage> columns, List<StatementLineage> statements) {
    public SqlLineage {
        inputs = StatementLineage.sortedNames("inputs", inputs);
        outputs = StatementLineage.sortedNames("outputs", outputs);
        columns = StatementLineage.sortedColumns(columns);
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
    }

    /** The union of the statements' answers, as the top level of a script's answer. */
    public static SqlLineage union(List<StatementLineage> statements) {
        TreeSet<String> inputs = new TreeSet<>();
        TreeSet<String> outputs = new TreeSet<>();
        Map<String, TreeSet<String>> columns = new TreeMap<>();
        for (StatementLineage statement : statements) {
            inputs.addAll(statement.inputs());
            outputs.addAll(statement.outputs());
            for (ColumnLineage column : statement.columns()) {
                columns.computeIfAbsent(column.target(), target -> new TreeSet<>()).addAll(column.sources());
            }
        }
        List<ColumnLineage> merged = new ArrayList<>();
        columns.forEach((target, sources) -> merged.add(new ColumnLineage(target, List.copyOf(sources))));
        return new SqlLineage(List.copyOf(inputs), List.copyOf(outputs), merged, statements);
    }

    /** Every warning of every statement, each prefixed with its statement number. */
    public List<String> warnings() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        for (StatementLineage statement : statements) {
            for (String warning : statement.warnings()) {
                all.put("statement " + statement.number() + ": " + warning, Boolean.TRUE);
            }
        }
        return List.copyOf(all.keySet());
    }
}
