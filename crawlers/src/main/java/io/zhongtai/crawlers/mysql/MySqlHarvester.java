package io.zhongtai.crawlers.mysql;

import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.jdbc.HarvestAssembler;
import io.zhongtai.crawlers.jdbc.JdbcHarvester;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Harvests MySQL and MariaDB from {@code information_schema}, one query per kind of object for
 * the whole server. A MySQL schema is a database: every database the login can see is read
 * (within the crawl's patterns), whichever one the JDBC URL names; the system databases are
 * not.
 *
 * <ul>
 *   <li>Column types are {@code COLUMN_TYPE} as the server spells it ({@code varchar(100)},
 *       {@code decimal(10,2)}, MariaDB's {@code int(11)}); defaults as {@code COLUMN_DEFAULT}
 *       gives them (MariaDB quotes text literals, MySQL does not).
 *   <li>Row counts are {@code TABLES.TABLE_ROWS}: exact for MyISAM and Aria, an estimate for
 *       InnoDB, and in MySQL 8 cached for up to {@code information_schema_stats_expiry}. Sizes
 *       are {@code DATA_LENGTH + INDEX_LENGTH}.
 *   <li>Indexes without {@code PRIMARY}, which {@code primaryKey} already describes. InnoDB
 *       adds an index for each foreign key that has none; those are real and are kept.
 *   <li>View definitions are visible only to their definer and to logins with SHOW VIEW;
 *       otherwise a view has no SQL. Sequences (MariaDB) and system views are left out.
 * </ul>
 */
public final class MySqlHarvester extends JdbcHarvester {
    private static final String NOT_SYSTEM = " NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys')";
    /** MariaDB has SCHEMATA.SCHEMA_COMMENT from 10.5 (major * 100 + minor); MySQL has no schema comments. */
    private static final int MARIADB_SCHEMA_COMMENT_VERSION = 1005;

    @Override
    public boolean supports(Dialect dialect) {
        return dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    }

    @Override
    protected void readCatalog(CatalogQueries queries, HarvestAssembler assembler) throws SQLException {
        String schemaComment = hasSchemaComments(queries.connection().getMetaData()) ? "SCHEMA_COMMENT" : "NULL";
        queries.forEachRow(
                "SELECT SCHEMA_NAME, " + schemaComment + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME" + NOT_SYSTEM,
                row -> assembler.schema(row.getString(1), row.getString(2)));
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH "
                        + "FROM information_schema.TABLES WHERE TABLE_SCHEMA" + NOT_SYSTEM,
                row -> readTableRow(row, assembler));
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA" + NOT_SYSTEM,
                row -> assembler.table(row.getString(1), row.getString(2), TableKind.VIEW, null, row.getString(3)));
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, "
                        + "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA" + NOT_SYSTEM,
                row -> assembler.column(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4),
                        row.getString(5),
                        row.getString(6).equals("YES"),
                        defaultValue(row.getString(7)),
                        row.getString(8)));
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, "
                        + "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                        + "WHERE TABLE_SCHEMA" + NOT_SYSTEM
                        + " AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL)",
                row -> {
                    if (row.getString(6) == null) {
                        assembler.primaryKeyColumn(row.getString(1), row.getString(2), row.getInt(4), row.getString(5));
                    } else {
                        assembler.foreignKeyColumn(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getInt(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7),
                                row.getString(8));
                    }
                });
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME "
                        + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA" + NOT_SYSTEM + " AND INDEX_NAME <> 'PRIMARY'",
                row -> assembler.indexColumn(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4) == 0,
                        row.getInt(5),
                        // MySQL 8's functional key parts have no column
                        row.getString(6) == null ? "(expression)" : row.getString(6)));
    }

    private static void readTableRow(ResultSet row, HarvestAssembler assembler) throws SQLException {
        String schema = row.getString(1);
        String table = row.getString(2);
        switch (row.getString(3)) {
            case "BASE TABLE", "SYSTEM VERSIONED" -> {
                assembler.table(schema, table, TableKind.TABLE, row.getString(4), null);
                assembler.statistics(schema, table, nullableLong(row, 5), nullableLong(row, 6));
            }
            // TABLE_COMMENT of a view is the word VIEW; the definition comes from the VIEWS query
            case "VIEW" -> assembler.table(schema, table, TableKind.VIEW, null, null);
            default -> {
                // sequences, system views and temporary tables are not data sets
            }
        }
    }

    /**
     * MariaDB (10.2.7 and later) reports a default of NULL as the word {@code NULL} and no
     * default as SQL NULL; MySQL reports both as SQL NULL. Either way the column has no default
     * worth showing.
     */
    private static String defaultValue(String columnDefault) {
        return columnDefault == null || columnDefault.equals("NULL") ? null : columnDefault;
    }

    private static boolean hasSchemaComments(DatabaseMetaData metaData) throws SQLException {
        // either driver on MariaDB: the product name or the version string says MariaDB
        boolean mariaDb = metaData.getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb")
                || metaData.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb");
        int version = metaData.getDatabaseMajorVersion() * 100 + metaData.getDatabaseMinorVersion();
        return mariaDb && version >= MARIADB_SCHEMA_COMMENT_VERSION;
    }
}
