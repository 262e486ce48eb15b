package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestProgress;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every JDBC harvester does the same way, so that a dialect only says how its engine's
 * catalog is read:
 *
 * <ol>
 *   <li>{@link #readCatalog} runs a few whole-database catalog queries (one per kind of
 *       object, never one per table, so that 10,000 tables cost the same handful of queries)
 *       into a {@link HarvestAssembler}, which applies the crawl's include and exclude
 *       patterns. If one fails, the harvest fails with {@link ErrorCode#WAREHOUSE_UNAVAILABLE}:
 *       without the catalog nothing can be said about the warehouse.
 *   <li>Then, table by table, the steps that have to touch the table itself: an exact row
 *       count where the engine makes it cheap ({@link #countsRowsExactly()}), the dialect's own
 *       {@link #readTable} step, and column profiles when the crawl asks for them. A table
 *       that fails here (dropped meanwhile, no permission, too slow) goes to the batch's
 *       {@code unread} set with a warning, and the crawl goes on; only a lost connection
 *       fails the whole harvest.
 *   <li>Progress is reported once when the catalog is read ({@code 0 of n}) and after each
 *       table.
 * </ol>
 *
 * <p>Harvesters hold no state: one instance serves concurrent crawls of many warehouses.
 */
public abstract class JdbcHarvester implements Harvester {
    /** Limit for one whole-database catalog query; generous, since it covers every table at once. */
    public static final int CATALOG_QUERY_TIMEOUT_SECONDS = 120;
    /** Limit for one per-table query (row count, profile). */
    public static final int TABLE_QUERY_TIMEOUT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHarvester.class);
    private static final int FETCH_SIZE = 1_000;
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    @Override
    public final HarvestBatch harvest(Warehouse warehouse, Connection connection, Consumer<HarvestProgress> progress) {
        CrawlSettings settings = warehouse.crawl();
        ScopeFilter scope = new ScopeFilter(settings);
        HarvestAssembler assembler = new HarvestAssembler(scope);
        SqlIdentifiers identifiers;
        try {
            identifiers = SqlIdentifiers.of(connection);
            readCatalog(new CatalogQueries(connection), assembler);
        } catch (SQLException e) {
            throw unavailable(warehouse, "reading its catalog", e);
        }
        List<TableRef> tables = assembler.tables();
        progress.accept(new HarvestProgress(0, tables.size(), "Found " + tables.size() + " table(s) and view(s) in scope ("
                + scope + ")"));
        ColumnProfiler profiler = settings.profileColumns()
                ? new ColumnProfiler(connection, identifiers, settings.profileSampleRows(), TABLE_QUERY_TIMEOUT_SECONDS)
                : null;
        int done = 0;
        for (TableRef table : tables) {
            try {
                readTableSteps(connection, identifiers, profiler, table, assembler);
            } catch (SQLException e) {
                recoverOrFail(warehouse, connection, table, e);
                assembler.unread(table, reason(e));
            }
            done++;
            progress.accept(new HarvestProgress(done, tables.size(), "Read " + table.qualifiedName()));
        }
        return assembler.build(warehouse.name());
    }

    private void readTableSteps(
            Connection connection, SqlIdentifiers identifiers, ColumnProfiler profiler, TableRef table, HarvestAssembler assembler)
            throws SQLException {
        if (countsRowsExactly() && table.kind() == TableKind.TABLE) {
            assembler.statistics(table.schema(), table.name(), countRows(connection, identifiers, table), null);
        }
        readTable(connection, table, assembler);
        // views are not profiled: their query may cost far more than the sample it returns
        if (profiler != null && table.kind() != TableKind.VIEW) {
            assembler.profiles(table, profiler.profile(table, assembler.columnNames(table)));
        }
    }

    /**
     * Reads schemas, tables, views, columns, keys, indexes and statistics of the whole database
     * into the assembler, with a few queries for the whole database.
     */
    protected abstract void readCatalog(CatalogQueries queries, HarvestAssembler assembler) throws SQLException;

    /**
     * Reads what the dialect can only read one table at a time; nothing by default. A failure
     * marks just this table unread.
     */
    protected void readTable(Connection connection, TableRef table, HarvestAssembler assembler) throws SQLException {}

    /**
     * Whether tables are counted with {@code SELECT count(*)} one by one: right for embedded
     * engines that keep the count (DuckDB, H2), ruinous for server databases with big tables,
     * whose catalog estimates are used instead.
     */
    protected boolean countsRowsExactly() {
        return false;
    }

    private static long countRows(Connection connection, SqlIdentifiers identifiers, TableRef table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            applyTimeout(statement, TABLE_QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + identifiers.qualified(table))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * After a failed per-table step: a connection in an aborted transaction is rolled back so
     * the next table can be read; a connection that is gone fails the harvest, rather than
     * every remaining table being reported unread.
     */
    private static void recoverOrFail(Warehouse warehouse, Connection connection, TableRef table, SQLException failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                LOG.debug("Warehouse {}: {} unread: {}", warehouse.name(), table.qualifiedName(), failure.getMessage());
                return;
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        throw unavailable(warehouse, "reading " + table.qualifiedName() + " (the connection was lost)", failure);
    }

    private static CatalogException unavailable(Warehouse warehouse, String doing, SQLException e) {
        return new CatalogException(
                ErrorCode.WAREHOUSE_UNAVAILABLE,
                "Harvesting warehouse '" + warehouse.name() + "' failed while " + doing + ": " + reason(e),
                e);
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (e instanceof SQLTimeoutException) {
            return "timed out (" + message + ")";
        }
        return message;
    }

    /**
     * Sets a query timeout where the driver supports one; a driver that does not still runs
     * the query, without the limit.
     */
    static void applyTimeout(Statement statement, int seconds) throws SQLException {
        try {
            statement.setQueryTimeout(seconds);
        } catch (SQLFeatureNotSupportedException e) {
            LOG.debug("Driver has no query timeout: {}", e.getMessage());
        }
    }

    /** Runs whole-database catalog queries with the catalog timeout, row by row. */
    public static final class CatalogQueries {
        private final Connection connection;

        CatalogQueries(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        /**
         * @param sql a constant catalog query: never built from user text
         */
        public void forEachRow(String sql, RowReader reader) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                applyTimeout(statement, CATALOG_QUERY_TIMEOUT_SECONDS);
                try {
                    statement.setFetchSize(FETCH_SIZE);
                } catch (SQLFeatureNotSupportedException e) {
                    LOG.debug("Driver takes no fetch size: {}", e.getMessage());
                }
                try (ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    /** Reads one row of a catalog query. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** A nullable number column: {@code getLong} reads SQL NULL as 0. */
    public static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
