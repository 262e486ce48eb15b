package io.zhongtai.metrics.compile;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.compile.dialect.DialectSql;
import io.zhongtai.metrics.compile.dialect.SqlTemplate;
import io.zhongtai.metrics.expr.Expr;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Turns an {@link Expr} into Calcite SQL nodes. References are resolved by the caller (to
 * columns, dimensions or metric inputs); literal values are bound as parameters when they come
 * from filters, and written as dialect-escaped literals when they come from definitions.
 */
final class ExpressionTranslator {

    /** A reference resolved to SQL, and whether it holds dates (so that {@code '2024-01-01'} compares as a date). */
    record Resolved(SqlNode sql, boolean temporal) {}

    /** Resolves the references of one expression. */
    interface Resolver {
        Resolved resolve(Expr.Reference reference);
    }

    private final DialectSql dialect;
    private final Parameters parameters;
    private final Map<String, String> userAttributes;
    private final String field;

    /**
     * @param parameters where to bind literal values, or null to write them as literals
     * @param userAttributes the caller's attributes for {@code user_attribute()}, or null where
     *     the function is not allowed (anywhere but a policy's row filter)
     */
    ExpressionTranslator(DialectSql dialect, Parameters parameters, Map<String, String> userAttributes, String field) {
        this.dialect = dialect;
        this.parameters = parameters;
        this.userAttributes = userAttributes;
        this.field = field;
    }

    SqlNode translate(Expr expr, Resolver resolver) {
        return node(expr, resolver).sql();
    }

    private Resolved node(Expr expr, Resolver resolver) {
        if (expr instanceof Expr.Literal literal) {
            return new Resolved(value(literal.value()), literal.value() instanceof LocalDate);
        }
        if (expr instanceof Expr.Reference reference) {
            return resolver.resolve(reference);
        }
        if (expr instanceof Expr.Unary unary) {
            SqlNode operand = node(unary.operand(), resolver).sql();
            return new Resolved("NOT".equals(unary.operator())
                    ? Sql.call(SqlStdOperatorTable.NOT, operand)
                    : Sql.call(SqlStdOperatorTable.UNARY_MINUS, operand), false);
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary, resolver);
        }
        if (expr instanceof Expr.In in) {
            Resolved value = node(in.value(), resolver);
            List<SqlNode> items = new ArrayList<>();
            for (Expr item : in.list()) {
                items.add(comparable(item, value.temporal(), resolver));
            }
            return new Resolved(Sql.call(in.negated() ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN,
                    value.sql(), Sql.list(items)), false);
        }
        if (expr instanceof Expr.Between between) {
            Resolved value = node(between.value(), resolver);
            SqlNode lower = comparable(between.lower(), value.temporal(), resolver);
            SqlNode upper = comparable(between.upper(), value.temporal(), resolver);
            SqlNode inRange = Sql.call(SqlStdOperatorTable.AND,
                    Sql.call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, value.sql(), lower),
                    Sql.call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, value.sql(), upper));
            return new Resolved(between.negated() ? Sql.call(SqlStdOperatorTable.NOT, inRange) : inRange, false);
        }
        if (expr instanceof Expr.Like like) {
            SqlNode value = node(like.value(), resolver).sql();
            SqlNode pattern = node(like.pattern(), resolver).sql();
            return new Resolved(Sql.call(like.negated() ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE,
                    value, pattern), false);
        }
        if (expr instanceof Expr.IsNull isNull) {
            SqlNode value = node(isNull.value(), resolver).sql();
            return new Resolved(Sql.call(isNull.negated() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL,
                    value), false);
        }
        if (expr instanceof Expr.Case caseExpr) {
            return caseNode(caseExpr, resolver);
        }
        if (expr instanceof Expr.Call call) {
            return function(call, resolver);
        }
        throw new IllegalStateException("unhandled expression " + expr);
    }

    private Resolved binary(Expr.Binary binary, Resolver resolver) {
        String op = binary.operator();
        switch (op) {
            case "AND", "OR" -> {
                SqlNode left = node(binary.left(), resolver).sql();
                SqlNode right = node(binary.right(), resolver).sql();
                return new Resolved(Sql.call("AND".equals(op) ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR,
                        left, right), false);
            }
            case "=", "<>", "<", "<=", ">", ">=" -> {
                Resolved left = node(binary.left(), resolver);
                SqlNode right = comparable(binary.right(), left.temporal(), resolver);
                SqlNode leftSql = left.sql();
                if (!left.temporal() && binary.left() instanceof Expr.Literal) {
                    // a literal on the left compares as a date when the right side is temporal
                    Resolved rightResolved = node(binary.right(), resolver);
                    leftSql = comparable(binary.left(), rightResolved.temporal(), resolver);
                }
                return new Resolved(Sql.call(comparison(op), leftSql, right), false);
            }
            case "+", "-", "*", "%" -> {
                SqlNode left = node(binary.left(), resolver).sql();
                SqlNode right = node(binary.right(), resolver).sql();
                return new Resolved(Sql.call(switch (op) {
                    case "+" -> SqlStdOperatorTable.PLUS;
                    case "-" -> SqlStdOperatorTable.MINUS;
                    case "*" -> SqlStdOperatorTable.MULTIPLY;
                    default -> SqlStdOperatorTable.MOD;
                }, left, right), false);
            }
            case "/" -> {
                SqlNode left = node(binary.left(), resolver).sql();
                SqlNode right = node(binary.right(), resolver).sql();
                return new Resolved(divide(dialect, left, right), false);
            }
            case "||" -> {
                SqlNode left = node(binary.left(), resolver).sql();
                SqlNode right = node(binary.right(), resolver).sql();
                return new Resolved(dialect.concat(left, right), false);
            }
            default -> throw new IllegalStateException("unhandled operator " + op);
        }
    }

    /** Division as a double, null when the divisor is zero: the same answer on every dialect. */
    static SqlNode divide(DialectSql dialect, SqlNode left, SqlNode right) {
        return Sql.call(SqlStdOperatorTable.DIVIDE, dialect.castDouble(left),
                Sql.call(SqlStdOperatorTable.NULLIF, right, Sql.number(0)));
    }

    private static org.apache.calcite.sql.SqlOperator comparison(String op) {
        return switch (op) {
            case "=" -> SqlStdOperatorTable.EQUALS;
            case "<>" -> SqlStdOperatorTable.NOT_EQUALS;
            case "<" -> SqlStdOperatorTable.LESS_THAN;
            case "<=" -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case ">" -> SqlStdOperatorTable.GREATER_THAN;
            default -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        };
    }

    /** A text literal compared with dates is read as a date. */
    private SqlNode comparable(Expr expr, boolean temporal, Resolver resolver) {
        if (temporal && expr instanceof Expr.Literal literal && literal.value() instanceof String text) {
            try {
                return value(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST,
                        field + ": '" + text + "' is compared with a date but is not a date YYYY-MM-DD");
            }
        }
        return node(expr, resolver).sql();
    }

    private Resolved caseNode(Expr.Case caseExpr, Resolver resolver) {
        List<SqlNode> whens = new ArrayList<>();
        List<SqlNode> thens = new ArrayList<>();
        SqlNode operand = caseExpr.operand() == null ? null : node(caseExpr.operand(), resolver).sql();
        for (Expr.When when : caseExpr.whens()) {
            whens.add(node(when.condition(), resolver).sql());
            thens.add(node(when.result(), resolver).sql());
        }
        SqlNode otherwise = caseExpr.otherwise() == null ? Sql.nullLiteral() : node(caseExpr.otherwise(), resolver).sql();
        return new Resolved(SqlStdOperatorTable.CASE.createCall(null, Sql.POS, operand,
                new SqlNodeList(whens, Sql.POS), new SqlNodeList(thens, Sql.POS), otherwise), false);
    }

    private Resolved function(Expr.Call call, Resolver resolver) {
        if ("user_attribute".equals(call.name())) {
            return userAttribute(call);
        }
        List<SqlNode> args = new ArrayList<>();
        boolean temporal = false;
        for (Expr argument : call.arguments()) {
            Resolved resolved = node(argument, resolver);
            args.add(resolved.sql());
            temporal |= resolved.temporal();
        }
        SqlNode sql = switch (call.name()) {
            case "lower" -> Sql.call(SqlStdOperatorTable.LOWER, args.get(0));
            case "upper" -> Sql.call(SqlStdOperatorTable.UPPER, args.get(0));
            case "trim" -> SqlTemplate.call("TRIM({})", args.get(0));
            case "length" -> SqlTemplate.call("CHAR_LENGTH({})", args.get(0));
            case "abs" -> Sql.call(SqlStdOperatorTable.ABS, args.get(0));
            case "round" -> args.size() == 1 ? SqlTemplate.call("ROUND({})", args.get(0))
                    : SqlTemplate.call("ROUND({}, {})", args.get(0), args.get(1));
            case "floor" -> SqlTemplate.call("FLOOR({})", args.get(0));
            case "ceil" -> SqlTemplate.call("CEIL({})", args.get(0));
            case "coalesce" -> SqlStdOperatorTable.COALESCE.createCall(Sql.POS, args);
            case "nullif" -> Sql.call(SqlStdOperatorTable.NULLIF, args.get(0), args.get(1));
            default -> throw new IllegalStateException("unhandled function " + call.name());
        };
        return new Resolved(sql, temporal && "coalesce".equals(call.name()));
    }

    private Resolved userAttribute(Expr.Call call) {
        if (userAttributes == null) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, field + ": user_attribute() may only be used in a"
                    + " policy's row filter (line " + call.position().line() + ", column " + call.position().column() + ")",
                    call.position(), null);
        }
        if (!(call.arguments().get(0) instanceof Expr.Literal literal) || !(literal.value() instanceof String name)) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    field + ": user_attribute() takes the attribute's name as a 'text' value", call.position(), null);
        }
        String value = userAttributes.get(name);
        if (value == null) {
            throw new CatalogException(ErrorCode.FORBIDDEN, "A policy restricts your rows by your '" + name
                    + "' attribute, which your user does not have; ask an administrator to set it");
        }
        return new Resolved(value(value), false);
    }

    private SqlNode value(Object value) {
        if (parameters == null || value == null || value instanceof Boolean || value instanceof Number) {
            return Sql.literal(value);
        }
        return parameters.bind(value);
    }
}
