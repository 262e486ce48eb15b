package io.zhongtai.crawlers.jdbc;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.h2.AbstractH2ContractTest;
import java.sql.SQLException;

/**
 * The contract for the fallback harvester, through nothing but {@link java.sql.DatabaseMetaData},
 * on an in-memory H2 database: what JDBC cannot tell (view SQL, row counts) is declared unknown.
 */
class GenericJdbcHarvesterIT extends AbstractH2ContractTest {
    GenericJdbcHarvesterIT() throws SQLException {
        super("generic_harvester_it", Dialect.GENERIC);
    }

    @Override
    protected Harvester harvester() {
        return new GenericJdbcHarvester();
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
