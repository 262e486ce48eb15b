package io.zhongtai.crawlers.duckdb;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestProgress;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedForeignKey;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.crawlers.jdbc.ScopeFilter;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Harvests a DuckDB database through its catalog functions ({@code duckdb_tables()},
 * {@code duckdb_views()}, {@code duckdb_columns()}, {@code duckdb_constraints()}): schemas,
 * tables and views with comments, view SQL, columns with types, nullability, defaults and
 * comments, primary and foreign keys, and exact row counts (cheap in DuckDB).
 */
public final class DuckDbHarvester implements Harvester {
    @Override
    public boolean supports(Dialect dialect) {
        return dialect == Dialect.DUCKDB;
    }

    @Override
    public HarvestBatch harvest(Warehouse warehouse, Connection connection, Consumer<HarvestProgress> progress) {
        ScopeFilter filter = new ScopeFilter(warehouse.crawl());
        try {
            Map<String, SchemaBuilder> schemas = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT schema_name, comment FROM duckdb_schemas() "
                                    + "WHERE database_name = current_database() AND NOT internal ORDER BY schema_name")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (filter.acceptsSchema(name)) {
                        schemas.put(name, new SchemaBuilder(name, rs.getString(2)));
                    }
                }
            }
            readTables(connection, schemas);
            readViews(connection, schemas);
            readColumns(connection, schemas);
            readConstraints(connection, schemas);
            int total = schemas.values().stream().mapToInt(s -> s.tables.size()).sum();
            progress.accept(new HarvestProgress(0, total, "Found " + schemas.size() + " schema(s) with " + total
                    + " table(s) and view(s) (" + filter + ")"));
            int done = 0;
            List<HarvestedSchema> harvested = new ArrayList<>();
            for (SchemaBuilder schema : schemas.values()) {
                if (schema.name.equals("main") && schema.tables.isEmpty()) {
                    continue; // DuckDB's default schema, empty in most warehouses: not worth an asset
                }
                List<HarvestedTable> tables = new ArrayList<>();
                for (TableBuilder table : schema.tables.values()) {
                    if (table.kind == TableKind.TABLE) {
                        table.rowCount = countRows(connection, schema.name, table.name);
                    }
                    tables.add(table.build());
                    done++;
                    progress.accept(new HarvestProgress(done, total, "Read " + schema.name + "." + table.name));
                }
                harvested.add(new HarvestedSchema(schema.name, schema.description, tables));
            }
            return new HarvestBatch(warehouse.name(), harvested);
        } catch (SQLException e) {
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE,
                    "Reading the catalog of warehouse '" + warehouse.name() + "' failed: " + e.getMessage(),
                    e);
        }
    }

    private static void readTables(Connection connection, Map<String, SchemaBuilder> schemas) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT schema_name, table_name, comment FROM duckdb_tables() "
                                + "WHERE database_name = current_database() AND NOT internal AND NOT temporary")) {
            while (rs.next()) {
                SchemaBuilder schema = schemas.get(rs.getString(1));
                if (schema != null) {
                    schema.tables.put(rs.getString(2), new TableBuilder(rs.getString(2), TableKind.TABLE, rs.getString(3), null));
                }
            }
        }
    }

    private static void readViews(Connection connection, Map<String, SchemaBuilder> schemas) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT schema_name, view_name, comment, sql FROM duckdb_views() "
                                + "WHERE database_name = current_database() AND NOT internal AND NOT temporary")) {
            while (rs.next()) {
                SchemaBuilder schema = schemas.get(rs.getString(1));
                if (schema != null) {
                    schema.tables.put(
                            rs.getString(2), new TableBuilder(rs.getString(2), TableKind.VIEW, rs.getString(3), rs.getString(4)));
                }
            }
        }
    }

    private static void readColumns(Connection connection, Map<String, SchemaBuilder> schemas) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT schema_name, table_name, column_name, column_index, data_type, is_nullable, "
                                + "column_default, comment FROM duckdb_columns() "
                                + "WHERE database_name = current_database() AND NOT internal "
                                + "ORDER BY schema_name, table_name, column_index")) {
            while (rs.next()) {
                TableBuilder table = table(schemas, rs.getString(1), rs.getString(2));
                if (table != null) {
                    table.columns.add(new HarvestedColumn(
                            rs.getString(3),
                            rs.getString(5),
                            rs.getBoolean(6),
                            table.columns.size() + 1,
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
    }

    private static void readConstraints(Connection connection, Map<String, SchemaBuilder> schemas) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT schema_name, table_name, constraint_type, constraint_column_names, referenced_table, "
                                + "referenced_column_names, constraint_name FROM duckdb_constraints() "
                                + "WHERE database_name = current_database() "
                                + "AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') ORDER BY constraint_index")) {
            while (rs.next()) {
                TableBuilder table = table(schemas, rs.getString(1), rs.getString(2));
                if (table == null) {
                    continue;
                }
                List<String> columns = strings(rs.getArray(4));
                if (rs.getString(3).equals("PRIMARY KEY")) {
                    table.primaryKey = columns;
                } else {
                    // DuckDB's foreign keys reference a table of the same schema
                    table.foreignKeys.add(new HarvestedForeignKey(
                            rs.getString(7), columns, rs.getString(1), rs.getString(5), strings(rs.getArray(6))));
                }
            }
        }
    }

    private static long countRows(Connection connection, String schema, String table) throws SQLException {
        // identifiers come from the engine's own catalog and are quoted, never from user input
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + quote(schema) + "." + quote(table));
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static TableBuilder table(Map<String, SchemaBuilder> schemas, String schema, String table) {
        SchemaBuilder builder = schemas.get(schema);
        return builder == null ? null : builder.tables.get(table);
    }

    private static final class SchemaBuilder {
        final String name;
        final String description;
        final Map<String, TableBuilder> tables = new TreeMap<>();

        SchemaBuilder(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    private static final class TableBuilder {
        final String name;
        final TableKind kind;
        final String description;
        final String viewSql;
        final List<HarvestedColumn> columns = new ArrayList<>();
        final List<HarvestedForeignKey> foreignKeys = new ArrayList<>();
        List<String> primaryKey = List.of();
        Long rowCount;

        TableBuilder(String name, TableKind kind, String description, String viewSql) {
            this.name = name;
            this.kind = kind;
            this.description = description;
            this.viewSql = viewSql;
        }

        HarvestedTable build() {
            return new HarvestedTable(name, kind, description, viewSql, rowCount, null, columns, primaryKey, foreignKeys);
        }
    }
}
