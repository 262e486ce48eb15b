package io.zhongtai.crawlers.h2;

import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import java.sql.SQLException;

/** The contract on H2 with its own harvester. */
class H2HarvesterIT extends AbstractH2ContractTest {
    H2HarvesterIT() throws SQLException {
        super("h2_harvester_it", Dialect.H2);
    }

    @Override
    protected Harvester harvester() {
        return new H2Harvester();
    }
}
