package io.zhongtai.crawlers.jdbc;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.harvest.ColumnProfile;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedForeignKey;
import io.zhongtai.core.harvest.HarvestedIndex;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects what a harvester's catalog queries return, row by row, into a {@link HarvestBatch}.
 * Every harvester reads whole-database result sets (one query per kind of object, not one per
 * table) in whatever order the engine returns them; this class puts the rows in place.
 *
 * <p>It is also where the crawl's scope is applied: schemas and tables outside the
 * {@link ScopeFilter} are dropped when they are added, and rows about them (columns, keys,
 * indexes) are ignored, so the queries need not know the patterns.
 *
 * <p>Columns are numbered 1, 2, 3... in the engine's order: engines that leave gaps where a
 * column was dropped (PostgreSQL) and those that renumber (MySQL, H2) thus report the same
 * positions for the same table.
 *
 * <p>Not thread-safe: one per harvest.
 */
public final class HarvestAssembler {
    private final ScopeFilter scope;
    private final Map<String, SchemaBuilder> schemas = new TreeMap<>();
    private final Set<String> omittedWhenEmpty = new HashSet<>();
    private final Set<String> unread = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    public HarvestAssembler(ScopeFilter scope) {
        this.scope = requireNonNull(scope, "scope is null");
    }

    /**
     * Leaves the schema out of the batch when it holds no table: an engine's default schema
     * ({@code public}, {@code main}), empty in most warehouses, is not worth an asset.
     */
    public void omitWhenEmpty(String schema) {
        omittedWhenEmpty.add(schema);
    }

    /** Adds a schema if the scope includes it; a later call with a description sets it. */
    public void schema(String name, String description) {
        if (!scope.acceptsSchema(name)) {
            return;
        }
        SchemaBuilder schema = schemas.computeIfAbsent(name, SchemaBuilder::new);
        if (description != null) {
            schema.description = blankToNull(description);
        }
    }

    /**
     * Adds a table or view (and its schema) if the scope includes it. Adding it again fills in
     * the description and view SQL the first call did not know (MySQL lists a view in one
     * catalog table and its SQL in another).
     */
    public void table(String schema, String name, TableKind kind, String description, String viewSql) {
        if (!scope.acceptsTable(schema, name)) {
            return;
        }
        TableBuilder table = schemas.computeIfAbsent(schema, SchemaBuilder::new)
                .tables
                .computeIfAbsent(name, key -> new TableBuilder(new TableRef(schema, name, kind)));
        if (description != null) {
            table.description = blankToNull(description);
        }
        if (viewSql != null) {
            table.viewSql = blankToNull(viewSql);
        }
    }

    /** Row count and size where the engine knows them; null for unknown. */
    public void statistics(String schema, String table, Long rowCount, Long sizeBytes) {
        TableBuilder builder = find(schema, table);
        if (builder != null) {
            builder.rowCount = rowCount;
            builder.sizeBytes = sizeBytes;
        }
    }

    /**
     * @param ordinal the engine's position of the column, used only to order the columns
     */
    public void column(
            String schema,
            String table,
            String name,
            int ordinal,
            String dataType,
            boolean nullable,
            String defaultValue,
            String description) {
        TableBuilder builder = find(schema, table);
        if (builder != null) {
            builder.columns.add(new ColumnRow(ordinal, name, dataType, nullable, blankToNull(defaultValue), blankToNull(description)));
        }
    }

    /**
     * A column from a catalog query whose first eight columns are, in this order: schema, table,
     * column name, ordinal, data type, nullable, default, comment (the shape every dialect's
     * column query has).
     */
    public void column(ResultSet row) throws SQLException {
        column(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getBoolean(6),
                row.getString(7),
                row.getString(8));
    }

    /** One column of the table's primary key, at {@code ordinal} within the key. */
    public void primaryKeyColumn(String schema, String table, int ordinal, String column) {
        TableBuilder builder = find(schema, table);
        if (builder != null) {
            builder.primaryKey.add(new Ordered(ordinal, column));
        }
    }

    /** One column pair of a foreign key; rows of one key share its name. */
    public void foreignKeyColumn(
            String schema,
            String table,
            String constraint,
            int ordinal,
            String column,
            String referencedSchema,
            String referencedTable,
            String referencedColumn) {
        TableBuilder builder = find(schema, table);
        if (builder != null) {
            builder.foreignKeys
                    .computeIfAbsent(constraint, name -> new ForeignKeyBuilder(name, referencedSchema, referencedTable))
                    .columns
                    .add(new ForeignKeyColumn(ordinal, column, referencedColumn));
        }
    }

    /** One column (or expression) of an index; rows of one index share its name. */
    public void indexColumn(String schema, String table, String index, boolean unique, int ordinal, String column) {
        TableBuilder builder = find(schema, table);
        if (builder != null) {
            builder.indexes.computeIfAbsent(index, name -> new IndexBuilder(name, unique)).columns.add(new Ordered(ordinal, column));
        }
    }

    /** Attaches profiles to the table's columns, by column name. */
    public void profiles(TableRef table, Map<String, ColumnProfile> profiles) {
        TableBuilder builder = find(table.schema(), table.name());
        if (builder != null) {
            builder.profiles.putAll(profiles);
        }
    }

    /** Every table and view in scope, schema by schema, in name order. */
    public List<TableRef> tables() {
        List<TableRef> tables = new ArrayList<>();
        for (SchemaBuilder schema : schemas.values()) {
            schema.tables.values().forEach(table -> tables.add(table.ref));
        }
        return tables;
    }

    /** The names of a table's columns in order. */
    public List<String> columnNames(TableRef table) {
        TableBuilder builder = find(table.schema(), table.name());
        if (builder == null) {
            return List.of();
        }
        return builder.sortedColumns().stream().map(ColumnRow::name).toList();
    }

    /**
     * Records that a table exists but could not be read this time. It leaves the batch, so the
     * store keeps what it knew of it instead of half a reading, and the reason goes to the log.
     */
    public void unread(TableRef table, String reason) {
        unread.add(table.qualifiedName());
        warnings.add(table.qualifiedName() + " could not be read and keeps its previous state: " + reason);
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public HarvestBatch build(String warehouse) {
        List<HarvestedSchema> harvested = new ArrayList<>();
        for (SchemaBuilder schema : schemas.values()) {
            List<HarvestedTable> tables = new ArrayList<>();
            for (TableBuilder table : schema.tables.values()) {
                if (!unread.contains(table.ref.qualifiedName())) {
                    tables.add(table.build());
                }
            }
            boolean empty = schema.tables.isEmpty();
            if (!(empty && omittedWhenEmpty.contains(schema.name))) {
                harvested.add(new HarvestedSchema(schema.name, schema.description, tables));
            }
        }
        return new HarvestBatch(warehouse, harvested, unread, warnings);
    }

    private TableBuilder find(String schema, String table) {
        SchemaBuilder builder = schemas.get(schema);
        return builder == null ? null : builder.tables.get(table);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static final class SchemaBuilder {
        final String name;
        final Map<String, TableBuilder> tables = new TreeMap<>();
        String description;

        SchemaBuilder(String name) {
            this.name = name;
        }
    }

    private record ColumnRow(int ordinal, String name, String dataType, boolean nullable, String defaultValue, String description) {}

    private record Ordered(int ordinal, String name) {}

    private record ForeignKeyColumn(int ordinal, String column, String referencedColumn) {}

    private static final class ForeignKeyBuilder {
        final String name;
        final String referencedSchema;
        final String referencedTable;
        final List<ForeignKeyColumn> columns = new ArrayList<>();

        ForeignKeyBuilder(String name, String referencedSchema, String referencedTable) {
            this.name = name;
            this.referencedSchema = referencedSchema;
            this.referencedTable = referencedTable;
        }

        HarvestedForeignKey build() {
            List<ForeignKeyColumn> sorted = columns.stream().sorted(Comparator.comparingInt(ForeignKeyColumn::ordinal)).toList();
            return new HarvestedForeignKey(
                    name,
                    sorted.stream().map(ForeignKeyColumn::column).toList(),
                    referencedSchema,
                    referencedTable,
                    sorted.stream().map(ForeignKeyColumn::referencedColumn).toList());
        }
    }

    private static final class IndexBuilder {
        final String name;
        final boolean unique;
        final List<Ordered> columns = new ArrayList<>();

        IndexBuilder(String name, boolean unique) {
            this.name = name;
            this.unique = unique;
        }

        HarvestedIndex build() {
            return new HarvestedIndex(name, names(columns), unique);
        }
    }

    private static final class TableBuilder {
        final TableRef ref;
        final List<ColumnRow> columns = new ArrayList<>();
        final List<Ordered> primaryKey = new ArrayList<>();
        final Map<String, ForeignKeyBuilder> foreignKeys = new TreeMap<>();
        final Map<String, IndexBuilder> indexes = new TreeMap<>();
        final Map<String, ColumnProfile> profiles = new HashMap<>();
        String description;
        String viewSql;
        Long rowCount;
        Long sizeBytes;

        TableBuilder(TableRef ref) {
            this.ref = ref;
        }

        List<ColumnRow> sortedColumns() {
            return columns.stream().sorted(Comparator.comparingInt(ColumnRow::ordinal)).toList();
        }

        HarvestedTable build() {
            List<HarvestedColumn> harvested = new ArrayList<>();
            for (ColumnRow column : sortedColumns()) {
                harvested.add(new HarvestedColumn(
                        column.name,
                        column.dataType,
                        column.nullable,
                        harvested.size() + 1,
                        column.defaultValue,
                        column.description,
                        profiles.get(column.name)));
            }
            return new HarvestedTable(
                    ref.name(),
                    ref.kind(),
                    description,
                    viewSql,
                    rowCount,
                    sizeBytes,
                    harvested,
                    names(primaryKey),
                    foreignKeys.values().stream().map(ForeignKeyBuilder::build).toList(),
                    indexes.values().stream().map(IndexBuilder::build).toList());
        }
    }

    private static List<String> names(List<Ordered> ordered) {
        return ordered.stream().sorted(Comparator.comparingInt(Ordered::ordinal)).map(Ordered::name).toList();
    }
}
