package io.zhongtai.demo;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The demo retail warehouse of demo-retail.md: a retailer's raw {@code retail} schema, generated
 * deterministically from a seed and a scale, and the four ETL jobs that build the {@code mart}
 * schema from it.
 *
 * <p>Everything here works on a DuckDB connection the caller owns: this class opens, closes and
 * configures nothing, so the service can take the connection from the one database instance it keeps
 * per file.
 */
public final class DemoRetail {
    /** The name the demo warehouse is registered under. */
    public static final String WAREHOUSE = "demo";

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_SCALE = 1.0;

    /** Beyond this the per-order bookkeeping outgrows a modest heap; no use of the demo needs it. */
    public static final double MAX_SCALE = 100;

    /** The raw tables, keyed {@code "schema.table"}, in creation order (parents before children). */
    public static final List<String> RETAIL_TABLES = List.of(
            "retail.regions",
            "retail.stores",
            "retail.customers",
            "retail.products",
            "retail.orders",
            "retail.order_items",
            "retail.inventory_snapshots",
            "retail.customer_feedback");

    /** The tables the ETL jobs build, in build order. */
    public static final List<String> MART_TABLES =
            List.of("mart.daily_sales", "mart.customer_ltv", "mart.region_daily", "mart.inventory_cover");

    private static final String RESOURCES = "/io/zhongtai/demo/";

    private static final Map<String, String> OWNERS = owners(
            "retail.regions", "sales-ops",
            "retail.stores", "sales-ops",
            "retail.customers", "crm",
            "retail.orders", "sales-ops",
            "retail.order_items", "sales-ops",
            "retail.customer_feedback", "crm",
            "mart.daily_sales", "data-team",
            "mart.customer_ltv", "data-team",
            "mart.region_daily", "data-team");

    private DemoRetail() {}

    /** {@link #generate(Connection, long, double)} with the default seed and scale. */
    public static DemoSummary generate(Connection duckdb) throws SQLException {
        return generate(duckdb, DEFAULT_SEED, DEFAULT_SCALE);
    }

    /**
     * Drops and recreates the schemas {@code retail} and {@code mart}, creates the retail tables with
     * their keys and descriptions, and fills them from {@code seed} and {@code scale}: the same pair
     * gives the same rows. Scale multiplies customers, orders and feedback (at least one of each);
     * regions, stores and products stay. The mart stays empty until {@link #runEtl}.
     *
     * <p>Runs in one transaction, so that a reader never sees half a warehouse and a failure leaves
     * the previous one in place. It commits at the end, together with anything the caller left
     * pending on a connection in manual-commit mode; the auto-commit setting is restored afterwards.
     *
     * @param duckdb a connection to DuckDB, or a wrapper of one
     * @param scale a positive number up to {@link #MAX_SCALE}
     * @return the row count of each retail table
     */
    public static DemoSummary generate(Connection duckdb, long seed, double scale) throws SQLException {
        requireNonNull(duckdb, "duckdb is null");
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ": " + scale);
        }
        // Appenders need the driver's own class; transactions stay on the given connection, so that a
        // pool wrapper keeps track of them. Both reach the same DuckDB connection and transaction.
        DuckDBConnection appending = duckdb.unwrap(DuckDBConnection.class);
        boolean autoCommit = duckdb.getAutoCommit();
        duckdb.setAutoCommit(false);
        try {
            execute(duckdb, SqlScript.resource(RESOURCES + "retail-schema.sql"), "retail-schema.sql");
            RetailDataGenerator.fill(appending, seed, scale);
            Map<String, Long> rowCounts = new LinkedHashMap<>();
            for (String table : RETAIL_TABLES) {
                rowCounts.put(table, count(duckdb, table));
            }
            duckdb.commit();
            return new DemoSummary(seed, scale, rowCounts);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(duckdb, e);
            throw e;
        } finally {
            duckdb.setAutoCommit(autoCommit);
        }
    }

    /** The four ETL jobs in run order: load_daily_sales, load_customer_ltv, load_region_daily, load_inventory_cover. */
    public static List<EtlJob> etlJobs() {
        // Read on each call: four small files, and a missing one fails this call, not class loading.
        return List.of(
                job(
                        "load_daily_sales",
                        "Builds mart.daily_sales: revenue, units and orders per day, store and product,"
                                + " from paid orders joined to their items."),
                job(
                        "load_customer_ltv",
                        "Builds mart.customer_ltv: first and last order date, order count and revenue"
                                + " per customer, over paid orders."),
                job(
                        "load_region_daily",
                        "Builds mart.region_daily: revenue and units per day and region, from"
                                + " mart.daily_sales, retail.stores and retail.regions."),
                job(
                        "load_inventory_cover",
                        "Builds mart.inventory_cover: stock on hand per snapshot, with the average daily"
                                + " units sold in the 28 days up to it and the days of cover they give."));
    }

    /**
     * Runs the ETL jobs in order against a database that {@link #generate} filled, replacing the mart
     * tables. Statements run one by one under the connection's own commit mode, as a scheduler running
     * the scripts would; a failure stops the run and names the job.
     */
    public static void runEtl(Connection duckdb) throws SQLException {
        requireNonNull(duckdb, "duckdb is null");
        for (EtlJob job : etlJobs()) {
            execute(duckdb, job.sql(), "ETL job " + job.name());
        }
    }

    /**
     * The owner group of each owned table, keyed {@code "schema.table"}, such as
     * {@code "retail.orders" -> "sales-ops"}. Tables without an owner (retail.products,
     * retail.inventory_snapshots, mart.inventory_cover) are absent on purpose, for the ownership KPI.
     */
    public static Map<String, String> owners() {
        return OWNERS;
    }

    private static void execute(Connection connection, String script, String source) throws SQLException {
        for (String sql : SqlScript.statements(script)) {
            // A statement per execution: DuckDB's JDBC driver closes a Statement whose query failed.
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(
                        source + " failed: " + e.getMessage() + "\nin: " + firstLine(sql),
                        e.getSQLState(),
                        e.getErrorCode(),
                        e);
            }
        }
    }

    private static String firstLine(String sql) {
        return sql.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst()
                .orElse(sql);
    }

    private static long count(Connection connection, String table) throws SQLException {
        // table comes from RETAIL_TABLES, never from a caller.
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static Map<String, String> owners(String... tableThenOwner) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (int i = 0; i < tableThenOwner.length; i += 2) {
            owners.put(tableThenOwner[i], tableThenOwner[i + 1]);
        }
        return Collections.unmodifiableMap(owners);
    }

    private static EtlJob job(String name, String description) {
        return new EtlJob(name, description, SqlScript.resource(RESOURCES + "etl/" + name + ".sql"));
    }
}
