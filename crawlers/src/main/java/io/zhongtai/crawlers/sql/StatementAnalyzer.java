package io.zhongtai.crawlers.sql;

import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.crawlers.sql.Relation.Named;
import io.zhongtai.crawlers.sql.Relation.Output;
import io.zhongtai.crawlers.sql.Scope.Ctes;
import io.zhongtai.crawlers.sql.Scope.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Partition;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The lineage of one parsed statement. Every kind of write ends in one of two places: {@link
 * #writeQuery}, which maps a query's output columns onto a target table, or {@link #assign},
 * which maps {@code SET column = expression} pairs; reads all go through the {@link
 * QueryResolver}.
 */
final class StatementAnalyzer {
    private final QueryResolver resolver;
    private final SqlNames names;
    private final TableSchemas schemas;
    private final LineageAccumulator lineage;

    StatementAnalyzer(QueryResolver resolver) {
        this.resolver = resolver;
        this.names = resolver.names();
        this.schemas = resolver.schemas();
        this.lineage = resolver.lineage();
    }

    void analyze(Statement statement) {
        if (statement instanceof PlainSelect select && select.getIntoTables() != null
                && !select.getIntoTables().isEmpty()) {
            // SELECT ... INTO new_table (PostgreSQL, SQL Server): creates and fills the table
            for (Table into : select.getIntoTables()) {
                createFromQuery(tableName(into), List.of(), select);
            }
        } else if (statement instanceof Select select) {
            resolver.query(select, null, Ctes.NONE);
        } else if (statement instanceof Insert insert) {
            insert(insert);
        } else if (statement instanceof Upsert upsert) {
            upsert(upsert);
        } else if (statement instanceof Update update) {
            update(update);
        } else if (statement instanceof Delete delete) {
            delete(delete);
        } else if (statement instanceof Merge merge) {
            merge(merge);
        } else if (statement instanceof CreateTable create) {
            createTable(create);
        } else if (statement instanceof CreateView create) {
            createView(create);
        } else if (statement instanceof Truncate truncate) {
            for (Table table : truncate.getTables() != null ? truncate.getTables() : List.of(truncate.getTable())) {
                lineage.output(tableName(table));
            }
        } else if (statement instanceof Drop drop && drop.getName() != null) {
            schemas.dropped(tableName(drop.getName()));
        }
        // other statements (SET, GRANT, ALTER, COMMENT, ...) move no data
    }

    private String tableName(Table table) {
        return names.tableName(SqlNames.tableParts(table));
    }

    // ---------------------------------------------------------------- INSERT, REPLACE, UPSERT

    private void insert(Insert insert) {
        String target = tableName(insert.getTable());
        Ctes ctes = resolver.withItems(insert.getWithItemsList(), null, Ctes.NONE);
        List<String> columns = columnNames(insert.getColumns());
        if (insert.getSetUpdateSets() != null && !insert.getSetUpdateSets().isEmpty()) {
            // MySQL INSERT ... SET a = 1, b = x
            Scope scope = new Scope(null, ctes);
            for (UpdateSet set : insert.getSetUpdateSets()) {
                assign(set, scope, target);
            }
        } else if (insert.getSelect() != null) {
            Relation query = resolver.query(insert.getSelect(), null, ctes);
            writeQuery(target, columns, partitions(insert.getPartitions()), query, false);
        }
        lineage.output(target);
        List<UpdateSet> conflictSets = new ArrayList<>();
        Expression conflictCondition = null;
        if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
            conflictSets.addAll(insert.getConflictAction().getUpdateSets());
            conflictCondition = insert.getConflictAction().getWhereExpression();
        }
        boolean duplicateKey = insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty();
        if (duplicateKey) {
            conflictSets.addAll(insert.getDuplicateUpdateSets());
        }
        if (!conflictSets.isEmpty()) {
            Scope scope = conflictScope(target, insert.getTable(), insert.getRowAlias(), ctes);
            if (duplicateKey && insert.getSelect() instanceof PlainSelect select) {
                // MySQL lets ON DUPLICATE KEY UPDATE name the SELECT's tables by their aliases
                Scope selectScope = new Scope(null, ctes);
                if (select.getFromItem() != null) {
                    resolver.addFromItem(select.getFromItem(), selectScope);
                }
                resolver.addJoins(select.getJoins(), selectScope);
                for (Entry entry : selectScope.entries()) {
                    scope.add(new Entry(entry.alias(), entry.tableParts(), entry.writtenParts(), entry.relation(), true));
                }
            }
            for (UpdateSet set : conflictSets) {
                assign(set, scope, target);
            }
            resolver.condition(conflictCondition, scope);
        }
    }

    /** REPLACE INTO and UPSERT INTO: an INSERT that may overwrite rows. */
    private void upsert(Upsert upsert) {
        String target = tableName(upsert.getTable());
        List<String> columns = columnNames(upsert.getColumns());
        if (upsert.getUpdateSets() != null && !upsert.getUpdateSets().isEmpty() && upsert.getSelect() == null) {
            Scope scope = new Scope(null, Ctes.NONE);
            for (UpdateSet set : upsert.getUpdateSets()) {
                assign(set, scope, target);
            }
        } else if (upsert.getSelect() != null) {
            writeQuery(target, columns, Map.of(), resolver.query(upsert.getSelect(), null, Ctes.NONE), false);
        }
        lineage.output(target);
        if (upsert.getDuplicateUpdateSets() != null && !upsert.getDuplicateUpdateSets().isEmpty()) {
            Scope scope = conflictScope(target, upsert.getTable(), null, Ctes.NONE);
            for (UpdateSet set : upsert.getDuplicateUpdateSets()) {
                assign(set, scope, target);
            }
        }
    }

    /**
     * The names an ON CONFLICT / ON DUPLICATE KEY clause sees: the target's current row, and the
     * proposed row as {@code EXCLUDED}, as the INSERT's row alias, or through {@code VALUES(c)}.
     */
    private Scope conflictScope(String target, Table table, Alias rowAlias, Ctes ctes) {
        List<Output> proposed = new ArrayList<>();
        lineage.written(target).forEach((column, sources) -> proposed.add(new Named(column, sources, false)));
        Relation inserted = Relation.derived(proposed);
        Scope scope = new Scope(null, ctes);
        List<String> parts = SqlNames.tableParts(table);
        String alias = table.getAlias() == null ? null : SqlNames.identifier(table.getAlias().getName());
        scope.add(new Entry(alias, names.qualify(parts), parts, schemas.relation(target), false));
        scope.add(new Entry("excluded", null, null, inserted, true));
        if (rowAlias != null && rowAlias.getName() != null) {
            scope.add(new Entry(SqlNames.identifier(rowAlias.getName()), null, null, inserted, true));
        }
        scope.inserted(inserted);
        return scope;
    }

    /**
     * Hive's {@code PARTITION (dt = '2024-01-01', country)}: static values by column, and the
     * dynamic ones (null value) in order.
     */
    private static Map<String, Expression> partitions(List<Partition> partitions) {
        if (partitions == null || partitions.isEmpty()) {
            return Map.of();
        }
        Map<String, Expression> result = new java.util.LinkedHashMap<>();
        for (Partition partition : partitions) {
            result.put(SqlNames.identifier(partition.getColumn().getColumnName()), partition.getValue());
        }
        return result;
    }

    /**
     * The one mapping of a query's output onto a target table. With a column list (or, without
     * one, the target's columns from the catalog) the mapping is by position; otherwise the target
     * columns are named after the output columns. A static partition column is written from its
     * literal; dynamic partition columns take the last output columns.
     *
     * @param creates the statement creates the target (CTAS, CREATE VIEW): its columns are the
     *     query's, never the catalog's
     */
    private void writeQuery(
            String target, List<String> columns, Map<String, Expression> partitions, Relation query, boolean creates) {
        List<String> dynamic = new ArrayList<>();
        Scope empty = new Scope(null, Ctes.NONE);
        partitions.forEach((column, value) -> {
            if (value == null) {
                dynamic.add(column);
            } else {
                lineage.write(target, column, resolver.valueSources(value, empty));
            }
        });
        List<Output> outputs = query.outputs();
        List<String> targets = columns;
        if (targets.isEmpty() && !creates) {
            Optional<List<String>> known = schemas.columns(target);
            if (known.isPresent()) {
                targets = new ArrayList<>(known.get());
                targets.removeAll(partitions.keySet());
                targets.addAll(dynamic);
            }
        } else if (!targets.isEmpty()) {
            targets = new ArrayList<>(targets);
            targets.addAll(dynamic);
        }
        if (!targets.isEmpty()) {
            int width = outputs.size();
            if (Relation.closed(outputs) && width != targets.size()) {
                lineage.warn("the query gives " + width + " columns for the " + targets.size()
                        + " columns of " + target + "; mapped by position as far as both go");
            }
            List<Set<String>> aligned = Relation.align(outputs, targets.size());
            for (int i = 0; i < aligned.size(); i++) {
                lineage.write(target, targets.get(i), aligned.get(i));
            }
            return;
        }
        for (int i = 0; i < outputs.size(); i++) {
            Output output = outputs.get(i);
            int fromEnd = outputs.size() - 1 - i;
            if (output instanceof Named named) {
                if (fromEnd < dynamic.size()) {
                    lineage.write(target, dynamic.get(dynamic.size() - 1 - fromEnd), named.sources());
                } else if (named.anonymous() && !creates) {
                    lineage.warn("the target column of the expression at position " + (i + 1)
                            + " is unknown (no column list, and the catalog does not know " + target
                            + "); recorded as " + target + "." + ColumnLineage.ALL_COLUMNS);
                    lineage.write(target, ColumnLineage.ALL_COLUMNS, named.sources());
                } else {
                    lineage.write(target, named.name(), named.sources());
                }
            } else {
                Relation leaf = ((Relation.Open) output).leaf();
                lineage.warn("* over " + (leaf.table() != null ? leaf.table() : "a table function")
                        + " whose columns are unknown: recorded as " + target + "." + ColumnLineage.ALL_COLUMNS);
                lineage.write(target, ColumnLineage.ALL_COLUMNS, Relation.sources(output));
            }
        }
    }

    private static List<String> columnNames(List<Column> columns) {
        if (columns == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(columns.size());
        for (Column column : columns) {
            result.add(SqlNames.identifier(column.getColumnName()));
        }
        return result;
    }

    // ---------------------------------------------------------------- CREATE

    private void createTable(CreateTable create) {
        String target = tableName(create.getTable());
        List<String> columns = new ArrayList<>();
        if (create.getColumnDefinitions() != null) {
            for (ColumnDefinition definition : create.getColumnDefinitions()) {
                columns.add(SqlNames.identifier(definition.getColumnName()));
            }
        } else if (create.getColumns() != null) {
            for (String column : create.getColumns()) {
                columns.add(SqlNames.identifier(column));
            }
        }
        if (create.getSelect() != null) {
            createFromQuery(target, columns, create.getSelect());
        } else {
            lineage.output(target);
            if (create.getLikeTable() != null) {
                schemas.created(target, schemas.columns(tableName(create.getLikeTable())));
            } else {
                schemas.created(target, columns.isEmpty() ? Optional.empty() : Optional.of(columns));
            }
        }
    }

    private void createView(CreateView create) {
        createFromQuery(tableName(create.getView()), columnNames(create.getColumnNames()), create.getSelect());
    }

    /** CTAS, CREATE [MATERIALIZED] VIEW: the query's columns become the new table's. */
    private void createFromQuery(String target, List<String> columns, Select select) {
        Relation query = resolver.query(select, null, Ctes.NONE);
        writeQuery(target, columns, Map.of(), query, true);
        lineage.output(target);
        Set<String> written = lineage.written(target).keySet();
        schemas.created(target, written.contains(ColumnLineage.ALL_COLUMNS)
                ? Optional.empty()
                : Optional.of(List.copyOf(written)));
    }

    // ---------------------------------------------------------------- UPDATE, DELETE, MERGE

    /**
     * PostgreSQL {@code UPDATE t SET ... FROM s}, MySQL {@code UPDATE t JOIN s ON ... SET} and
     * {@code UPDATE t, s SET ...}: the target is the table named after UPDATE; the others are read.
     */
    private void update(Update update) {
        Ctes ctes = resolver.withItems(update.getWithItemsList(), null, Ctes.NONE);
        Scope scope = new Scope(null, ctes);
        String target = addTarget(update.getTable(), scope);
        if (update.getStartJoins() != null) {
            resolver.addJoins(update.getStartJoins(), scope);
        }
        if (update.getFromItem() != null) {
            resolver.addFromItem(update.getFromItem(), scope);
        }
        resolver.addJoins(update.getJoins(), scope);
        for (UpdateSet set : update.getUpdateSets()) {
            assign(set, scope, target);
        }
        resolver.condition(update.getWhere(), scope);
        lineage.output(target);
    }

    /**
     * DELETE writes its target and no column. MySQL's {@code DELETE t1, t2 FROM t1 JOIN t2 ...}
     * names its targets before FROM; those references are targets, not reads.
     */
    private void delete(Delete delete) {
        Ctes ctes = resolver.withItems(delete.getWithItemsList(), null, Ctes.NONE);
        Scope scope = new Scope(null, ctes);
        List<Table> named = delete.getTables() == null ? List.of() : delete.getTables();
        if (named.isEmpty()) {
            addTarget(delete.getTable(), scope);
            lineage.output(tableName(delete.getTable()));
        } else {
            resolver.addFromItem(delete.getTable(), scope);
        }
        if (delete.getUsingFromItemList() != null) {
            for (FromItem item : delete.getUsingFromItemList()) {
                resolver.addFromItem(item, scope);
            }
        } else if (delete.getUsingList() != null) {
            for (Table table : delete.getUsingList()) {
                resolver.addFromItem(table, scope);
            }
        }
        resolver.addJoins(delete.getJoins(), scope);
        for (Table table : named) {
            Entry entry = resolver.findEntry(SqlNames.tableParts(table), scope);
            String written = entry != null && entry.relation().table() != null
                    ? entry.relation().table()
                    : tableName(table);
            lineage.output(written);
            lineage.removeInput(written);
        }
        resolver.condition(delete.getWhere(), scope);
    }

    private void merge(Merge merge) {
        Ctes ctes = resolver.withItems(merge.getWithItemsList(), null, Ctes.NONE);
        Scope scope = new Scope(null, ctes);
        String target = addTarget(merge.getTable(), scope);
        if (merge.getFromItem() != null) {
            resolver.addFromItem(merge.getFromItem(), scope);
        }
        resolver.condition(merge.getOnCondition(), scope);
        List<MergeOperation> operations = merge.getOperations() == null ? List.of() : merge.getOperations();
        for (MergeOperation operation : operations) {
            if (operation instanceof MergeUpdate update) {
                resolver.condition(update.getAndPredicate(), scope);
                for (UpdateSet set : update.getUpdateSets()) {
                    assign(set, scope, target);
                }
                resolver.condition(update.getWhereCondition(), scope);
                resolver.condition(update.getDeleteWhereCondition(), scope);
            } else if (operation instanceof MergeInsert insert) {
                resolver.condition(insert.getAndPredicate(), scope);
                mergeInsert(insert, scope, target);
                resolver.condition(insert.getWhereCondition(), scope);
            } else if (operation instanceof MergeDelete delete) {
                resolver.condition(delete.getAndPredicate(), scope);
            }
        }
        lineage.output(target);
    }

    private void mergeInsert(MergeInsert insert, Scope scope, String target) {
        List<String> columns = columnNames(insert.getColumns());
        if (columns.isEmpty()) {
            columns = schemas.columns(target).orElse(List.of());
        }
        ExpressionList<Expression> values = insert.getValues();
        if (values == null) {
            return;
        }
        List<Output> outputs = new ArrayList<>();
        for (Expression value : values) {
            outputs.add(new Named("_c" + outputs.size(), resolver.valueSources(value, scope), true));
        }
        writeQuery(target, columns, Map.of(), Relation.derived(outputs), false);
    }

    /** Adds a written table to the scope under its alias, without reading it. */
    private String addTarget(Table table, Scope scope) {
        String target = tableName(table);
        List<String> parts = SqlNames.tableParts(table);
        String alias = table.getAlias() == null ? null : SqlNames.identifier(table.getAlias().getName());
        scope.add(new Entry(alias, names.qualify(parts), parts, schemas.relation(target), false));
        return target;
    }

    /**
     * {@code SET a = x}, {@code SET (a, b) = (x, y)} and {@code SET (a, b) = (SELECT x, y ...)}:
     * each column written from its expression. A qualified column writes the table its qualifier
     * names; an unqualified one the statement's target.
     */
    private void assign(UpdateSet set, Scope scope, String target) {
        List<Column> columns = set.getColumns();
        ExpressionList<?> values = set.getValues();
        List<Set<String>> sources = new ArrayList<>();
        if (values.size() == columns.size()) {
            for (Expression value : values) {
                sources.add(resolver.valueSources(value, scope));
            }
        } else if (values.size() == 1 && values.get(0) instanceof ParenthesedSelect subquery) {
            Relation query = resolver.query(subquery, scope, scope.ctes());
            sources.addAll(Relation.align(query.outputs(), columns.size()));
        } else {
            Set<String> all = new LinkedHashSet<>();
            for (Expression value : values) {
                all.addAll(resolver.valueSources(value, scope));
            }
            for (int i = 0; i < columns.size(); i++) {
                sources.add(all);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            lineage.write(writtenTable(column, scope, target), SqlNames.identifier(column.getColumnName()),
                    i < sources.size() ? sources.get(i) : Set.of());
        }
    }

    private String writtenTable(Column column, Scope scope, String target) {
        List<String> parts = QueryResolver.columnParts(column);
        if (parts.size() == 1) {
            return target;
        }
        Entry entry = resolver.findEntry(parts.subList(0, parts.size() - 1), scope);
        if (entry != null && entry.relation().table() != null) {
            return entry.relation().table();
        }
        return target;
    }
}
