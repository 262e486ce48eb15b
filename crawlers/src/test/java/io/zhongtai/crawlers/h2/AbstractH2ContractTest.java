package io.zhongtai.crawlers.h2;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.AbstractHarvesterContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The contract on an in-memory H2 2.x database, which upper-cases unquoted names; the H2
 * harvester and the generic JDBC fallback both run it, each on its own database.
 */
public abstract class AbstractH2ContractTest extends AbstractHarvesterContractTest {
    private final String url;
    private final Dialect dialect;
    // the first connection keeps the in-memory database alive for the class
    private final Connection keepAlive;

    protected AbstractH2ContractTest(String database, Dialect dialect) throws SQLException {
        this.url = "jdbc:h2:mem:" + database;
        this.dialect = dialect;
        this.keepAlive = DriverManager.getConnection(url, "sa", "");
    }

    @Override
    protected Dialect dialect() {
        return dialect;
    }

    @Override
    protected String jdbcUrl() {
        return url;
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
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
        return Optional.of(DriverManager.getConnection(url, "reader", "reader"));
    }
}
