package io.zhongtai.crawlers.querylog;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MySQL's and MariaDB's {@code performance_schema.events_statements_summary_by_digest}:
 * every database's statements, each digest with the database it ran in. It needs the server
 * started with {@code performance_schema = ON} (MariaDB's default is off), the
 * {@code statements_digest} consumer enabled (the default), and {@code SELECT} on
 * {@code performance_schema} for the login.
 */
public final class MySqlQueryLogReader implements QueryLogReader {
    private static final String QUERY = "SELECT SCHEMA_NAME, DIGEST, DIGEST_TEXT, COUNT_STAR "
            + "FROM performance_schema.events_statements_summary_by_digest "
            + "WHERE DIGEST IS NOT NULL AND DIGEST_TEXT IS NOT NULL";
    private static final int ACCESS_DENIED = 1142;
    private static final int TIMEOUT_SECONDS = 60;

    @Override
    public List<QueryDigest> read(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet on = statement.executeQuery("SELECT @@performance_schema")) {
                if (!on.next() || !on.getBoolean(1)) {
                    throw new CatalogException(
                            ErrorCode.QUERY_LOG_UNAVAILABLE,
                            "performance_schema is off on this server: start it with performance_schema = ON (my.cnf, or "
                                    + "--performance-schema=ON) to collect statement digests");
                }
            }
            try (ResultSet consumer = statement.executeQuery(
                    "SELECT ENABLED FROM performance_schema.setup_consumers WHERE NAME = 'statements_digest'")) {
                if (consumer.next() && !"YES".equalsIgnoreCase(consumer.getString(1))) {
                    throw new CatalogException(
                            ErrorCode.QUERY_LOG_UNAVAILABLE,
                            "The statements_digest consumer of performance_schema is disabled: UPDATE "
                                    + "performance_schema.setup_consumers SET ENABLED = 'YES' WHERE NAME = 'statements_digest'");
                }
            }
            List<QueryDigest> digests = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(QUERY)) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    digests.add(new QueryDigest(
                            (schema == null ? "" : schema) + ":" + rows.getString(2), rows.getString(3), rows.getLong(4), schema));
                }
            }
            return digests;
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED) {
                throw new CatalogException(
                        ErrorCode.QUERY_LOG_UNAVAILABLE,
                        "The login may not read performance_schema: GRANT SELECT ON performance_schema.* TO it (" + e.getMessage() + ")",
                        e);
            }
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE, "Reading performance_schema failed: " + e.getMessage(), e);
        }
    }
}
