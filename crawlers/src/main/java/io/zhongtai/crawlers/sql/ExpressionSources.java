package io.zhongtai.crawlers.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Walks one expression and collects the base columns its value derives from. Everything inside
 * the expression counts (function arguments, CASE conditions, window PARTITION BY and ORDER BY,
 * aggregate FILTER and ORDER BY); a subquery counts with its output columns only, and EXISTS
 * with none. The caller decides whether the expression is a value or a condition; conditions are
 * walked all the same, for the tables their subqueries read.
 */
final class ExpressionSources extends ExpressionVisitorAdapter<Void> {
    private final QueryResolver resolver;
    private final boolean warn;
    private final Set<String> sources = new LinkedHashSet<>();
    private final Deque<List<String>> lambdaParameters = new ArrayDeque<>();

    private ExpressionSources(QueryResolver resolver, boolean warn) {
        this.resolver = resolver;
        this.warn = warn;
    }

    static Set<String> collect(Expression expression, Scope scope, QueryResolver resolver, boolean warn) {
        ExpressionSources walker = new ExpressionSources(resolver, warn);
        expression.accept(walker, scope);
        return walker.sources;
    }

    private static Scope scope(Object context) {
        return (Scope) context;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        if (column.getTable() == null || column.getTable().getNameParts() == null
                || column.getTable().getNameParts().isEmpty()) {
            if (isLambdaParameter(SqlNames.identifier(column.getColumnName()))) {
                return null;
            }
        } else if (isLambdaParameter(QueryResolver.columnParts(column).get(0))) {
            return null; // x.field where x is a lambda parameter
        }
        sources.addAll(resolver.column(column, scope(context), warn));
        return null;
    }

    private boolean isLambdaParameter(String name) {
        for (List<String> parameters : lambdaParameters) {
            if (parameters.contains(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <S> Void visit(LambdaExpression lambda, S context) {
        lambdaParameters.push(lambda.getIdentifiers().stream().map(SqlNames::identifier).toList());
        try {
            lambda.getExpression().accept(this, context);
        } finally {
            lambdaParameters.pop();
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        subquery(select, context);
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        subquery(select, context);
        return null;
    }

    private void subquery(Select select, Object context) {
        Scope scope = scope(context);
        sources.addAll(resolver.query(select, scope, scope.ctes()).allSources());
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
        // EXISTS yields true or false from the rows' existence: its select list feeds nothing
        if (exists.getRightExpression() instanceof Select select) {
            Scope scope = scope(context);
            resolver.query(select, scope, scope.ctes());
        } else if (exists.getRightExpression() != null) {
            exists.getRightExpression().accept(this, context);
        }
        return null;
    }

    @Override
    public <S> Void visit(AllColumns allColumns, S context) {
        return null; // COUNT(*): no column feeds the value
    }

    @Override
    public <S> Void visit(AllTableColumns allTableColumns, S context) {
        return null; // COUNT(t.*)
    }

    @Override
    public <S> Void visit(Function function, S context) {
        Scope scope = scope(context);
        if (function.getName() != null
                && function.getName().toLowerCase(Locale.ROOT).equals("values")
                && function.getParameters() != null
                && function.getParameters().size() == 1
                && function.getParameters().get(0) instanceof Column column
                && scope.inserted() != null) {
            // MySQL ON DUPLICATE KEY UPDATE c = VALUES(c): the value the INSERT proposed for c
            sources.addAll(scope.inserted()
                    .lookup(SqlNames.identifier(column.getColumnName()))
                    .orElse(Set.of()));
            return null;
        }
        super.visit(function, context);
        if (function.getNamedParameters() != null) {
            for (Expression expression : function.getNamedParameters()) {
                expression.accept(this, context);
            }
        }
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        super.visit(analytic, context);
        String windowName = analytic.getWindowName();
        if (windowName != null) {
            WindowDefinition definition = scope(context).window(windowName);
            if (definition != null) {
                window(definition, context);
            }
        }
        return null;
    }

    private void window(WindowDefinition definition, Object context) {
        if (definition.getPartitionExpressionList() != null) {
            for (Object expression : definition.getPartitionExpressionList()) {
                ((Expression) expression).accept(this, context);
            }
        }
        if (definition.getOrderByElements() != null) {
            for (OrderByElement order : definition.getOrderByElements()) {
                order.getExpression().accept(this, context);
            }
        }
    }
}
