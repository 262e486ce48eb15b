package io.zhongtai.crawlers.sql;

import io.zhongtai.core.TextPosition;
import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.core.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one statement reads and writes, gathered while it is walked. */
final class LineageAccumulator {
    private final Set<String> inputs = new LinkedHashSet<>();
    private final Set<String> outputs = new LinkedHashSet<>();
    private final Map<String, Map<String, Set<String>>> writes = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    void input(String table) {
        inputs.add(table);
    }

    void removeInput(String table) {
        inputs.remove(table);
    }

    void output(String table) {
        outputs.add(table);
    }

    /** A written column of a table and what its value derives from; written twice, the sources unite. */
    void write(String table, String column, Collection<String> sources) {
        output(table);
        writes.computeIfAbsent(table, key -> new LinkedHashMap<>())
                .computeIfAbsent(column, key -> new LinkedHashSet<>())
                .addAll(sources);
    }

    /** The columns written so far into a table, in the order first written. */
    Map<String, Set<String>> written(String table) {
        return writes.getOrDefault(table, Map.of());
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    StatementLineage toStatement(int number, TextPosition start, String sql) {
        List<ColumnLineage> columns = new ArrayList<>();
        writes.forEach((table, byColumn) -> byColumn.forEach((column, sources) ->
                columns.add(new ColumnLineage(SqlNames.columnName(table, column), List.copyOf(sources)))));
        return new StatementLineage(
                number, start, sql, List.copyOf(inputs), List.copyOf(outputs), columns, List.copyOf(warnings));
    }
}
