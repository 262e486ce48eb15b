package io.zhongtai.core.harvest;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import java.sql.Connection;
import java.util.function.Consumer;

/** Reads the schemas of a warehouse of one dialect into a {@link HarvestBatch}. */
public interface Harvester {
    boolean supports(Dialect dialect);

    /**
     * @param connection an open connection to the warehouse; not closed here
     * @param progress receives progress events while the harvest runs
     */
    HarvestBatch harvest(Warehouse warehouse, Connection connection, Consumer<HarvestProgress> progress);
}
