package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.warehouse.Dialect;

/**
 * A request for the lineage of one SQL statement or a script of several (API.md, "Lineage").
 *
 * @param sql the statement or script; statements are separated by {@code ;}
 * @param dialect how the SQL is to be read (identifier quotes, comments, string escapes)
 * @param defaultDatabase put in front of every two-part table name when given, else null
 * @param defaultSchema qualifies every table the SQL names without a schema when given, else
 *     null (such tables then keep their one-part name)
 */
public record SqlLineageRequest(String sql, Dialect dialect, String defaultDatabase, String defaultSchema) {
    public SqlLineageRequest {
        requireNonNull(sql, "sql is null");
        requireNonNull(dialect, "dialect is null");
        if (sql.isBlank()) {
            throw CatalogException.invalid("sql", "must not be blank");
        }
        defaultDatabase = oneName("defaultDatabase", defaultDatabase);
        defaultSchema = oneName("defaultSchema", defaultSchema);
    }

    /** A request without default database or schema. */
    public static SqlLineageRequest of(String sql, Dialect dialect) {
        return new SqlLineageRequest(sql, dialect, null, null);
    }

    private static String oneName(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.contains(".")) {
            throw CatalogException.invalid(
                    field, "is one name, not a dotted path ('" + value + "'); give the database in defaultDatabase");
        }
        return name;
    }
}
