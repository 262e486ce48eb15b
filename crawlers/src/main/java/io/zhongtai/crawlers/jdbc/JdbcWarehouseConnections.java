package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens warehouse connections through JDBC. DuckDB allows one database instance per file in a
 * process, so each DuckDB file is opened once and every caller gets a duplicate connection to
 * that instance; the instances close with this object. Extensions are never downloaded.
 */
public final class JdbcWarehouseConnections implements WarehouseConnections {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcWarehouseConnections.class);
    private static final int LOGIN_TIMEOUT_SECONDS = 15;

    private final Map<String, DuckDBConnection> duckDbInstances = new HashMap<>();

    @Override
    public Connection open(Warehouse warehouse, String password) {
        try {
            if (warehouse.dialect() == Dialect.DUCKDB) {
                return duckDb(warehouse.jdbcUrl());
            }
            Properties properties = new Properties();
            if (warehouse.username() != null) {
                properties.setProperty("user", warehouse.username());
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            addConnectTimeout(warehouse.jdbcUrl(), properties);
            DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
            return DriverManager.getConnection(warehouse.jdbcUrl(), properties);
        } catch (SQLException e) {
            // the message names the URL and the driver's reason, never the password
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE,
                    "Cannot connect to warehouse '" + warehouse.name() + "' at " + warehouse.jdbcUrl() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * A server that does not answer should fail the connection in seconds, not hang a crawl:
     * the PostgreSQL driver waits 10 s by default and MySQL's Connector/J forever, and not
     * every driver honours {@link DriverManager#setLoginTimeout}. A timeout the URL sets wins.
     * No socket timeout is set: statements carry their own query timeouts, and a socket
     * timeout would also cut long metric queries on the same connections.
     */
    private static void addConnectTimeout(String jdbcUrl, Properties properties) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.contains("connecttimeout")) {
            return;
        }
        switch (Dialect.fromJdbcUrl(jdbcUrl)) {
            case POSTGRES -> properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS)); // seconds
            case MYSQL, MARIADB -> properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS * 1000)); // ms
            default -> {
                // other drivers: DriverManager's login timeout only
            }
        }
    }

    private synchronized Connection duckDb(String jdbcUrl) throws SQLException {
        DuckDBConnection instance = duckDbInstances.get(jdbcUrl);
        if (instance == null || instance.isClosed()) {
            Properties properties = new Properties();
            properties.setProperty("autoinstall_known_extensions", "false");
            properties.setProperty("autoload_known_extensions", "false");
            instance = (DuckDBConnection) DriverManager.getConnection(jdbcUrl, properties);
            duckDbInstances.put(jdbcUrl, instance);
        }
        return instance.duplicate();
    }

    /** Closes a DuckDB instance so its file can be replaced (the demo's re-creation). */
    public synchronized void release(String jdbcUrl) {
        DuckDBConnection instance = duckDbInstances.remove(jdbcUrl);
        closeQuietly(jdbcUrl, instance);
    }

    @Override
    public synchronized void close() {
        duckDbInstances.forEach(JdbcWarehouseConnections::closeQuietly);
        duckDbInstances.clear();
    }

    private static void closeQuietly(String jdbcUrl, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing DuckDB instance {} failed: {}", jdbcUrl, e.getMessage());
        }
    }
}
