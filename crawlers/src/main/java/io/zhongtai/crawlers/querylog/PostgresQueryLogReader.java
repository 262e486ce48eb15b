package io.zhongtai.crawlers.querylog;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's {@code pg_stat_statements}: the statements run in the connected database.
 * It needs {@code shared_preload_libraries = 'pg_stat_statements'} on the server and
 * {@code CREATE EXTENSION pg_stat_statements} in the database; a login without
 * {@code pg_read_all_stats} sees only its own statements' texts (the others are left out).
 */
public final class PostgresQueryLogReader implements QueryLogReader {
    private static final String QUERY = "SELECT s.userid::text || ':' || s.queryid::text AS id, s.query, s.calls "
            + "FROM pg_stat_statements s "
            + "WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND s.queryid IS NOT NULL AND s.query <> '<insufficient privilege>'";
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String PREREQUISITE = "55000";
    private static final int TIMEOUT_SECONDS = 60;

    @Override
    public List<QueryDigest> read(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            List<QueryDigest> digests = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    digests.add(new QueryDigest(rows.getString(1), rows.getString(2), rows.getLong(3), null));
                }
            }
            return digests;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw unavailable("pg_stat_statements is not installed in this database: run CREATE EXTENSION pg_stat_statements "
                        + "as a superuser, with shared_preload_libraries = 'pg_stat_statements' in postgresql.conf", e);
            }
            if (PREREQUISITE.equals(e.getSQLState())) {
                throw unavailable("pg_stat_statements is installed but not loaded: add it to shared_preload_libraries in "
                        + "postgresql.conf and restart the server", e);
            }
            throw new CatalogException(
                    ErrorCode.WAREHOUSE_UNAVAILABLE, "Reading pg_stat_statements failed: " + e.getMessage(), e);
        }
    }

    private static CatalogException unavailable(String message, SQLException cause) {
        return new CatalogException(ErrorCode.QUERY_LOG_UNAVAILABLE, message + " (" + cause.getMessage() + ")", cause);
    }
}
