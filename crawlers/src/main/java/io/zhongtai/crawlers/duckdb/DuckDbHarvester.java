package io.zhongtai.crawlers.duckdb;

import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.jdbc.HarvestAssembler;
import io.zhongtai.crawlers.jdbc.JdbcHarvester;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Harvests a DuckDB database through its catalog functions ({@code duckdb_schemas()},
 * {@code duckdb_tables()}, {@code duckdb_views()}, {@code duckdb_columns()},
 * {@code duckdb_constraints()}, {@code duckdb_indexes()}): schemas, tables and views with
 * comments, view SQL, columns with types as DuckDB spells them ({@code DECIMAL(10,2)}, but
 * {@code VARCHAR} without a length, which DuckDB does not keep), nullability, defaults and
 * comments, primary and foreign keys, indexes made with CREATE INDEX (DuckDB lists no index for
 * its key constraints) and exact row counts, which DuckDB keeps. It keeps no foreign key names:
 * they are the generated ones DuckDB reports. Its foreign keys stay within one schema.
 */
public final class DuckDbHarvester extends JdbcHarvester {
    private static final String OWN_DATABASE = "database_name = current_database()";

    @Override
    public boolean supports(Dialect dialect) {
        return dialect == Dialect.DUCKDB;
    }

    @Override
    protected boolean countsRowsExactly() {
        return true;
    }

    @Override
    protected void readCatalog(CatalogQueries queries, HarvestAssembler assembler) throws SQLException {
        assembler.omitWhenEmpty("main");
        queries.forEachRow(
                "SELECT schema_name, comment FROM duckdb_schemas() WHERE " + OWN_DATABASE + " AND NOT internal",
                row -> assembler.schema(row.getString(1), row.getString(2)));
        queries.forEachRow(
                "SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE " + OWN_DATABASE
                        + " AND NOT internal AND NOT temporary",
                row -> assembler.table(row.getString(1), row.getString(2), TableKind.TABLE, row.getString(3), null));
        queries.forEachRow(
                "SELECT schema_name, view_name, comment, sql FROM duckdb_views() WHERE " + OWN_DATABASE
                        + " AND NOT internal AND NOT temporary",
                row -> assembler.table(row.getString(1), row.getString(2), TableKind.VIEW, row.getString(3), row.getString(4)));
        queries.forEachRow(
                "SELECT schema_name, table_name, column_name, column_index, data_type, is_nullable, column_default, comment "
                        + "FROM duckdb_columns() WHERE " + OWN_DATABASE + " AND NOT internal",
                assembler::column);
        queries.forEachRow(
                "SELECT schema_name, table_name, constraint_type, constraint_column_names, referenced_table, "
                        + "referenced_column_names, constraint_name FROM duckdb_constraints() WHERE " + OWN_DATABASE
                        + " AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')",
                row -> readConstraint(row, assembler));
        queries.forEachRow(
                "SELECT schema_name, table_name, index_name, is_unique, CAST(expressions AS VARCHAR[]) FROM duckdb_indexes() "
                        + "WHERE " + OWN_DATABASE + " AND NOT is_primary",
                row -> {
                    List<String> expressions = strings(row.getArray(5));
                    for (int i = 0; i < expressions.size(); i++) {
                        assembler.indexColumn(
                                row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), i + 1, unquote(expressions.get(i)));
                    }
                });
    }

    private static void readConstraint(ResultSet row, HarvestAssembler assembler) throws SQLException {
        String schema = row.getString(1);
        String table = row.getString(2);
        List<String> columns = strings(row.getArray(4));
        if (row.getString(3).equals("PRIMARY KEY")) {
            for (int i = 0; i < columns.size(); i++) {
                assembler.primaryKeyColumn(schema, table, i + 1, columns.get(i));
            }
            return;
        }
        List<String> referenced = strings(row.getArray(6));
        for (int i = 0; i < columns.size(); i++) {
            // DuckDB refuses foreign keys across schemas, so the referenced table is in this one
            assembler.foreignKeyColumn(schema, table, row.getString(7), i + 1, columns.get(i), schema, row.getString(5), referenced.get(i));
        }
    }

    /**
     * An index expression is a column name, quoted by DuckDB when it needs quotes
     * ({@code "name"}), or an expression ({@code (lower(email))}) kept as it is.
     */
    private static String unquote(String expression) {
        if (expression.length() >= 2 && expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1).replace("\"\"", "\"");
        }
        return expression;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
