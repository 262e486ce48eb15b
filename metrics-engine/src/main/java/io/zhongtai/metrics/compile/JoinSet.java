package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.compile.dialect.DialectSql;
import io.zhongtai.metrics.expr.Expr;
import io.zhongtai.metrics.expr.ExpressionParser;
import io.zhongtai.metrics.model.EntityJoinType;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.semantic.JoinHop;
import io.zhongtai.metrics.semantic.JoinPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * The tables one aggregation reads: its semantic model's table, then a join per model on the
 * paths it needs, each model joined once under its own name as alias: a LEFT JOIN, or an INNER
 * JOIN where the entity declares referential integrity ({@link #innerJoinable}).
 */
final class JoinSet {
    private final SemanticModel root;
    private final String rootAlias;
    private final DialectSql dialect;
    private final Map<String, JoinHop> joined = new LinkedHashMap<>();
    private final List<SqlNode[]> extraJoins = new ArrayList<>();

    JoinSet(SemanticModel root, DialectSql dialect) {
        this(root, dialect, root.name());
    }

    /** With another alias for the root table (a correlated subquery over the same model). */
    JoinSet(SemanticModel root, DialectSql dialect, String rootAlias) {
        this.root = root;
        this.dialect = dialect;
        this.rootAlias = rootAlias;
    }

    String rootAlias() {
        return rootAlias;
    }

    SemanticModel root() {
        return root;
    }

    /** Adds the joins of a path from the root; answers the alias of the path's target model. */
    String require(JoinPath path) {
        for (JoinHop hop : path.hops()) {
            joined.putIfAbsent(hop.to().name(), hop);
        }
        return path.hops().isEmpty() ? rootAlias : path.target().name();
    }

    /** Adds an inner join of a derived table at the end (last snapshots, buckets of a cumulative metric). */
    void innerJoin(SqlNode table, SqlNode condition) {
        extraJoins.add(new SqlNode[] {table, condition});
    }

    /** The tables read, {@code schema.table}. */
    void addTables(Set<String> tables) {
        tables.add(root.relation().toString());
        for (JoinHop hop : joined.values()) {
            tables.add(hop.to().relation().toString());
        }
    }

    SqlNode from() {
        SqlNode from = Sql.as(tableName(root), rootAlias);
        Set<String> matched = new HashSet<>();
        matched.add(root.name());
        for (JoinHop hop : joined.values()) {
            SqlNode condition = Sql.eq(entity(alias(hop.from()), hop.from(), hop.fromEntity().expr()),
                    entity(alias(hop.to()), hop.to(), hop.toEntity().expr()));
            boolean inner = innerJoinable(hop) && matched.contains(hop.from().name());
            if (inner) {
                matched.add(hop.to().name());
            }
            from = new SqlJoin(Sql.POS, from, SqlLiteral.createBoolean(false, Sql.POS),
                    (inner ? JoinType.INNER : JoinType.LEFT).symbol(Sql.POS), table(hop.to()),
                    JoinConditionType.ON.symbol(Sql.POS), condition);
        }
        for (SqlNode[] extra : extraJoins) {
            from = new SqlJoin(Sql.POS, from, SqlLiteral.createBoolean(false, Sql.POS), JoinType.INNER.symbol(Sql.POS),
                    extra[0], JoinConditionType.ON.symbol(Sql.POS), extra[1]);
        }
        return from;
    }

    /**
     * Whether an INNER JOIN gives the same rows as a LEFT JOIN for this hop: it does not fan out
     * and its entity declares referential integrity ({@code join_type: inner}). It is used only
     * when the model it joins from is itself the root or inner-joined, so that a row kept by an
     * earlier LEFT JOIN without a match is never dropped by a later inner one.
     */
    static boolean innerJoinable(JoinHop hop) {
        return !hop.fanOut() && hop.fromEntity().joinType() == EntityJoinType.INNER;
    }

    static SqlNode table(SemanticModel model) {
        return Sql.as(tableName(model), model.name());
    }

    static SqlNode tableName(SemanticModel model) {
        List<String> name = model.relation().schema() == null
                ? List.of(model.relation().table())
                : List.of(model.relation().schema(), model.relation().table());
        return Sql.id(name);
    }

    private String alias(SemanticModel model) {
        return model == root ? rootAlias : model.name();
    }

    /** An entity's key expression as reached through this join set. */
    SqlNode entityKey(SemanticModel model, String expr) {
        return entity(alias(model), model, expr);
    }

    /** An entity's key expression over its model's columns (no literals from users can be in it). */
    private SqlNode entity(String alias, SemanticModel model, String expr) {
        Expr parsed = ExpressionParser.parse(expr, model.name() + " entity");
        if (parsed instanceof Expr.Reference reference && reference.parts().size() == 1) {
            return Sql.id(alias, reference.parts().get(0));
        }
        return new ExpressionTranslator(dialect, null, null, model.name() + " entity").translate(parsed, reference -> {
            if (reference.parts().size() != 1) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST, "The key of an entity of " + model.name()
                        + " reads its own columns only, not " + reference.name());
            }
            return new ExpressionTranslator.Resolved(Sql.id(alias, reference.parts().get(0)), false);
        });
    }
}
