package io.zhongtai.crawlers.sql;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.sql.SqlScript.Kind;
import io.zhongtai.crawlers.sql.SqlScript.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code USE} changes the default database or schema for the statements after it. It is read
 * from its tokens rather than by JSqlParser, which reads only {@code USE name} and not the forms
 * of Snowflake and Trino:
 *
 * <ul>
 *   <li>{@code USE shop} (MySQL, Hive, Spark, Trino): the default schema; on Snowflake, where
 *       {@code USE name} means a database, the default database.
 *   <li>{@code USE SCHEMA db.schema}, {@code USE db.schema}: both defaults.
 *   <li>{@code USE DATABASE db}, {@code USE CATALOG c}: the default database.
 *   <li>{@code USE WAREHOUSE}, {@code USE ROLE}, {@code USE SECONDARY ROLES}: no change of names.
 * </ul>
 */
final class UseCommand {
    private static final Set<String> NAME_KINDS = Set.of("schema", "database", "catalog");
    private static final Set<String> OTHER_KINDS = Set.of("warehouse", "role", "secondary");

    private UseCommand() {}

    static boolean isUse(SqlScript script, SqlScript.Statement statement) {
        Token first = statement.tokens().get(0);
        return first.kind() == Kind.WORD && script.text(first).equalsIgnoreCase("use");
    }

    static SqlNames apply(SqlScript script, SqlScript.Statement statement, SqlNames names, Dialect dialect, int number) {
        List<Token> tokens = statement.tokens();
        int index = 1;
        String kind = null;
        if (index < tokens.size() && tokens.get(index).kind() == Kind.WORD) {
            String word = script.text(tokens.get(index)).toLowerCase(Locale.ROOT);
            if (OTHER_KINDS.contains(word)) {
                return names;
            }
            if (NAME_KINDS.contains(word) && index + 1 < tokens.size()) {
                kind = word;
                index++;
            }
        }
        List<String> parts = new ArrayList<>();
        boolean expectName = true;
        for (; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            String text = script.text(token);
            if (expectName && (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED)) {
                parts.add(SqlNames.identifier(text));
                expectName = false;
            } else if (!expectName && text.equals(".")) {
                expectName = true;
            } else {
                throw new CatalogException(ErrorCode.INVALID_REQUEST,
                        "Statement " + number + " does not parse: USE takes one dotted name, not '" + text + "'",
                        script.position(token.start()), null);
            }
        }
        if (parts.isEmpty() || expectName) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    "Statement " + number + " does not parse: USE needs a name", script.position(statement.start()), null);
        }
        String last = parts.get(parts.size() - 1);
        if (parts.size() >= 2) {
            return new SqlNames(parts.get(parts.size() - 2), last);
        }
        boolean database = "database".equals(kind) || "catalog".equals(kind)
                || kind == null && dialect == Dialect.SNOWFLAKE;
        return database ? new SqlNames(last, names.defaultSchema()) : new SqlNames(names.defaultDatabase(), last);
    }
}
