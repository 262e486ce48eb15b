package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.compile.dialect.DialectSql;
import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.query.ColumnType;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The distinct values of a categorical dimension (with their Chinese labels when the dimension
 * names a label column), for the catalog's value lists: what the question parser links words
 * like 华东 or a brand's name against. Reads one table; at most {@code limit} values.
 */
public final class DimensionValuesQuery {
    private DimensionValuesQuery() {}

    public static CompiledQuery compile(SemanticModel model, Dimension dimension, Target target, int limit) {
        if (dimension.isTime()) {
            throw CatalogException.invalid("dimension", dimension.name() + " is a time dimension");
        }
        DialectSql dialect = DialectSql.of(target.dialect());
        List<SqlNode> select = new ArrayList<>();
        SqlNode value = columns(dimension.expr(), model, dialect);
        select.add(Sql.as(value, "value"));
        List<ResultColumn> columns = new ArrayList<>(List.of(new ResultColumn("value", ColumnType.STRING)));
        if (dimension.labelZhExpr() != null) {
            select.add(Sql.as(columns(dimension.labelZhExpr(), model, dialect), "zh"));
            columns.add(new ResultColumn("zh", ColumnType.STRING));
        }
        SqlSelect query = new SqlSelect(Sql.POS, SqlNodeList.of(SqlSelectKeyword.DISTINCT.symbol(Sql.POS)), Sql.list(select),
                JoinSet.table(model), Sql.call(SqlStdOperatorTable.IS_NOT_NULL, value), null, null, null,
                Sql.list(List.of(Sql.number(1))), null, Sql.number(limit + 1L), null);
        String sql = query.toSqlString(c -> c.withDialect(dialect.calcite()).withQuoteAllIdentifiers(true)).getSql();
        return new CompiledQuery(target.warehouse(), target.dialect(), sql, sql, List.of(), columns, limit,
                Set.of(model.relation().toString()));
    }

    private static SqlNode columns(String text, SemanticModel model, DialectSql dialect) {
        Expr expr = ExpressionParser.parse(text, "dimension expression");
        return new ExpressionTranslator(dialect, null, null, "dimension expression").translate(expr, reference ->
                new ExpressionTranslator.Resolved(Sql.id(model.name(), reference.parts().get(reference.parts().size() - 1)),
                        false));
    }
}
