package io.zhongtai.metrics.testing;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.demo.DemoRetail;
import io.zhongtai.metrics.execute.WarehouseConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The demo warehouse at scale 0.05 (seed 42) in a DuckDB file, generated once per test JVM and
 * only read by tests. Connections are duplicates of the one instance, as the service takes them.
 */
public final class DemoDuckDb {
    public static final double SCALE = 0.05;
    private static DuckDBConnection instance;

    private DemoDuckDb() {}

    public static synchronized DuckDBConnection instance() {
        if (instance == null) {
            try {
                Path directory = Files.createTempDirectory("metrics-demo");
                Properties properties = new Properties();
                properties.setProperty("autoinstall_known_extensions", "false");
                properties.setProperty("autoload_known_extensions", "false");
                instance = (DuckDBConnection) DriverManager.getConnection(
                        "jdbc:duckdb:" + directory.resolve("demo.duckdb"), properties);
                DemoRetail.generate(instance, DemoRetail.DEFAULT_SEED, SCALE);
                DemoRetail.runEtl(instance);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** Opens connections to the warehouse named {@code demo}. */
    public static WarehouseConnector connector() {
        return warehouse -> {
            if (!"demo".equals(warehouse)) {
                throw new CatalogException(ErrorCode.WAREHOUSE_NOT_FOUND, "no warehouse " + warehouse);
            }
            try {
                return instance().duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Runs hand-written SQL and answers its rows. */
    public static List<List<Object>> query(String sql) {
        return Rows.query(connector().connect("demo"), sql);
    }

    /** JDBC rows as lists, closing the connection. */
    public static final class Rows {
        private Rows() {}

        public static List<List<Object>> query(Connection connection, String sql) {
            try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                int count = rows.getMetaData().getColumnCount();
                List<List<Object>> out = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= count; i++) {
                        row.add(rows.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
