package io.zhongtai.crawlers;

import io.zhongtai.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** The contract on a database of a real server from test-support, reached as its owning login. */
public abstract class AbstractServerHarvesterContractTest extends AbstractHarvesterContractTest {
    private final TestDatabase database;

    protected AbstractServerHarvesterContractTest(TestDatabase database) {
        this.database = database;
    }

    protected final TestDatabase database() {
        return database;
    }

    @Override
    protected String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    protected Connection connect() throws SQLException {
        return database.connect();
    }
}
