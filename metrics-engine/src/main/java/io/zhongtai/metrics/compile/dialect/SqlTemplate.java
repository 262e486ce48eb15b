package io.zhongtai.metrics.compile.dialect;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A dialect-specific function shape written once per dialect ({@code CAST(DATE_TRUNC('month',
 * {}) AS DATE)}): fixed text chosen by Zhongtai with operands in the {@code {}} places, each
 * operand unparsed by Calcite for the dialect. No text from a user ever becomes a template.
 */
public final class SqlTemplate extends SqlSpecialOperator {
    private final String[] parts;

    public SqlTemplate(String template) {
        super("TEMPLATE", SqlKind.OTHER_FUNCTION, 100);
        this.parts = template.split("\\{}", -1);
    }

    /** A call of {@code template} on the given operands, in order of the {@code {}} places. */
    public static SqlCall call(String template, SqlNode... operands) {
        SqlTemplate operator = new SqlTemplate(template);
        if (operator.parts.length - 1 != operands.length) {
            throw new IllegalArgumentException("template " + template + " takes " + (operator.parts.length - 1)
                    + " operands, got " + operands.length);
        }
        return operator.createCall(SqlParserPos.ZERO, List.of(operands));
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                writer.print(parts[i]);
            }
            if (i < parts.length - 1) {
                writer.setNeedWhitespace(false);
                call.operand(i).unparse(writer, 0, 0);
                writer.setNeedWhitespace(false);
            }
        }
        writer.setNeedWhitespace(true);
    }
}
