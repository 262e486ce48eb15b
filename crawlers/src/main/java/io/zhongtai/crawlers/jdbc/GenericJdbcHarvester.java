package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Harvests any engine with a JDBC driver through {@link DatabaseMetaData}: the fallback for
 * dialects no specific harvester serves (Trino, ClickHouse, Snowflake, Hive, generic URLs).
 *
 * <ul>
 *   <li>Schemas, tables, views and columns come from one call each for the whole database
 *       ({@code getSchemas}, {@code getTables}, {@code getColumns}). A warehouse is one
 *       database, so only the connection's current catalog is read; drivers whose databases
 *       are catalogs without schemas (MySQL's) get each catalog as a schema instead.
 *   <li>Keys and indexes need one call per table ({@code getPrimaryKeys},
 *       {@code getImportedKeys}, {@code getIndexInfo} take no wildcard), so they are read in
 *       the per-table step, where a failure only marks the table unread. That is three round
 *       trips per table: the specific harvesters exist for the engines where it matters.
 *   <li>Types are the driver's {@code TYPE_NAME} with the length or precision and scale
 *       appended where the type takes one. Views have no SQL (JDBC has no call for it); row
 *       counts and sizes are unknown (JDBC has no cheap one).
 *   <li>The index backing the primary key (unique, on exactly its columns) is left out, as the
 *       specific harvesters do; {@code primaryKey} already describes it.
 * </ul>
 */
public final class GenericJdbcHarvester extends JdbcHarvester {
    /** Schemas that hold an engine's own catalog in the engines this fallback is likely to meet. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of(
            "information_schema", "pg_catalog", "mysql", "performance_schema", "sys", "system", "definition_schema");
    private static final Set<Integer> LENGTH_TYPES =
            Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY);
    private static final Set<Integer> PRECISION_TYPES = Set.of(Types.DECIMAL, Types.NUMERIC);

    /** Serves every dialect; {@code Harvesters} asks it last. */
    @Override
    public boolean supports(Dialect dialect) {
        return true;
    }

    @Override
    protected void readCatalog(CatalogQueries queries, HarvestAssembler assembler) throws SQLException {
        Connection connection = queries.connection();
        DatabaseMetaData metaData = connection.getMetaData();
        Namespace namespace = Namespace.of(connection);
        String defaultSchema = defaultSchema(connection);
        if (defaultSchema != null) {
            assembler.omitWhenEmpty(defaultSchema);
        }
        if (namespace.catalogsAsSchemas) {
            try (ResultSet rs = metaData.getCatalogs()) {
                while (rs.next()) {
                    addSchema(assembler, rs.getString("TABLE_CAT"));
                }
            }
        } else {
            try (ResultSet rs = metaData.getSchemas()) {
                while (rs.next()) {
                    String catalog = rs.getString("TABLE_CATALOG");
                    if (namespace.catalog == null || catalog == null || namespace.catalog.equals(catalog)) {
                        addSchema(assembler, rs.getString("TABLE_SCHEM"));
                    }
                }
            }
        }
        try (ResultSet rs = metaData.getTables(namespace.catalogFilter(), null, "%", null)) {
            while (rs.next()) {
                String schema = namespace.schemaOf(rs, "TABLE_CAT", "TABLE_SCHEM");
                TableKind kind = kind(rs.getString("TABLE_TYPE"));
                if (schema != null && kind != null && !isSystem(schema)) {
                    assembler.table(schema, rs.getString("TABLE_NAME"), kind, rs.getString("REMARKS"), null);
                }
            }
        }
        try (ResultSet rs = metaData.getColumns(namespace.catalogFilter(), null, "%", "%")) {
            while (rs.next()) {
                String schema = namespace.schemaOf(rs, "TABLE_CAT", "TABLE_SCHEM");
                if (schema != null) {
                    assembler.column(
                            schema,
                            rs.getString("TABLE_NAME"),
                            rs.getString("COLUMN_NAME"),
                            rs.getInt("ORDINAL_POSITION"),
                            dataType(rs),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            rs.getString("COLUMN_DEF"),
                            rs.getString("REMARKS"));
                }
            }
        }
    }

    @Override
    protected void readTable(Connection connection, TableRef table, HarvestAssembler assembler) throws SQLException {
        if (table.kind() == TableKind.VIEW) {
            return;
        }
        DatabaseMetaData metaData = connection.getMetaData();
        Namespace namespace = Namespace.of(connection);
        String catalog = namespace.catalogsAsSchemas ? table.schema() : namespace.catalog;
        String schema = namespace.catalogsAsSchemas ? null : table.schema();
        List<String> primaryKey = new ArrayList<>();
        try (ResultSet rs = metaData.getPrimaryKeys(catalog, schema, table.name())) {
            Map<Integer, String> ordered = new TreeMap<>();
            while (rs.next()) {
                ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
            ordered.forEach((ordinal, column) -> {
                assembler.primaryKeyColumn(table.schema(), table.name(), ordinal, column);
                primaryKey.add(column);
            });
        }
        try (ResultSet rs = metaData.getImportedKeys(catalog, schema, table.name())) {
            while (rs.next()) {
                String referencedTable = rs.getString("PKTABLE_NAME");
                String name = rs.getString("FK_NAME");
                assembler.foreignKeyColumn(
                        table.schema(),
                        table.name(),
                        name != null ? name : table.name() + "_" + referencedTable + "_fk",
                        rs.getInt("KEY_SEQ"),
                        rs.getString("FKCOLUMN_NAME"),
                        namespace.schemaOf(rs, "PKTABLE_CAT", "PKTABLE_SCHEM"),
                        referencedTable,
                        rs.getString("PKCOLUMN_NAME"));
            }
        }
        readIndexes(metaData, catalog, schema, table, primaryKey, assembler);
    }

    private static void readIndexes(
            DatabaseMetaData metaData, String catalog, String schema, TableRef table, List<String> primaryKey, HarvestAssembler assembler)
            throws SQLException {
        record IndexColumn(int ordinal, String column) {}
        Map<String, List<IndexColumn>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        // approximate: drivers may answer from cached statistics instead of computing them
        try (ResultSet rs = metaData.getIndexInfo(catalog, schema, table.name(), false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME");
                columns.computeIfAbsent(index, name -> new ArrayList<>())
                        .add(new IndexColumn(rs.getInt("ORDINAL_POSITION"), column == null ? "(expression)" : column));
                unique.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        columns.forEach((index, indexColumns) -> {
            List<String> names = indexColumns.stream()
                    .sorted(Comparator.comparingInt(IndexColumn::ordinal))
                    .map(IndexColumn::column)
                    .toList();
            if (unique.get(index) && names.equals(primaryKey)) {
                return;
            }
            for (int i = 0; i < names.size(); i++) {
                assembler.indexColumn(table.schema(), table.name(), index, unique.get(index), i + 1, names.get(i));
            }
        });
    }

    /** The schema unqualified names resolve to, empty in most warehouses; null if the driver cannot say. */
    private static String defaultSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null; // drivers older than JDBC 4.1
        }
    }

    private static void addSchema(HarvestAssembler assembler, String schema) {
        if (schema != null && !isSystem(schema)) {
            assembler.schema(schema, null);
        }
    }

    private static boolean isSystem(String schema) {
        return SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)) || schema.toLowerCase(Locale.ROOT).startsWith("pg_toast");
    }

    /** JDBC's table types, of which only data sets are kept (not system tables, synonyms, temporaries). */
    private static TableKind kind(String tableType) {
        if (tableType == null) {
            return null;
        }
        return switch (tableType.toUpperCase(Locale.ROOT)) {
            case "TABLE", "BASE TABLE", "PARTITIONED TABLE", "FOREIGN TABLE", "EXTERNAL TABLE" -> TableKind.TABLE;
            case "VIEW" -> TableKind.VIEW;
            case "MATERIALIZED VIEW" -> TableKind.MATERIALIZED_VIEW;
            default -> null;
        };
    }

    private static String dataType(ResultSet rs) throws SQLException {
        String name = rs.getString("TYPE_NAME");
        int type = rs.getInt("DATA_TYPE");
        int size = rs.getInt("COLUMN_SIZE");
        boolean sized = !rs.wasNull() && size > 0 && size < Integer.MAX_VALUE;
        if (name.contains("(") || !sized) {
            return name;
        }
        if (LENGTH_TYPES.contains(type)) {
            return name + "(" + size + ")";
        }
        if (PRECISION_TYPES.contains(type)) {
            int scale = rs.getInt("DECIMAL_DIGITS");
            return name + "(" + size + (rs.wasNull() ? "" : "," + scale) + ")";
        }
        return name;
    }

    /**
     * Where a driver puts a warehouse's schemas. Most drivers have schemas inside the current
     * catalog (the database the URL names); MySQL's driver has catalogs and no schemas.
     */
    private record Namespace(boolean catalogsAsSchemas, String catalog) {
        static Namespace of(Connection connection) throws SQLException {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean catalogsAsSchemas = !metaData.supportsSchemasInTableDefinitions() && metaData.supportsCatalogsInTableDefinitions();
            return new Namespace(catalogsAsSchemas, catalogsAsSchemas ? null : connection.getCatalog());
        }

        /** The catalog argument of whole-database metadata calls: all catalogs, or the current one. */
        String catalogFilter() {
            return catalogsAsSchemas ? null : catalog;
        }

        String schemaOf(ResultSet rs, String catalogColumn, String schemaColumn) throws SQLException {
            return catalogsAsSchemas ? rs.getString(catalogColumn) : rs.getString(schemaColumn);
        }
    }
}
