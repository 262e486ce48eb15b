package io.zhongtai.metrics.execute;

import java.sql.Connection;

/**
 * Opens a new JDBC connection to a registered warehouse by name. The service implements it over
 * catalog-core's {@link io.zhongtai.core.warehouse.WarehouseConnections} (one DuckDB instance per
 * file, sealed passwords opened just for the call); tests over a plain data source.
 */
@FunctionalInterface
public interface WarehouseConnector {
    /** @throws io.zhongtai.core.CatalogException WAREHOUSE_NOT_FOUND or WAREHOUSE_UNAVAILABLE */
    Connection connect(String warehouse);
}
