package io.zhongtai.crawlers.sql;

import io.zhongtai.core.warehouse.Dialect;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.schema.Column;

/**
 * How one of Zhongtai's dialects is read: the JSqlParser dialect and lexer features, the lexical
 * rules the script splitter must share with the parser, and how the engine names a select
 * column that has neither alias nor column reference.
 */
final class SqlDialectSettings {
    /** How an engine names an output column written as an expression without an alias. */
    enum AnonymousNaming {
        /** PostgreSQL: a function's name, a cast's operand, {@code case}, else {@code ?column?}. */
        POSTGRES,
        /** Hive: {@code _c} and the column's position from 0. */
        HIVE,
        /** Trino: {@code _col} and the column's position from 0. */
        TRINO,
        /** BigQuery: {@code f0_}, {@code f1_}, ... counting anonymous columns only. */
        BIGQUERY,
        /** Spark, MySQL, DuckDB, Snowflake and others: the expression's text. */
        EXPRESSION_TEXT
    }

    private final Dialect dialect;
    private final AbstractJSqlParser.Dialect parserDialect;
    private final boolean backslashEscapes;
    private final boolean doubleQuotedStrings;
    private final boolean hashComments;
    private final boolean dollarQuotes;
    private final AnonymousNaming naming;

    private SqlDialectSettings(
            Dialect dialect,
            AbstractJSqlParser.Dialect parserDialect,
            boolean backslashEscapes,
            boolean doubleQuotedStrings,
            boolean hashComments,
            boolean dollarQuotes,
            AnonymousNaming naming) {
        this.dialect = dialect;
        this.parserDialect = parserDialect;
        this.backslashEscapes = backslashEscapes;
        this.doubleQuotedStrings = doubleQuotedStrings;
        this.hashComments = hashComments;
        this.dollarQuotes = dollarQuotes;
        this.naming = naming;
    }

    static SqlDialectSettings of(Dialect dialect) {
        var ansi = AbstractJSqlParser.Dialect.ANSI_SQL;
        return switch (dialect) {
            // MySQL outside ANSI_QUOTES mode: "..." is a string, \ escapes, # starts a comment.
            case MYSQL -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.MYSQL, true, true, true, false,
                    AnonymousNaming.EXPRESSION_TEXT);
            case MARIADB -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.MARIADB, true, true, true, false,
                    AnonymousNaming.EXPRESSION_TEXT);
            case POSTGRES -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.POSTGRESQL, false, false, false, true,
                    AnonymousNaming.POSTGRES);
            case DUCKDB -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.POSTGRESQL, false, false, false, true,
                    AnonymousNaming.EXPRESSION_TEXT);
            // Hive and Spark read "..." as strings and \ as an escape, as Databricks does.
            case HIVE -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.DATABRICKS, true, true, false, false,
                    AnonymousNaming.HIVE);
            case SPARK -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.DATABRICKS, true, true, false, false,
                    AnonymousNaming.EXPRESSION_TEXT);
            case BIGQUERY -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.BIGQUERY, true, true, true, false,
                    AnonymousNaming.BIGQUERY);
            case SNOWFLAKE -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.SNOWFLAKE, true, false, false, true,
                    AnonymousNaming.EXPRESSION_TEXT);
            case H2 -> new SqlDialectSettings(
                    dialect, AbstractJSqlParser.Dialect.H2, false, false, false, false,
                    AnonymousNaming.EXPRESSION_TEXT);
            case TRINO -> new SqlDialectSettings(
                    dialect, ansi, false, false, false, false, AnonymousNaming.TRINO);
            case CLICKHOUSE -> new SqlDialectSettings(
                    dialect, ansi, true, false, false, false, AnonymousNaming.EXPRESSION_TEXT);
            case GENERIC -> new SqlDialectSettings(
                    dialect, ansi, false, false, false, false, AnonymousNaming.POSTGRES);
        };
    }

    Dialect dialect() {
        return dialect;
    }

    /** Sets the parser's features so that it reads strings, quotes and comments as this splitter does. */
    void configure(CCJSqlParser parser) {
        parser.withDialect(parserDialect);
        parser.withSquareBracketQuotation(false);
        parser.withBackslashEscapeCharacter(backslashEscapes);
        parser.withDoubleQuotedStrings(doubleQuotedStrings);
        parser.withHashLineComments(hashComments);
        parser.withDollarQuotedStringTags(dollarQuotes);
    }

    boolean backslashEscapes() {
        return backslashEscapes;
    }

    boolean doubleQuotedStrings() {
        return doubleQuotedStrings;
    }

    boolean hashComments() {
        return hashComments;
    }

    boolean dollarQuotes() {
        return dollarQuotes;
    }

    /**
     * The name the engine gives an output column written as an expression without alias.
     *
     * @param position the column's place in the select list, from 0
     * @param anonymousBefore how many anonymous columns come before it
     */
    String anonymousName(Expression expression, int position, int anonymousBefore) {
        return switch (naming) {
            case HIVE -> "_c" + position;
            case TRINO -> "_col" + position;
            case BIGQUERY -> "f" + anonymousBefore + "_";
            case POSTGRES -> postgresName(expression);
            case EXPRESSION_TEXT -> expression.toString();
        };
    }

    private static String postgresName(Expression expression) {
        Expression current = expression;
        while (true) {
            if (current instanceof Column column) {
                return SqlNames.identifier(column.getColumnName());
            }
            if (current instanceof Function function && function.getName() != null) {
                return SqlNames.identifier(function.getMultipartName().get(function.getMultipartName().size() - 1));
            }
            if (current instanceof CastExpression cast && cast.getLeftExpression() != null) {
                current = cast.getLeftExpression();
                continue;
            }
            if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                current = list.get(0);
                continue;
            }
            if (current instanceof CaseExpression) {
                return "case";
            }
            return "?column?";
        }
    }
}
