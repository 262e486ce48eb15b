package io.zhongtai.metrics.compile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;

/** Small factories for Calcite SQL nodes, so the compiler reads as the SQL it builds. */
final class Sql {
    static final SqlParserPos POS = SqlParserPos.ZERO;

    private Sql() {}

    static SqlIdentifier id(String... names) {
        return new SqlIdentifier(List.of(names), POS);
    }

    static SqlIdentifier id(List<String> names) {
        return new SqlIdentifier(names, POS);
    }

    static SqlNode as(SqlNode node, String alias) {
        return SqlStdOperatorTable.AS.createCall(POS, node, id(alias));
    }

    static SqlNode call(SqlOperator operator, SqlNode... operands) {
        return operator.createCall(POS, operands);
    }

    static SqlNode distinctCall(SqlOperator operator, SqlNode operand) {
        return operator.createCall(SqlSelectKeyword.DISTINCT.symbol(POS), POS, operand);
    }

    static SqlNode and(List<SqlNode> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        SqlNode result = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            result = call(SqlStdOperatorTable.AND, result, conditions.get(i));
        }
        return result;
    }

    static SqlNode or(List<SqlNode> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        SqlNode result = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            result = call(SqlStdOperatorTable.OR, result, conditions.get(i));
        }
        return result;
    }

    static SqlNode eq(SqlNode left, SqlNode right) {
        return call(SqlStdOperatorTable.EQUALS, left, right);
    }

    static SqlNode caseWhen(SqlNode condition, SqlNode then, SqlNode otherwise) {
        return SqlStdOperatorTable.CASE.createCall(null, POS, null, new SqlNodeList(List.of(condition), POS),
                new SqlNodeList(List.of(then), POS), otherwise == null ? SqlLiteral.createNull(POS) : otherwise);
    }

    static SqlNodeList list(List<SqlNode> nodes) {
        return new SqlNodeList(new ArrayList<>(nodes), POS);
    }

    static SqlLiteral number(long value) {
        return SqlLiteral.createExactNumeric(Long.toString(value), POS);
    }

    static SqlLiteral nullLiteral() {
        return SqlLiteral.createNull(POS);
    }

    /** A literal for a value from a definition or a bound parameter's display form. */
    static SqlNode literal(Object value) {
        if (value == null) {
            return SqlLiteral.createNull(POS);
        }
        if (value instanceof String text) {
            return SqlLiteral.createCharString(text, POS);
        }
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            SqlNode literal = SqlLiteral.createExactNumeric(Long.toString(Math.abs(number)), POS);
            return number < 0 ? call(SqlStdOperatorTable.UNARY_MINUS, literal) : literal;
        }
        if (value instanceof BigDecimal decimal) {
            SqlNode literal = SqlLiteral.createExactNumeric(decimal.abs().toPlainString(), POS);
            return decimal.signum() < 0 ? call(SqlStdOperatorTable.UNARY_MINUS, literal) : literal;
        }
        if (value instanceof Boolean bool) {
            return SqlLiteral.createBoolean(bool, POS);
        }
        if (value instanceof LocalDate date) {
            return SqlLiteral.createDate(new DateString(date.toString()), POS);
        }
        throw new IllegalArgumentException("no literal for " + value.getClass());
    }

    /** Whether a basic call is of the given operator. */
    static boolean isCall(SqlNode node, SqlOperator operator) {
        return node instanceof SqlBasicCall call && call.getOperator() == operator;
    }
}
