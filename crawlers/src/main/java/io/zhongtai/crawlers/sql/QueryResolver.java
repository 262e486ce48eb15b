package io.zhongtai.crawlers.sql;

import io.zhongtai.crawlers.sql.Relation.Named;
import io.zhongtai.crawlers.sql.Relation.Output;
import io.zhongtai.crawlers.sql.Scope.Ctes;
import io.zhongtai.crawlers.sql.Scope.Entry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The one resolver of names in queries: it turns every query block (plain select, set operation,
 * VALUES, CTE, subquery in FROM, SELECT or WHERE) into a {@link Relation}, records each base table
 * it reads as an input, and resolves column references through {@link Scope}s.
 */
final class QueryResolver {
    /** Words that parse as a column but are the engine's niladic functions. */
    private static final Set<String> NILADIC = Set.of(
            "current_user", "session_user", "user", "current_role", "current_catalog", "current_schema",
            "current_database", "current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp", "sysdate", "systimestamp", "rownum", "level", "null", "true", "false");

    /** Recursive CTEs are evaluated again until their sources stop growing; this bounds it. */
    private static final int RECURSION_PASSES = 5;

    private final SqlNames names;
    private final TableSchemas schemas;
    private final SqlDialectSettings settings;
    private final LineageAccumulator lineage;

    QueryResolver(SqlNames names, TableSchemas schemas, SqlDialectSettings settings, LineageAccumulator lineage) {
        this.names = names;
        this.schemas = schemas;
        this.settings = settings;
        this.lineage = lineage;
    }

    SqlNames names() {
        return names;
    }

    TableSchemas schemas() {
        return schemas;
    }

    LineageAccumulator lineage() {
        return lineage;
    }

    // ---------------------------------------------------------------- queries

    /** The relation a query yields; {@code outer} is the enclosing block for correlated names, or null. */
    Relation query(Select select, Scope outer, Ctes ctes) {
        Ctes local = withItems(select.getWithItemsList(), outer, ctes);
        Relation result;
        if (select instanceof PlainSelect plain) {
            result = plainSelect(plain, outer, local);
        } else if (select instanceof SetOperationList setOperation) {
            result = setOperation(setOperation, outer, local);
        } else if (select instanceof ParenthesedSelect parenthesed) {
            result = query(parenthesed.getSelect(), outer, local);
        } else if (select instanceof Values values) {
            result = values(values, new Scope(outer, local));
        } else if (select instanceof TableStatement tableStatement) {
            result = baseTable(tableStatement.getTable());
        } else {
            lineage.warn("a " + select.getClass().getSimpleName() + " query is not read for lineage");
            result = Relation.derived(List.of());
        }
        if (select.getOrderByElements() != null && !(select instanceof PlainSelect)) {
            Scope scope = new Scope(outer, local);
            for (OrderByElement order : select.getOrderByElements()) {
                condition(order.getExpression(), scope);
            }
        }
        return result;
    }

    /** Registers the CTEs of a WITH clause, each visible to the later ones and to the body. */
    Ctes withItems(List<WithItem<?>> items, Scope outer, Ctes ctes) {
        if (items == null || items.isEmpty()) {
            return ctes;
        }
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        Ctes local = new Ctes(ctes);
        for (WithItem<?> item : items) {
            String name = SqlNames.identifier(item.getAliasName());
            List<String> columns = selectItemNames(item.getWithItemList());
            ParenthesedSelect body = item.getSelect();
            if (body == null) {
                lineage.warn("the data-modifying CTE " + name + " is not read for lineage");
                local.put(name, Relation.derived(List.of()));
                continue;
            }
            if (recursive && body.getSelect() instanceof SetOperationList union) {
                Relation current = query(union.getSelect(0), outer, local).renamed(columns);
                for (int pass = 0; pass < RECURSION_PASSES; pass++) {
                    local.put(name, current);
                    Relation next = query(body, outer, local).renamed(columns);
                    boolean stable = sameSources(current, next);
                    current = next;
                    if (stable) {
                        break;
                    }
                }
                local.put(name, current);
            } else {
                local.put(name, query(body, outer, local).renamed(columns));
            }
        }
        return local;
    }

    private static boolean sameSources(Relation a, Relation b) {
        List<Output> left = a.outputs();
        List<Output> right = b.outputs();
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!Relation.sources(left.get(i)).equals(Relation.sources(right.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private Relation plainSelect(PlainSelect select, Scope outer, Ctes ctes) {
        Scope scope = new Scope(outer, ctes);
        if (select.getFromItem() != null) {
            addFromItem(select.getFromItem(), scope);
        }
        addJoins(select.getJoins(), scope);
        if (select.getLateralViews() != null) {
            for (LateralView view : select.getLateralViews()) {
                addLateralView(view, scope);
            }
        }
        scope.windows(select.getWindowDefinitions());
        List<Output> outputs = new ArrayList<>();
        int anonymous = 0;
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns tableColumns) {
                List<String> qualifier = SqlNames.tableParts(tableColumns.getTable());
                Entry entry = findEntry(qualifier, scope);
                if (entry == null) {
                    lineage.warn(String.join(".", qualifier) + ".* names no table in the query");
                } else {
                    outputs.addAll(expandStar(entry.relation(), tableColumns, scope));
                }
            } else if (expression instanceof AllColumns allColumns) {
                for (Entry entry : scope.entries()) {
                    if (!entry.qualifiedOnly()) {
                        outputs.addAll(expandStar(entry.relation(), allColumns, scope));
                    }
                }
            } else {
                if (expression instanceof DateUnitExpression unit) {
                    // JSqlParser reads a bare column named day, month, year, hour ... as a date unit
                    expression = new Column(unit.toString());
                }
                Set<String> sources = valueSources(expression, scope);
                String name;
                boolean isAnonymous = false;
                if (item.getAlias() != null) {
                    name = SqlNames.identifier(item.getAlias().getName());
                } else if (expression instanceof Column column) {
                    name = SqlNames.identifier(column.getColumnName());
                } else {
                    name = settings.anonymousName(expression, outputs.size(), anonymous++);
                    isAnonymous = true;
                }
                outputs.add(new Named(name, sources, isAnonymous));
                if (!isAnonymous) {
                    scope.selectAlias(name, sources);
                }
            }
        }
        condition(select.getWhere(), scope);
        condition(select.getPreWhere(), scope);
        condition(select.getHaving(), scope);
        condition(select.getQualify(), scope);
        GroupByElement groupBy = select.getGroupBy();
        if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
            for (Object expression : groupBy.getGroupByExpressionList()) {
                condition((Expression) expression, scope);
            }
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement order : select.getOrderByElements()) {
                condition(order.getExpression(), scope);
            }
        }
        return Relation.derived(outputs);
    }

    /** {@code *} or {@code t.*} over one relation, less EXCEPT columns, with REPLACE expressions. */
    private List<Output> expandStar(Relation relation, AllColumns star, Scope scope) {
        Set<String> except = new HashSet<>();
        if (star.getExceptColumns() != null) {
            for (Column column : star.getExceptColumns()) {
                except.add(SqlNames.identifier(column.getColumnName()));
            }
        }
        List<Output> outputs = new ArrayList<>();
        for (Output output : relation.outputs()) {
            if (output instanceof Named named) {
                if (except.contains(named.name())) {
                    continue;
                }
                Output replaced = named;
                if (star.getReplaceExpressions() != null) {
                    for (SelectItem<?> replace : star.getReplaceExpressions()) {
                        if (replace.getAlias() != null
                                && SqlNames.identifier(replace.getAlias().getName()).equals(named.name())) {
                            replaced = new Named(named.name(), valueSources(replace.getExpression(), scope), false);
                        }
                    }
                }
                outputs.add(replaced);
            } else {
                if (!except.isEmpty()) {
                    lineage.warn((star.getExceptKeyword() == null ? "EXCEPT" : star.getExceptKeyword().toUpperCase(Locale.ROOT))
                            + " over " + describe(((Relation.Open) output).leaf())
                            + " whose columns are unknown: the excluded columns stay in its *");
                }
                outputs.add(output);
            }
        }
        return outputs;
    }

    private Relation setOperation(SetOperationList list, Scope outer, Ctes ctes) {
        List<Relation> branches = new ArrayList<>();
        for (Select select : list.getSelects()) {
            branches.add(query(select, outer, ctes));
        }
        Relation first = branches.get(0);
        boolean allClosed = branches.stream().allMatch(branch -> Relation.closed(branch.outputs()));
        if (!allClosed) {
            // positions are lost after an unknown *: keep the first branch's shape, united sources
            List<Output> outputs = new ArrayList<>(first.outputs());
            for (Relation branch : branches.subList(1, branches.size())) {
                for (Output output : branch.outputs()) {
                    if (output instanceof Relation.Open) {
                        outputs.add(output);
                    }
                }
            }
            return mergeByPosition(outputs, branches);
        }
        return mergeByPosition(new ArrayList<>(first.outputs()), branches);
    }

    private Relation mergeByPosition(List<Output> shape, List<Relation> branches) {
        List<Output> merged = new ArrayList<>();
        int width = 0;
        for (Output output : shape) {
            if (output instanceof Named) {
                width++;
            }
        }
        int position = 0;
        for (Output output : shape) {
            if (output instanceof Named named) {
                Set<String> sources = new LinkedHashSet<>(named.sources());
                for (Relation branch : branches.subList(1, branches.size())) {
                    List<Set<String>> aligned = Relation.align(branch.outputs(), width);
                    if (position < aligned.size()) {
                        sources.addAll(aligned.get(position));
                    }
                }
                merged.add(new Named(named.name(), sources, named.anonymous()));
                position++;
            } else {
                merged.add(output);
            }
        }
        return Relation.derived(merged);
    }

    /** VALUES rows: one column per position, each from that position's expressions in all rows. */
    Relation values(Values values, Scope scope) {
        List<List<Expression>> rows = rows(values.getExpressions());
        List<Set<String>> columns = new ArrayList<>();
        for (List<Expression> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (columns.size() <= i) {
                    columns.add(new LinkedHashSet<>());
                }
                columns.get(i).addAll(valueSources(row.get(i), scope));
            }
        }
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            outputs.add(new Named("_c" + i, columns.get(i), true));
        }
        return Relation.derived(outputs);
    }

    /**
     * JSqlParser gives {@code VALUES (1, 2)} as one parenthesised list of values and {@code VALUES
     * (1, 2), (3, 4)} as a list of parenthesised rows.
     */
    private static List<List<Expression>> rows(ExpressionList<?> expressions) {
        List<List<Expression>> rows = new ArrayList<>();
        if (expressions == null) {
            return rows;
        }
        boolean listOfRows = !(expressions instanceof ParenthesedExpressionList<?>)
                || !expressions.isEmpty() && expressions.get(0) instanceof ExpressionList<?>;
        if (!listOfRows) {
            rows.add(new ArrayList<>(expressions));
            return rows;
        }
        for (Expression row : expressions) {
            if (row instanceof ExpressionList<?> list) {
                rows.add(new ArrayList<>(list));
            } else {
                rows.add(List.of(row));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- FROM items

    void addJoins(List<Join> joins, Scope scope) {
        if (joins == null) {
            return;
        }
        for (Join join : joins) {
            addFromItem(join.getRightItem(), scope);
            if (join.getUsingColumns() != null) {
                for (Column column : join.getUsingColumns()) {
                    scope.joinColumn(SqlNames.identifier(column.getColumnName()));
                }
            }
            if (join.isNatural()) {
                for (Entry entry : scope.entries()) {
                    for (Output output : entry.relation().outputs()) {
                        if (output instanceof Named named) {
                            scope.joinColumn(named.name());
                        }
                    }
                }
            }
            if (join.getOnExpressions() != null) {
                for (Expression on : join.getOnExpressions()) {
                    condition(on, scope);
                }
            }
        }
    }

    /** Adds a FROM item to the scope; a base table is recorded as an input. */
    void addFromItem(FromItem item, Scope scope) {
        String alias = aliasName(item.getAlias());
        List<String> aliasColumns = aliasColumns(item.getAlias());
        if (item instanceof Table table) {
            List<String> parts = SqlNames.tableParts(table);
            if (parts.size() == 1 && parts.get(0).equals("dual") && !isQuoted(table.getName())) {
                return; // MySQL's and Oracle's one-row dummy table reads nothing
            }
            Relation cte = parts.size() == 1 ? scope.ctes().lookup(parts.get(0)) : null;
            if (cte != null) {
                scope.add(new Entry(alias != null ? alias : parts.get(0), null, null, cte.renamed(aliasColumns), false));
            } else {
                Relation relation = baseTable(table);
                scope.add(new Entry(alias, names.qualify(parts), parts, relation.renamed(aliasColumns), false));
            }
        } else if (item instanceof LateralSubSelect lateral) {
            Relation relation = query(lateral.getSelect(), scope, scope.ctes());
            scope.add(new Entry(alias, null, null, relation.renamed(aliasColumns), false));
        } else if (item instanceof ParenthesedSelect subquery) {
            // a derived table sees the enclosing query, not its siblings (those need LATERAL)
            Relation relation = query(subquery.getSelect(), scope.parent(), scope.ctes());
            scope.add(new Entry(alias, null, null, relation.renamed(aliasColumns), false));
        } else if (item instanceof ParenthesedFromItem parenthesed) {
            boolean single = parenthesed.getJoins() == null || parenthesed.getJoins().isEmpty();
            if (single && alias != null) {
                // (VALUES ...) AS v(a, b), (t) AS x: the alias names the one item inside
                Scope inner = new Scope(scope.parent(), scope.ctes());
                addFromItem(parenthesed.getFromItem(), inner);
                for (Entry entry : inner.entries()) {
                    scope.add(new Entry(alias, null, null, entry.relation().renamed(aliasColumns), false));
                }
            } else {
                addFromItem(parenthesed.getFromItem(), scope);
                addJoins(parenthesed.getJoins(), scope);
            }
        } else if (item instanceof TableFunction function) {
            addTableFunction(function.getFunction(), alias, aliasColumns, scope);
        } else if (item instanceof Values values) {
            scope.add(new Entry(alias, null, null, values(values, scope).renamed(aliasColumns), false));
        } else {
            lineage.warn("the FROM item " + item + " is not read for lineage");
        }
    }

    /** A base table read by the statement: an input, with its columns if known. */
    Relation baseTable(Table table) {
        String name = names.tableName(SqlNames.tableParts(table));
        lineage.input(name);
        return schemas.relation(name);
    }

    /**
     * UNNEST, explode, FLATTEN, generate_series, read_parquet, ...: every column derives from the
     * arguments. UNNEST's alias without column list names its one column (BigQuery, PostgreSQL).
     */
    private void addTableFunction(Function function, String alias, List<String> aliasColumns, Scope scope) {
        Set<String> sources = valueSources(function, scope);
        List<String> columns = aliasColumns;
        String functionName = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
        if (columns.isEmpty() && alias != null && functionName.equals("unnest")) {
            columns = List.of(alias);
        }
        scope.add(new Entry(alias, null, null, Relation.function(columns, sources), false));
    }

    /** Hive and Spark {@code LATERAL VIEW [OUTER] explode(x) t AS c1, c2}. */
    private void addLateralView(LateralView view, Scope scope) {
        Set<String> sources = valueSources(view.getGeneratorFunction(), scope);
        List<String> columns = new ArrayList<>();
        Alias columnAlias = view.getColumnAlias();
        if (columnAlias != null) {
            columns.addAll(aliasColumns(columnAlias));
            if (columns.isEmpty() && columnAlias.getName() != null) {
                columns.add(SqlNames.identifier(columnAlias.getName()));
            }
        }
        scope.add(new Entry(aliasName(view.getTableAlias()), null, null, Relation.function(columns, sources), false));
    }

    private static String aliasName(Alias alias) {
        return alias == null || alias.getName() == null || alias.getName().isEmpty()
                ? null
                : SqlNames.identifier(alias.getName());
    }

    private static List<String> aliasColumns(Alias alias) {
        if (alias == null || alias.getAliasColumns() == null) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (Alias.AliasColumn column : alias.getAliasColumns()) {
            columns.add(SqlNames.identifier(column.name));
        }
        return columns;
    }

    static List<String> selectItemNames(List<? extends SelectItem<?>> items) {
        if (items == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (SelectItem<?> item : items) {
            Expression expression = item.getExpression();
            result.add(expression instanceof Column column
                    ? SqlNames.identifier(column.getColumnName())
                    : SqlNames.identifier(expression.toString()));
        }
        return result;
    }

    // ---------------------------------------------------------------- expressions and columns

    /** The base columns an expression's value derives from; tables of its subqueries become inputs. */
    Set<String> valueSources(Expression expression, Scope scope) {
        if (expression == null) {
            return Set.of();
        }
        return ExpressionSources.collect(expression, scope, this, true);
    }

    /** Walks a condition only for the tables its subqueries read; its columns feed no value. */
    void condition(Expression expression, Scope scope) {
        if (expression != null) {
            ExpressionSources.collect(expression, scope, this, false);
        }
    }

    /** The parts of a column reference, outermost first, after the case rule. */
    static List<String> columnParts(Column column) {
        List<String> parts = new ArrayList<>();
        if (column.getTable() != null && column.getTable().getNameParts() != null) {
            parts.addAll(SqlNames.tableParts(column.getTable()));
        }
        parts.add(SqlNames.identifier(column.getColumnName()));
        return parts;
    }

    /** The entry a qualifier names, in the block or any enclosing one. */
    Entry findEntry(List<String> qualifier, Scope scope) {
        for (Scope current = scope; current != null; current = current.parent()) {
            Entry entry = current.find(qualifier);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** The sources of one column reference. */
    Set<String> column(Column column, Scope scope, boolean warn) {
        List<String> parts = columnParts(column);
        if (parts.size() == 1) {
            String raw = column.getColumnName();
            if (!isQuoted(raw) && NILADIC.contains(parts.get(0))) {
                return Set.of();
            }
            return unqualified(parts.get(0), scope, warn);
        }
        for (int length = Math.min(parts.size() - 1, 4); length >= 1; length--) {
            Entry entry = findEntry(parts.subList(0, length), scope);
            if (entry != null) {
                Optional<Set<String>> sources = entry.relation().lookup(parts.get(length));
                if (sources.isEmpty() && entry.relation().table() == null && length == 1) {
                    // BigQuery's UNNEST(items) AS item: item.sku is a field of the column item
                    Set<String> field = knownColumn(parts.get(0), scope);
                    if (field != null) {
                        return field;
                    }
                }
                return sources.isPresent() ? sources.get() : lookupIn(entry, parts.get(length), warn);
            }
        }
        // not a table's name: a struct field path on a column (BigQuery, Hive, Snowflake)
        Set<String> field = unqualifiedOrNull(parts.get(0), scope, warn);
        if (field != null) {
            return field;
        }
        if (warn) {
            lineage.warn("column " + String.join(".", parts) + " names no table of the query");
        }
        return Set.of();
    }

    /** The sources of a column some FROM item is known to have, searching outwards, or null. */
    private static Set<String> knownColumn(String name, Scope scope) {
        for (Scope current = scope; current != null; current = current.parent()) {
            for (Entry entry : current.entries()) {
                if (!entry.qualifiedOnly() && entry.relation().knows(name)) {
                    return entry.relation().lookup(name).orElse(Set.of());
                }
            }
        }
        return null;
    }

    private Set<String> lookupIn(Entry entry, String name, boolean warn) {
        Optional<Set<String>> sources = entry.relation().lookup(name);
        if (sources.isPresent()) {
            return sources.get();
        }
        String table = entry.relation().table();
        if (table != null) {
            if (warn) {
                lineage.warn("column " + name + " is not among the known columns of " + table);
            }
            return Set.of(SqlNames.columnName(table, name));
        }
        if (warn) {
            lineage.warn("column " + name + " is not among the columns of " + describe(entry));
        }
        return Set.of();
    }

    private Set<String> unqualified(String name, Scope scope, boolean warn) {
        Set<String> found = unqualifiedOrNull(name, scope, warn);
        if (found != null) {
            return found;
        }
        if (warn) {
            lineage.warn("column " + name + " is not a column of any table of the query");
        }
        return Set.of();
    }

    /**
     * SQL's rule for a bare column name: the innermost block whose FROM items have it; within a
     * block, a table that is known to have it wins over tables whose columns are unknown, and a
     * select-list alias (Snowflake, DuckDB, Spark) is used only when no FROM item can have it.
     */
    private Set<String> unqualifiedOrNull(String name, Scope scope, boolean warn) {
        for (Scope current = scope; current != null; current = current.parent()) {
            List<Entry> known = new ArrayList<>();
            List<Entry> open = new ArrayList<>();
            for (Entry entry : current.entries()) {
                if (entry.qualifiedOnly()) {
                    continue;
                }
                if (entry.relation().knows(name)) {
                    known.add(entry);
                } else if (entry.relation().isOpen()) {
                    open.add(entry);
                }
            }
            List<Entry> candidates = !known.isEmpty() ? known : open;
            if (candidates.size() == 1) {
                return candidates.get(0).relation().lookup(name).orElse(Set.of());
            }
            if (candidates.size() > 1) {
                Set<String> union = new LinkedHashSet<>();
                List<String> described = new ArrayList<>();
                for (Entry entry : candidates) {
                    union.addAll(entry.relation().lookup(name).orElse(Set.of()));
                    described.add(describe(entry));
                }
                if (warn && !current.isJoinColumn(name)) {
                    lineage.warn("column " + name + " may come from " + String.join(" or ", described)
                            + "; attributed to each (qualify it, or give the catalog their columns)");
                }
                return union;
            }
            Set<String> alias = current.selectAlias(name);
            if (alias != null) {
                return alias;
            }
        }
        return null;
    }

    private static String describe(Entry entry) {
        if (entry.relation().table() != null) {
            return entry.relation().table();
        }
        return entry.alias() != null ? entry.alias() : "a subquery";
    }

    private static String describe(Relation relation) {
        return relation.table() != null ? relation.table() : "a table function";
    }

    private static boolean isQuoted(String raw) {
        return raw != null && !raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '`' || raw.charAt(0) == '[');
    }
}
