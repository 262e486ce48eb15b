package io.zhongtai.crawlers.h2;

import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.jdbc.HarvestAssembler;
import io.zhongtai.crawlers.jdbc.JdbcHarvester;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Harvests an H2 (2.x) database from its SQL-standard {@code INFORMATION_SCHEMA}, one query per
 * kind of object. H2 upper-cases unquoted names and the names are kept as it stores them.
 *
 * <ul>
 *   <li>H2 2 keeps no type spelling of its own, so the type is put together from the
 *       standard columns: the declared name where H2 keeps it ({@code DECIMAL(10,2)}), else
 *       the standard name with its length ({@code CHARACTER VARYING(100)}), or the fractional
 *       seconds of a time when they differ from the default. Arrays read as {@code ARRAY}.
 *   <li>Row counts are exact ({@code count(*)} per table, which H2 answers from its own count).
 *   <li>Indexes without the primary key's, which {@code primaryKey} already describes; H2's own
 *       indexes for foreign keys and unique constraints are real and are kept.
 * </ul>
 */
public final class H2Harvester extends JdbcHarvester {
    private static final String NOT_SYSTEM = " <> 'INFORMATION_SCHEMA'";
    private static final Set<String> LENGTH_TYPES =
            Set.of("CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "BINARY", "BINARY VARYING");
    private static final Set<String> FRACTIONAL_SECONDS_TYPES =
            Set.of("TIME", "TIME WITH TIME ZONE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE");
    private static final int DEFAULT_TIMESTAMP_PRECISION = 6;

    @Override
    public boolean supports(Dialect dialect) {
        return dialect == Dialect.H2;
    }

    @Override
    protected boolean countsRowsExactly() {
        return true;
    }

    @Override
    protected void readCatalog(CatalogQueries queries, HarvestAssembler assembler) throws SQLException {
        assembler.omitWhenEmpty("PUBLIC");
        queries.forEachRow(
                "SELECT SCHEMA_NAME, REMARKS FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME" + NOT_SYSTEM,
                row -> assembler.schema(row.getString(1), row.getString(2)));
        queries.forEachRow(
                "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE, t.REMARKS, v.VIEW_DEFINITION "
                        + "FROM INFORMATION_SCHEMA.TABLES t LEFT JOIN INFORMATION_SCHEMA.VIEWS v "
                        + "ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME "
                        + "WHERE t.TABLE_SCHEMA" + NOT_SYSTEM + " AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')",
                row -> assembler.table(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3).equals("VIEW") ? TableKind.VIEW : TableKind.TABLE,
                        row.getString(4),
                        row.getString(5)));
        queries.forEachRow(
                "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                        + "DATETIME_PRECISION, DECLARED_DATA_TYPE, DECLARED_NUMERIC_PRECISION, DECLARED_NUMERIC_SCALE, "
                        + "IS_NULLABLE, COLUMN_DEFAULT, REMARKS FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA" + NOT_SYSTEM,
                row -> assembler.column(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4),
                        dataType(row),
                        row.getString(11).equals("YES"),
                        row.getString(12),
                        row.getString(13)));
        queries.forEachRow(
                "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME "
                        + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k "
                        + "ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                        + "WHERE c.CONSTRAINT_TYPE = 'PRIMARY KEY' AND c.TABLE_SCHEMA" + NOT_SYSTEM,
                row -> assembler.primaryKeyColumn(row.getString(1), row.getString(2), row.getInt(3), row.getString(4)));
        queries.forEachRow(
                "SELECT f.TABLE_SCHEMA, f.TABLE_NAME, f.CONSTRAINT_NAME, f.ORDINAL_POSITION, f.COLUMN_NAME, "
                        + "p.TABLE_SCHEMA, p.TABLE_NAME, p.COLUMN_NAME "
                        + "FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE f "
                        + "ON f.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND f.CONSTRAINT_NAME = r.CONSTRAINT_NAME "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE p "
                        + "ON p.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA AND p.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME "
                        + "AND p.ORDINAL_POSITION = f.POSITION_IN_UNIQUE_CONSTRAINT",
                row -> assembler.foreignKeyColumn(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getInt(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8)));
        queries.forEachRow(
                "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.ORDINAL_POSITION, c.COLUMN_NAME "
                        + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                        + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                        + "AND c.TABLE_SCHEMA = i.TABLE_SCHEMA AND c.TABLE_NAME = i.TABLE_NAME "
                        + "WHERE i.TABLE_SCHEMA" + NOT_SYSTEM + " AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY'",
                row -> assembler.indexColumn(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4).startsWith("UNIQUE"),
                        row.getInt(5),
                        row.getString(6)));
    }

    private static String dataType(ResultSet row) throws SQLException {
        String standard = row.getString(5);
        String declared = row.getString(8);
        Long precision = nullableLong(row, 9);
        if (declared != null && precision != null) {
            Long scale = nullableLong(row, 10);
            return declared + "(" + precision + (scale == null ? "" : "," + scale) + ")";
        }
        if (declared != null) {
            return declared;
        }
        Long length = nullableLong(row, 6);
        if (length != null && LENGTH_TYPES.contains(standard)) {
            return standard + "(" + length + ")";
        }
        Long fractionalSeconds = nullableLong(row, 7);
        if (fractionalSeconds != null && FRACTIONAL_SECONDS_TYPES.contains(standard)) {
            int defaultPrecision = standard.startsWith("TIMESTAMP") ? DEFAULT_TIMESTAMP_PRECISION : 0;
            if (fractionalSeconds == defaultPrecision) {
                return standard;
            }
            // TIMESTAMP(3) WITH TIME ZONE: the precision goes before the zone
            int zone = standard.indexOf(" WITH");
            return zone < 0
                    ? standard + "(" + fractionalSeconds + ")"
                    : standard.substring(0, zone) + "(" + fractionalSeconds + ")" + standard.substring(zone);
        }
        return standard;
    }
}
