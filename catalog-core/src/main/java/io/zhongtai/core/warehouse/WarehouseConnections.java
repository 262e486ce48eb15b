package io.zhongtai.core.warehouse;

import java.sql.Connection;

/**
 * Opens JDBC connections to registered warehouses. The caller closes each connection it gets.
 * Implementations honour engine constraints (an embedded DuckDB file is opened once per
 * process and shared), apply connect timeouts, and report an unreachable warehouse or wrong
 * credentials as a {@link io.zhongtai.core.CatalogException} with a clear message.
 */
public interface WarehouseConnections extends AutoCloseable {
    /**
     * @param password the clear-text password (decrypted by the caller just for this call), or null
     */
    Connection open(Warehouse warehouse, String password);

    @Override
    void close();
}
