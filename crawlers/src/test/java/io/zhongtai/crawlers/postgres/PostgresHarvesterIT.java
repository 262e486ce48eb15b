package io.zhongtai.crawlers.postgres;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.AbstractServerHarvesterContractTest;
import io.zhongtai.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** The contract on a real PostgreSQL 14, harvested by the database's owner (not a superuser). */
class PostgresHarvesterIT extends AbstractServerHarvesterContractTest {
    PostgresHarvesterIT() {
        super(TestingPostgres.instance().createDatabase("harvest"));
    }

    @Override
    protected Harvester harvester() {
        return new PostgresHarvester();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    protected String expectedType(DeclaredType type) {
        return switch (type) {
            case INTEGER -> "integer";
            case VARCHAR_100 -> "character varying(100)";
            case DECIMAL_10_2 -> "numeric(10,2)";
            case DATE -> "date";
        };
    }

    @Override
    protected void refreshStatistics(Statement statement, List<String> tables) throws SQLException {
        statement.execute("ANALYZE");
    }

    @Override
    protected Optional<Connection> connectAsRestrictedUser(String schema, String readable, String unreadable) throws SQLException {
        String login = database().name() + "_reader";
        execute("CREATE ROLE " + login + " LOGIN PASSWORD 'reader'",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + login,
                "GRANT SELECT ON " + schema + "." + readable + " TO " + login);
        return Optional.of(DriverManager.getConnection(database().jdbcUrl(), login, "reader"));
    }

    @Override
    protected boolean supportsMaterializedViews() {
        return true;
    }

    @Override
    protected boolean knowsSizes() {
        return true;
    }
}
