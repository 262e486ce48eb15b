package io.zhongtai.crawlers.sql;

import io.zhongtai.core.lineage.ColumnLineage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns that a FROM item or a query offers, in order, each with the base columns it derives
 * from. A base table's columns are itself; a query's are its select list; a table function's
 * (UNNEST, explode, FLATTEN) all derive from its arguments. Where the columns are not known (a
 * table the catalog does not know, or a {@code *} over one), the relation is open: any name
 * asked of it is taken to exist.
 */
final class Relation {
    /** One output of a relation: a column known by name, or the unknown columns of a leaf. */
    sealed interface Output permits Named, Open {}

    /**
     * A column known by name.
     *
     * @param anonymous the name is the engine's made-up one for an expression without alias
     */
    record Named(String name, Set<String> sources, boolean anonymous) implements Output {
        Named {
            sources = Set.copyOf(sources);
        }
    }

    /** The columns, unknown by name, of a leaf relation (an unknown table or a table function). */
    record Open(Relation leaf) implements Output {}

    private final String table;
    private final boolean columnsKnown;
    private final List<Output> outputs;
    private final Set<String> anyColumnSources;

    private Relation(String table, boolean columnsKnown, List<Output> outputs, Set<String> anyColumnSources) {
        this.table = table;
        this.columnsKnown = columnsKnown;
        this.outputs = outputs;
        this.anyColumnSources = anyColumnSources;
    }

    /** A base table, with its columns when they are known. */
    static Relation baseTable(String table, Optional<List<String>> columns) {
        if (columns.isEmpty()) {
            List<Output> outputs = new ArrayList<>(1);
            Relation relation = new Relation(table, false, outputs, null);
            outputs.add(new Open(relation));
            return relation;
        }
        List<Output> outputs = new ArrayList<>();
        for (String column : columns.get()) {
            outputs.add(new Named(column, Set.of(SqlNames.columnName(table, column)), false));
        }
        return new Relation(table, true, List.copyOf(outputs), null);
    }

    /** A query's result or a CTE. */
    static Relation derived(List<Output> outputs) {
        return new Relation(null, true, List.copyOf(outputs), null);
    }

    /**
     * A table function: its columns all derive from the arguments' columns. With alias columns
     * those are its columns; without, any name asked of it exists.
     */
    static Relation function(List<String> names, Set<String> sources) {
        Set<String> copy = Set.copyOf(sources);
        List<Output> outputs = new ArrayList<>();
        for (String name : names) {
            outputs.add(new Named(name, copy, false));
        }
        if (!names.isEmpty()) {
            return new Relation(null, true, List.copyOf(outputs), null);
        }
        // no column names given (FLATTEN's value, index, ...): any name derives from the arguments
        Relation relation = new Relation(null, true, outputs, copy);
        outputs.add(new Open(relation));
        return relation;
    }

    /** The base table's printed name, or null for a query or function. */
    String table() {
        return table;
    }

    List<Output> outputs() {
        return outputs;
    }

    /** The sources of the column of that name, or empty when this relation has none such. */
    Optional<Set<String>> lookup(String name) {
        for (Output output : outputs) {
            if (output instanceof Named named && named.name().equals(name)) {
                return Optional.of(named.sources());
            }
        }
        if (table != null && !columnsKnown) {
            return Optional.of(Set.of(SqlNames.columnName(table, name)));
        }
        if (anyColumnSources != null) {
            return Optional.of(anyColumnSources);
        }
        for (Output output : outputs) {
            if (output instanceof Open open && open.leaf() != this) {
                Optional<Set<String>> found = open.leaf().lookup(name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a column of that name is known to exist. */
    boolean knows(String name) {
        for (Output output : outputs) {
            if (output instanceof Named named && named.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the relation may have columns beyond the named ones. */
    boolean isOpen() {
        if (table != null && !columnsKnown || anyColumnSources != null) {
            return true;
        }
        for (Output output : outputs) {
            if (output instanceof Open) {
                return true;
            }
        }
        return false;
    }

    /** What an unknown column of this leaf derives from: {@code table.*}, or the function's arguments. */
    Set<String> leafSources() {
        if (table != null) {
            return Set.of(SqlNames.columnName(table, ColumnLineage.ALL_COLUMNS));
        }
        return anyColumnSources == null ? Set.of() : anyColumnSources;
    }

    /** Every source of an output: its named sources, or the leaf's for unknown columns. */
    static Set<String> sources(Output output) {
        return output instanceof Named named ? named.sources() : ((Open) output).leaf().leafSources();
    }

    /** The union of the sources of all outputs: what a scalar subquery's value derives from. */
    Set<String> allSources() {
        return union(outputs);
    }

    static Set<String> union(Collection<? extends Output> outputs) {
        Set<String> all = new LinkedHashSet<>();
        for (Output output : outputs) {
            all.addAll(sources(output));
        }
        return all;
    }

    /**
     * The sources for each of {@code count} targets taken by position. After the first output
     * whose columns are unknown the positions are lost: every later target gets the sources of
     * all the remaining outputs.
     */
    static List<Set<String>> align(List<Output> outputs, int count) {
        List<Set<String>> aligned = new ArrayList<>(count);
        for (int i = 0; i < outputs.size() && aligned.size() < count; i++) {
            Output output = outputs.get(i);
            if (output instanceof Named named) {
                aligned.add(named.sources());
            } else {
                Set<String> rest = union(outputs.subList(i, outputs.size()));
                while (aligned.size() < count) {
                    aligned.add(rest);
                }
            }
        }
        return aligned;
    }

    /** Whether every output is known by name, so that positions can be counted. */
    static boolean closed(List<Output> outputs) {
        for (Output output : outputs) {
            if (output instanceof Open) {
                return false;
            }
        }
        return true;
    }

    /** The relation with its columns renamed by position ({@code AS s(x, y)}, {@code WITH c(x, y)}). */
    Relation renamed(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        List<Set<String>> aligned = align(outputs, names.size());
        List<Output> renamed = new ArrayList<>();
        for (int i = 0; i < aligned.size(); i++) {
            renamed.add(new Named(names.get(i), aligned.get(i), false));
        }
        return derived(renamed);
    }
}
