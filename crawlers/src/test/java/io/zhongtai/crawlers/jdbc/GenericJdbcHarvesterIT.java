package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.AbstractHarvesterContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The contract for the fallback harvester, through nothing but {@link java.sql.DatabaseMetaData},
 * on an in-memory H2 database: what JDBC cannot tell (view SQL, row counts) is declared unknown.
 */
class GenericJdbcHarvesterIT extends AbstractHarvesterContractTest {
    private static final String URL = "jdbc:h2:mem:generic_harvester_it";
    // the first connection keeps the in-memory database alive for the class
    private final Connection keepAlive = DriverManager.getConnection(URL, "sa", "");

    GenericJdbcHarvesterIT() throws SQLException {}

    @Override
    protected Harvester harvester() {
        return new GenericJdbcHarvester();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.GENERIC;
    }

    @Override
    protected String jdbcUrl() {
        return URL;
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "sa", "");
    }

    @Override
    protected String stored(String unquoted) {
        return unquoted.toUpperCase(Locale.ROOT);
    }

    @Override
    protected String schemaName(String base) {
        return stored(base);
    }

    @Override
    protected String expectedType(DeclaredType type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case VARCHAR_100 -> "CHARACTER VARYING(100)";
            case DECIMAL_10_2 -> "DECIMAL(10,2)";
            case DATE -> "DATE";
        };
    }

    @Override
    protected Optional<Connection> connectAsRestrictedUser(String schema, String readable, String unreadable) throws SQLException {
        execute("CREATE USER reader PASSWORD 'reader'",
                "GRANT SELECT ON " + schema + "." + readable + " TO reader",
                "GRANT INSERT ON " + schema + "." + unreadable + " TO reader");
        return Optional.of(DriverManager.getConnection(URL, "reader", "reader"));
    }

    @Override
    protected boolean knowsViewSql() {
        return false;
    }

    @Override
    protected boolean knowsRowCounts() {
        return false;
    }
}
